/**
 * `policy compare OLD NEW [--json] [--ignore whitespace,width,numbering]`: what changed between two
 * documents. With --json: the CompareModel (lib/compare/types.ts) with lib/insight's additions
 * (`changeKind`/`topics` on pairs, top-level `keyTerms` and `digest`), whose top level is
 * {"stats": {...}, "sections": [{"status", "old": {"number","title"}|null, "new": ..., "children"}]}.
 * Without: counts, then each changed section with its status, old -> new number/title and a short
 * -/+ excerpt, then the change digest (--lang zh|en, default zh). Nothing is ignored unless --ignore says so (exact comparisons for scripts); the web
 * view and /api/compare default to whitespace,width instead (docs/decisions/0007-compare-urls.md).
 */
import { compareDocuments, IGNORE_OPTIONS, isIgnoreOption } from "../../lib/compare/index.ts";
import type { BlockPair, CompareModel, IgnoreOption, SectionPair, SectionRef } from "../../lib/compare/types.ts";
import { isLocale, type Locale } from "../../lib/i18n/index.ts";
import { analyzeChanges } from "../../lib/insight/index.ts";
import { formatShare, sectionCounts, shareFacts } from "../../lib/view/summary-text.ts";
import { CliError } from "./errors.ts";
import { readDocument } from "./outline.ts";

const USAGE =
  "usage: compare OLD NEW [--json] [--ignore whitespace,width,numbering] [--lang zh|en] (default: nothing ignored, digest in Chinese)";

interface Args {
  oldPath: string;
  newPath: string;
  json: boolean;
  ignore: IgnoreOption[];
  /** Language of the change digest. */
  lang: Locale;
}

export function parseArgs(args: string[]): Args {
  const files: string[] = [];
  let json = false;
  const ignore: IgnoreOption[] = [];
  let lang: Locale = "zh";
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") json = true;
    else if (a === "--lang" || a.startsWith("--lang=")) {
      const value = a === "--lang" ? args[++i] : a.slice("--lang=".length);
      if (!isLocale(value)) throw new CliError(`--lang: expected zh or en`, 2);
      lang = value;
    } else if (a === "--ignore" || a.startsWith("--ignore=")) {
      const list = a === "--ignore" ? args[++i] : a.slice("--ignore=".length);
      if (!list) throw new CliError(`--ignore needs a list (${IGNORE_OPTIONS.join(",")})`, 2);
      for (const item of list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!isIgnoreOption(item))
          throw new CliError(`--ignore: unknown option "${item}" (known: ${IGNORE_OPTIONS.join(", ")})`, 2);
        if (!ignore.includes(item)) ignore.push(item);
      }
    } else if (a.startsWith("--")) throw new CliError(`unknown option ${a}\n${USAGE}`, 2);
    else files.push(a);
  }
  if (files.length !== 2) throw new CliError(USAGE, 2);
  return { oldPath: files[0]!, newPath: files[1]!, json, ignore, lang };
}

export async function run(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  const [oldTree, newTree] = await Promise.all([readDocument(opts.oldPath), readDocument(opts.newPath)]);
  const model = analyzeChanges(compareDocuments(oldTree, newTree, { ignore: opts.ignore }), opts.lang);
  if (opts.json) console.log(JSON.stringify(model, null, 2));
  else console.log(`${formatSummary(model)}\n\n${model.digest.text}`);
  return 0;
}

const label = (r: SectionRef | null) => (r ? [r.number, r.title].filter(Boolean).join(" ") || "(untitled)" : "—");

function excerpt(pairs: BlockPair[], max = 2, width = 70): string[] {
  const lines: string[] = [];
  const clip = (s: string) => {
    const one = s.replace(/\s+/g, " ").trim();
    return one.length > width ? one.slice(0, width - 1) + "…" : one;
  };
  for (const bp of pairs) {
    if (lines.length >= max * 2) break;
    const del = bp.segments
      .filter((s) => s.op === "delete")
      .map((s) => (s.op === "delete" ? s.old : ""))
      .join(" … ");
    const ins = bp.segments
      .filter((s) => s.op === "insert")
      .map((s) => (s.op === "insert" ? s.new : ""))
      .join(" … ");
    if (del.trim()) lines.push(`- ${clip(del)}`);
    if (ins.trim()) lines.push(`+ ${clip(ins)}`);
  }
  return lines;
}

/** The terminal summary. */
export /** The evidence for a pairing worth seeing: its similarity, and "low confidence" for an in-place guess. */
function evidence(p: SectionPair): string {
  if (p.confidence === "low") return ` (low confidence: similarity ${p.similarity})`;
  const judged = p.status === "moved" || p.status === "split" || p.status === "merged" || p.status === "renamed";
  return judged ? ` (similarity ${p.similarity})` : "";
}

function formatSummary(model: CompareModel): string {
  const s = model.stats;
  // The same counts, in the same order, as the web page's chips and description (lib/view/summary-text).
  const counts = [...sectionCounts(s.sections), ["unchanged", s.sections.unchanged] as const]
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const share = formatShare(s.changedRatio, shareFacts(s));
  const out = [
    `sections: ${counts || "none"}`,
    `characters: -${s.deletedChars} +${s.insertedChars} of ${s.oldChars} → ${s.newChars} (${share} changed, ${s.changeSpans} change spans)` +
      (model.options.ignore.length ? `; ignoring ${model.options.ignore.join(", ")}` : ""),
    "",
  ];
  const walk = (list: SectionPair[], depth: number) => {
    for (const p of list) {
      if (p.status !== "unchanged") {
        const names =
          p.old && p.new && label(p.old) !== label(p.new) ? `${label(p.old)} → ${label(p.new)}` : label(p.new ?? p.old);
        out.push(`${"  ".repeat(depth)}[${p.status}] ${names}${evidence(p)}`);
        if (p.status !== "added" && p.status !== "removed")
          for (const line of excerpt(p.blocks.filter((b) => b.status !== "unchanged")))
            out.push(`${"  ".repeat(depth + 1)}${line}`);
      }
      walk(p.children, depth + 1);
    }
  };
  walk(model.sections, 0);
  const pre = model.preamble.filter((b) => b.status !== "unchanged");
  if (pre.length) out.push("[preamble]", ...excerpt(pre).map((l) => "  " + l));
  if (out.length === 3) out.push("no changes");
  return out.join("\n");
}
