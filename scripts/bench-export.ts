/**
 * `npm run bench:export`: how long an export of a large pair takes (docs/decisions/0015-exports.md).
 * For the ~160 KB bench pair (scripts/bench-pairs.ts) and seed 000 vs 001, each format:
 *   export ms     render from a ready model and view model, until the last byte is read (median);
 *   first byte    for the streamed formats (CSV, Markdown): until the first chunk (median);
 *   total ms      cold: compare (parse, align, diff; engine caches cleared) + view model + export (median);
 *   size          bytes of the file.
 * Target: total ≤ 2000 ms for the large pair, every format (a served export on a cache miss does
 * this work; on a hit the compare step is a read of the cached model instead). Figures, not tests.
 *   --quick       fewer runs
 */
import { availableParallelism, loadavg } from "node:os";
import { clearEngineCaches, compareTexts } from "../lib/compare/index.ts";
import { renderExport, type ExportFormat, type ExportInput, type ExportScope } from "../lib/export/index.ts";
import { buildCompareView } from "../lib/view/build.ts";
import { largePair, seed } from "./bench-pairs.ts";

const TARGET_MS = 2000;
const runs = process.argv.includes("--quick") ? 3 : 7;
const IGNORE = ["whitespace", "width"] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function inputFor(a: string, b: string, scope: ExportScope): ExportInput {
  const model = compareTexts(a, b, { ignore: [...IGNORE] });
  const side = (key: string) => ({
    slug: "bench",
    key,
    policyName: "基准测试",
    publishedAt: key,
    label: null,
    url: `http://localhost/p/bench/v/${key}`,
  });
  return {
    model,
    view: buildCompareView({ model }),
    from: side("2021-01-01"),
    to: side("2022-01-01"),
    ignore: [...IGNORE],
    scope,
    locale: "zh",
    compareUrl: "http://localhost/p/bench/compare/2021-01-01...2022-01-01",
  };
}

/** Renders and reads the whole file; ms until the first and the last byte, and the size. */
async function exportOnce(
  format: ExportFormat,
  input: ExportInput,
): Promise<{ first: number; all: number; size: number }> {
  const t = performance.now();
  const file = await renderExport(format, input);
  if (file.body instanceof Uint8Array) {
    const ms = performance.now() - t;
    return { first: ms, all: ms, size: file.body.byteLength };
  }
  const reader = file.body.getReader();
  let first = 0;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!size) first = performance.now() - t;
    size += value.byteLength;
  }
  return { first, all: performance.now() - t, size };
}

const variants: { name: string; format: ExportFormat; scope: ExportScope }[] = [
  { name: "docx table", format: "docx", scope: "changes" },
  { name: "docx table, all", format: "docx", scope: "all" },
  { name: "redline docx", format: "redline", scope: "changes" },
  { name: "csv", format: "csv", scope: "changes" },
  { name: "md", format: "md", scope: "changes" },
];

const large = largePair();
const pairs = [
  { name: "large", a: large.a, b: large.b, judged: true },
  { name: "000 vs 001", a: seed(0), b: seed(1), judged: false },
];

console.log(
  `node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}; ${runs} runs each, medians`,
);
let allOk = true;
let peakHeap = 0;
for (const p of pairs) {
  const kb = ((Buffer.byteLength(p.a) + Buffer.byteLength(p.b)) / 2048).toFixed(0);
  console.log(`\n${p.name} (${kb} KB a side)`);
  const header = [
    "format",
    "export ms",
    "first byte ms",
    "total ms (cold)",
    "size KB",
    p.judged ? `≤ ${TARGET_MS}` : "",
  ];
  const rows: string[][] = [header];
  for (const v of variants) {
    const ready = inputFor(p.a, p.b, v.scope);
    await exportOnce(v.format, ready); // warm-up (JIT, the docx library's first use)
    const exports: { first: number; all: number; size: number }[] = [];
    const totals: number[] = [];
    for (let r = 0; r < runs; r++) {
      exports.push(await exportOnce(v.format, ready));
      clearEngineCaches();
      const t = performance.now();
      await exportOnce(v.format, inputFor(p.a, p.b, v.scope));
      totals.push(performance.now() - t);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const total = median(totals);
    const ok = total <= TARGET_MS;
    if (p.judged) allOk &&= ok;
    rows.push([
      v.name,
      median(exports.map((e) => e.all)).toFixed(0),
      v.format === "csv" || v.format === "md" ? median(exports.map((e) => e.first)).toFixed(0) : "-",
      total.toFixed(0),
      (exports[0]!.size / 1024).toFixed(0),
      p.judged ? (ok ? "yes" : "NO") : "",
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
console.log(`\npeak heap ${(peakHeap / 1024 / 1024).toFixed(0)} MB; load average at end ${loadavg()[0]!.toFixed(2)}`);
console.log(
  allOk ? `large pair: every export within ${TARGET_MS} ms` : `large pair: some export NOT within ${TARGET_MS} ms`,
);
