/**
 * The documents the evaluation reads: the development corpus (lib/eval/corpus/<series>/<file>) and
 * the samples and seeds (data/samples/, listed in manifest.json). Each is read the way the app reads
 * an upload: bytes -> lib/ingest (encoding, HTML) -> text -> lib/parse.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ingestBytes, type IngestFormat } from "../ingest/index.ts";
import { type DocumentTree, parseDocument } from "../parse/index.ts";

/** Where a document comes from: the corpus, a sample with history, or a one-version seed. */
export type SourceKind = "corpus" | "sample" | "seed";

export interface EvalDocument {
  /** Path relative to the project root. */
  path: string;
  source: SourceKind;
  /** Corpus series or sample policy folder ("seeds" for seeds). */
  series: string;
  file: string;
  format: IngestFormat;
  text: string;
  tree: DocumentTree;
}

export function readDocument(root: string, path: string, source: SourceKind, series: string): EvalDocument {
  const file = path.split("/").pop()!;
  const ingested = ingestBytes(readFileSync(join(root, path)), { fileName: file });
  return {
    path,
    source,
    series,
    file,
    format: ingested.format,
    text: ingested.text,
    tree: parseDocument(ingested.text),
  };
}

export const CORPUS_DIR = "lib/eval/corpus";
export const GOLD_DIR = "lib/eval/gold";
export const SAMPLES_DIR = "data/samples";

/** Every corpus file, by series then file name. */
export function corpusPaths(root: string): Array<{ path: string; series: string }> {
  const dir = join(root, CORPUS_DIR);
  if (!existsSync(dir)) return [];
  const out: Array<{ path: string; series: string }> = [];
  for (const series of readdirSync(dir).sort()) {
    if (!statSync(join(dir, series)).isDirectory()) continue;
    for (const file of readdirSync(join(dir, series)).sort())
      out.push({ path: relative(root, join(dir, series, file)), series });
  }
  return out;
}

/** Every sample and seed listed in data/samples/manifest.json, in manifest order. */
export function samplePaths(root: string): Array<{ path: string; series: string; source: SourceKind }> {
  const manifestPath = join(root, SAMPLES_DIR, "manifest.json");
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    policies: Array<{ versions: Array<{ file: string }> }>;
  };
  return manifest.policies.flatMap((p) =>
    p.versions.map((v) => {
      const series = v.file.split("/")[0]!;
      return {
        path: `${SAMPLES_DIR}/${v.file}`,
        series,
        source: series === "seeds" ? ("seed" as const) : ("sample" as const),
      };
    }),
  );
}

/** Reads each path once per process (documents are shared by the gold and metamorphic runs). */
export class DocumentCache {
  private readonly docs = new Map<string, EvalDocument>();
  constructor(readonly root: string) {}

  get(path: string, source: SourceKind, series: string): EvalDocument {
    let doc = this.docs.get(path);
    if (!doc) {
      doc = readDocument(this.root, path, source, series);
      this.docs.set(path, doc);
    }
    return doc;
  }
}
