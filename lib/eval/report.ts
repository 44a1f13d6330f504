/** The evaluation's tables as text, for a terminal (`npm run eval`). */
import { formatInsightEval } from "./insight.ts";
import type { EvalReport } from "./run.ts";
import type { GoldFigures, MetamorphicFigures, MetamorphicGroup } from "./summary.ts";

const num = (x: number | null) => (x === null ? "-" : x.toFixed(3));

/** Left-aligned first columns, right-aligned numbers; one space-padded line per row. */
export function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const goldCells = (f: GoldFigures) => [
  num(f.outlineTop),
  num(f.outlineSecond),
  num(f.pairTop),
  num(f.pairSecond),
  num(f.status),
  num(f.baselineTop),
  num(f.baselineSecond),
];

const GOLD_HEADER = ["outline1", "outline2", "pairs1", "pairs2", "status", "base1", "base2"];

const date = (file: string) => file.replace(/_.*$/, "").replace(/\.[a-z]+$/, "");

export function goldTable(report: NonNullable<EvalReport["gold"]>): string {
  const rows = report.rows.map((r, i) => [
    r.series,
    `${date(r.old)} → ${date(r.new)}`,
    ...goldCells(report.rowFigures[i]!),
  ]);
  rows.push(["all (micro)", `${report.rows.length} pairs`, ...goldCells(report.figures)]);
  return table(["series", "pair", ...GOLD_HEADER], rows, 2);
}

const metaCells = (g: MetamorphicGroup, f: MetamorphicFigures) => [
  String(g.cases),
  num(f.outlineRecovered),
  num(f.pairF1),
  num(f.status),
  g.formattingCases > 0 ? String(g.changedIgnoringNumbers) : "-",
  g.formattingCases > 0 ? `${g.changedWeb}/${g.expectedWeb}` : "-",
];

const META_HEADER = ["cases", "outline", "pairF1", "status", "chg(num)", "chg(web)/exp"];

export function transformTable(m: NonNullable<EvalReport["metamorphic"]>): string {
  const rows = m.byTransform.map((g) => [g.name, g.group, ...metaCells(g, g.figures)]);
  rows.push(["all", "", ...metaCells(m.all, m.all.figures)]);
  return table(["transformation", "group", ...META_HEADER], rows, 2);
}

export function kindTable(m: NonNullable<EvalReport["metamorphic"]>): string {
  const rows = m.byKind.map((g) => [g.name, String(g.documents), ...metaCells(g, g.figures)]);
  return table(["source kind", "docs", ...META_HEADER], rows, 1);
}

/** One line with the headline figures of both halves. */
export function overallLine(report: EvalReport): string {
  const parts: string[] = [];
  if (report.gold) {
    const f = report.gold.figures;
    parts.push(
      `gold: outline ${num(f.outlineTop)}/${num(f.outlineSecond)}, pairs ${num(f.pairTop)}/${num(f.pairSecond)}` +
        ` (baseline ${num(f.baselineTop)}/${num(f.baselineSecond)}), status ${num(f.status)}`,
    );
  }
  if (report.metamorphic) {
    const f = report.metamorphic.all.figures;
    parts.push(
      `metamorphic: outline recovered ${num(f.outlineRecovered)}, pairs ${num(f.pairF1)}, status ${num(f.status)}, ` +
        `changed ${f.changedIgnoringNumbers} (ignoring numbers; target 0)`,
    );
  }
  return `overall (${report.engineVersion}) — ${parts.join("; ")}`;
}

export const LEGEND = [
  "gold: outline1/2 = outline F1 at top/second level; pairs1/2 = section-pair F1 at top/second level;",
  "  status = status accuracy on correct two-sided pairs; base1/2 = pair F1 of pairing by exact title (numbers",
  "  stripped) on the gold outlines. Pairs and statuses with ignore=whitespace,width (the web defaults).",
  "metamorphic: outline = share of cases whose top/second levels parse back with the same titles; pairF1 = pair",
  "  F1 (all depths) against the known mapping; status = accuracy on correct two-sided pairs; chg(num) = sections",
  "  reported changed with ignore=whitespace,width,numbering in formatting-only cases (target 0); chg(web)/exp =",
  "  changed with the web defaults / sections whose printed number changed (target: equal).",
].join("\n");

/** The failures of every metamorphic case and the outline/pair errors of every gold pair. */
export function details(report: EvalReport): string {
  const out: string[] = [];
  if (report.gold) {
    for (const r of report.gold.rows) {
      const lines: string[] = [];
      for (const d of r.documents) {
        if (d.descended.length)
          lines.push(`  ${d.file}: descended into ${d.descended.map((t) => `"${t}"`).join(", ")}`);
        if (d.missed.length) lines.push(`  ${d.file}: missed ${d.missed.length}: ${d.missed.slice(0, 8).join("; ")}`);
        if (d.spurious.length)
          lines.push(`  ${d.file}: spurious ${d.spurious.length}: ${d.spurious.slice(0, 8).join("; ")}`);
      }
      const s = r.score;
      if (s.missing.length) lines.push(`  pairs missed ${s.missing.length}: ${s.missing.slice(0, 12).join(" ")}`);
      if (s.extra.length) lines.push(`  pairs extra ${s.extra.length}: ${s.extra.slice(0, 12).join(" ")}`);
      if (s.statusErrors.length)
        lines.push(`  statuses wrong ${s.statusErrors.length}: ${s.statusErrors.slice(0, 12).join(", ")}`);
      if (lines.length) out.push(`gold ${r.series} ${r.old} → ${r.new}`, ...lines);
    }
    for (const p of report.gold.problems) out.push(`gold problem: ${p}`);
  }
  if (report.metamorphic) {
    for (const c of report.metamorphic.cases)
      if (c.failures.length) out.push(`${c.transform} ${c.document}`, ...c.failures.map((f) => `  ${f}`));
    for (const p of report.metamorphic.noSections) out.push(`no sections (no transformation applies): ${p}`);
  }
  return out.join("\n");
}

export function formatReport(report: EvalReport, withDetails = false): string {
  const parts: string[] = [];
  if (report.gold) {
    parts.push(`Gold (${report.gold.rows.length} pairs; ${report.seconds.gold.toFixed(1)} s)`, goldTable(report.gold));
    if (report.gold.problems.length) parts.push(`gold problems: ${report.gold.problems.length} (see --details)`);
  }
  if (report.metamorphic) {
    const m = report.metamorphic;
    parts.push(
      `Metamorphic suite (${m.documents} documents, ${m.cases.length} cases; ${report.seconds.metamorphic.toFixed(1)} s)`,
      transformTable(m),
      "",
      kindTable(m),
    );
  }
  if (report.insight) parts.push("", formatInsightEval(report.insight, withDetails));
  parts.push("", LEGEND, "", overallLine(report));
  if (withDetails) parts.push("", "Details", details(report));
  return parts.join("\n");
}
