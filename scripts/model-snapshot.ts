/**
 * `npm run -s model-snapshot -- OUTDIR`: the engine's output on every real document pair we have,
 * written as JSON files, so that a refactoring can prove it changed nothing:
 *
 *   npm run -s model-snapshot -- /tmp/models-before
 *   ... refactor ...
 *   npm run -s model-snapshot -- /tmp/models-after
 *   diff -r /tmp/models-before /tmp/models-after
 *
 * Pairs (each document read as the seed reads it: lib/ingest `ingestBytes` with its file name):
 *   - data/samples: every pair of versions of one policy (manifest order, older first);
 *   - data/samples/seeds: every pair of the seeds (five different products of one template);
 *   - lib/eval/corpus: consecutive versions of each series (file-name order = date order).
 * For each pair, two files: the CompareModel from `compareTexts` (lib/compare, the public entry) with
 * default options, and with whitespace, width and numbering ignored.
 *   OUTDIR/<source>--<series>--<old>--<new>--<options>.json
 * Besides, one file per document under OUTDIR/documents/: what ingest and parse made of it (format,
 * metadata, text length and hash, block kinds, outline), so ingest and parse changes show too.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareTexts, type CompareOptions, type IgnoreOption } from "../lib/compare/index.ts";
import { readManifest, SAMPLES_DIR } from "../lib/data/samples.ts";
import { ingestBytes, type IngestResult } from "../lib/ingest/index.ts";
import { parseDocument } from "../lib/parse/index.ts";
import type { SectionNode } from "../lib/parse/types.ts";

const CORPUS_DIR = path.resolve("lib/eval/corpus");
const SEEDS_DIR = path.join(SAMPLES_DIR, "seeds");
const CORPUS_EXTENSIONS = /\.(txt|md|html)$/;

const OPTION_SETS: ReadonlyArray<{ name: string; ignore: IgnoreOption[] }> = [
  { name: "default", ignore: [] },
  { name: "ignore-whitespace,width,numbering", ignore: ["whitespace", "width", "numbering"] },
];

interface Doc {
  /** A readable id, unique in the snapshot: "<source>--<series>--<file name without extension>". */
  id: string;
  /** The file name without its folder or extension (used in pair file names). */
  name: string;
  file: string;
}

interface Pair {
  source: "samples" | "seeds" | "corpus";
  series: string;
  old: Doc;
  new: Doc;
}

const stem = (file: string) => path.basename(file).replace(/\.[^.]+$/, "");

function doc(source: string, series: string, file: string): Doc {
  return { id: `${source}--${series}--${stem(file)}`, name: stem(file), file };
}

async function samplePairs(): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const policy of (await readManifest()).policies) {
    const docs = policy.versions.map((v) => doc("samples", policy.slug, path.join(SAMPLES_DIR, v.file)));
    for (let i = 0; i < docs.length; i++)
      for (let j = i + 1; j < docs.length; j++)
        pairs.push({ source: "samples", series: policy.slug, old: docs[i]!, new: docs[j]! });
  }
  return pairs;
}

function seedPairs(): Pair[] {
  const docs = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => doc("seeds", "seeds", path.join(SEEDS_DIR, f)));
  const pairs: Pair[] = [];
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++)
      pairs.push({ source: "seeds", series: "seeds", old: docs[i]!, new: docs[j]! });
  return pairs;
}

function corpusPairs(): Pair[] {
  const pairs: Pair[] = [];
  const series = readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const s of series) {
    const docs = readdirSync(path.join(CORPUS_DIR, s))
      .filter((f) => CORPUS_EXTENSIONS.test(f))
      .sort()
      .map((f) => doc("corpus", s, path.join(CORPUS_DIR, s, f)));
    for (let i = 0; i + 1 < docs.length; i++)
      pairs.push({ source: "corpus", series: s, old: docs[i]!, new: docs[i + 1]! });
  }
  return pairs;
}

const ingested = new Map<string, IngestResult>();
function ingest(d: Doc): IngestResult {
  let r = ingested.get(d.file);
  if (!r) {
    r = ingestBytes(readFileSync(d.file), { fileName: path.basename(d.file) });
    ingested.set(d.file, r);
  }
  return r;
}

function documentSnapshot(d: Doc): unknown {
  const r = ingest(d);
  const tree = parseDocument(r.text);
  const kinds: Record<string, number> = {};
  for (const b of tree.blocks) kinds[b.kind] = (kinds[b.kind] ?? 0) + 1;
  const outline = (n: SectionNode): unknown => ({
    id: n.id,
    kind: n.kind,
    number: n.number,
    scheme: n.scheme,
    numberPath: n.numberPath,
    title: n.title,
    level: n.level,
    span: n.span,
    children: n.children.map(outline),
  });
  return {
    file: path.relative(process.cwd(), d.file),
    format: r.format,
    ingestMetadata: r.metadata,
    textLength: r.text.length,
    textSha256: createHash("sha256").update(r.text).digest("hex"),
    parseMetadata: tree.metadata,
    blockKinds: kinds,
    preambleBlocks: tree.preambleBlocks,
    sections: tree.sections.map(outline),
  };
}

async function main(outDir: string): Promise<void> {
  mkdirSync(path.join(outDir, "documents"), { recursive: true });
  const pairs = [...(await samplePairs()), ...seedPairs(), ...corpusPairs()];
  const docs = new Map<string, Doc>();
  for (const p of pairs) for (const d of [p.old, p.new]) docs.set(d.id, d);
  for (const d of docs.values())
    writeFileSync(path.join(outDir, "documents", `${d.id}.json`), JSON.stringify(documentSnapshot(d), null, 2) + "\n");
  let files = 0;
  const started = performance.now();
  for (const p of pairs) {
    for (const o of OPTION_SETS) {
      const options: Partial<CompareOptions> = { ignore: o.ignore };
      const model = compareTexts(ingest(p.old).text, ingest(p.new).text, options);
      const name = `${p.source}--${p.series}--${p.old.name}--${p.new.name}--${o.name}.json`;
      writeFileSync(path.join(outDir, name), JSON.stringify(model, null, 2) + "\n");
      files++;
    }
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${pairs.length} pairs, ${files} models, ${docs.size} documents -> ${outDir} (${secs} s)`);
}

const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: npm run -s model-snapshot -- OUTDIR");
  process.exitCode = 2;
} else {
  await main(path.resolve(outDir));
}
