/**
 * Hand-checked gold (format: lib/eval/gold/README.md): one JSON file per corpus series with the
 * outlines (levels 1 and 2) of its documents and the section pairs of consecutive versions.
 *
 * `parseGold` validates one file's JSON with zod and then checks what a schema cannot: unique ids,
 * ids that follow the tree ("1", "1.1"), pairs naming known documents and nodes, and every node
 * appearing on its side of a pair's list exactly once (several times only as split/merged).
 * Consistency problems are returned as readable strings, not thrown: a gold file being written may
 * be incomplete, and the evaluation still scores what it can.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { SectionStatus } from "../compare/index.ts";

export const SECTION_STATUSES = [
  "unchanged",
  "modified",
  "renumbered",
  "renamed",
  "moved",
  "added",
  "removed",
  "split",
  "merged",
] as const satisfies readonly SectionStatus[];

interface RawNode {
  id: string;
  number: string | null;
  title: string;
  start?: string;
  children?: RawNode[];
}

const nodeSchema: z.ZodType<RawNode> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    number: z.string().nullable(),
    title: z.string(),
    start: z.string().optional(),
    children: z.array(nodeSchema).optional(),
  }),
);

const goldFileSchema = z.object({
  series: z.string().min(1),
  notes: z.string().optional(),
  documents: z.record(z.string(), z.object({ outline: z.array(nodeSchema) })),
  pairs: z.array(
    z.object({
      old: z.string(),
      new: z.string(),
      notes: z.string().optional(),
      sections: z.array(
        z.object({
          old: z.string().nullable(),
          new: z.string().nullable(),
          status: z.enum(SECTION_STATUSES),
        }),
      ),
    }),
  ),
});

/** One outline node, flattened: level 1 or 2, in document order. */
export interface GoldNode {
  id: string;
  number: string | null;
  title: string;
  start?: string;
  level: number;
  parent: string | null;
}

export interface GoldDocument {
  file: string;
  /** Levels 1 and 2 in document order (preorder). */
  nodes: GoldNode[];
}

export interface GoldSection {
  old: string | null;
  new: string | null;
  status: SectionStatus;
}

export interface GoldPair {
  old: string;
  new: string;
  sections: GoldSection[];
}

export interface GoldSeries {
  series: string;
  documents: Map<string, GoldDocument>;
  pairs: GoldPair[];
}

export interface GoldLoad {
  series: GoldSeries[];
  /** Consistency problems, each prefixed with its file. */
  problems: string[];
}

function flatten(outline: RawNode[], problems: string[]): GoldNode[] {
  const out: GoldNode[] = [];
  const walk = (nodes: RawNode[], parent: RawNode | null, level: number) => {
    for (const n of nodes) {
      if (level > 2) {
        problems.push(`node ${n.id}: deeper than level 2 (ignored)`);
        continue;
      }
      const expectedPrefix = parent ? `${parent.id}.` : "";
      if (n.id.split(".").length !== level || !n.id.startsWith(expectedPrefix))
        problems.push(
          `node ${n.id}: id does not match its place (level ${level}${parent ? `, under ${parent.id}` : ""})`,
        );
      out.push({
        id: n.id,
        number: n.number,
        title: n.title,
        ...(n.start !== undefined ? { start: n.start } : {}),
        level,
        parent: parent?.id ?? null,
      });
      walk(n.children ?? [], n, level + 1);
    }
  };
  walk(outline, null, 1);
  return out;
}

function checkPair(pair: GoldPair, oldDoc: GoldDocument | undefined, newDoc: GoldDocument | undefined): string[] {
  const problems: string[] = [];
  const sides = [
    ["old", oldDoc, pair.old],
    ["new", newDoc, pair.new],
  ] as const;
  for (const [side, doc, file] of sides) {
    if (!doc) {
      problems.push(`pair ${pair.old} -> ${pair.new}: no outline for ${side} document ${file}`);
      continue;
    }
    const seen = new Map<string, number>();
    for (const s of pair.sections) {
      const id = s[side];
      if (id === null) continue;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (!doc.nodes.some((n) => n.id === id))
        problems.push(`pair ${pair.old} -> ${pair.new}: unknown ${side} id ${id}`);
      else if ((seen.get(id) ?? 0) > 1 && s.status !== "split" && s.status !== "merged")
        problems.push(`pair ${pair.old} -> ${pair.new}: ${side} id ${id} listed twice (status ${s.status})`);
    }
    const missing = doc.nodes.filter((n) => !seen.has(n.id)).map((n) => n.id);
    if (missing.length > 0)
      problems.push(`pair ${pair.old} -> ${pair.new}: ${side} nodes in no entry: ${missing.join(", ")}`);
  }
  for (const s of pair.sections) {
    if (s.old === null && s.new === null) problems.push(`pair ${pair.old} -> ${pair.new}: an entry with two nulls`);
    if ((s.old === null) !== (s.status === "added") || (s.new === null) !== (s.status === "removed"))
      problems.push(
        `pair ${pair.old} -> ${pair.new}: entry ${s.old ?? "null"} -> ${s.new ?? "null"} has status ${s.status}`,
      );
  }
  return problems;
}

/** Validate and flatten one gold file's JSON. Throws on a malformed file (schema), reports the rest. */
export function parseGold(json: unknown): { series: GoldSeries; problems: string[] } {
  const file = goldFileSchema.parse(json);
  const problems: string[] = [];
  const documents = new Map<string, GoldDocument>();
  for (const [name, doc] of Object.entries(file.documents)) {
    const local: string[] = [];
    const nodes = flatten(doc.outline, local);
    const ids = new Set<string>();
    for (const n of nodes) {
      if (ids.has(n.id)) local.push(`node ${n.id}: duplicate id`);
      ids.add(n.id);
    }
    problems.push(...local.map((p) => `${name}: ${p}`));
    documents.set(name, { file: name, nodes });
  }
  const pairs: GoldPair[] = file.pairs.map((p) => ({ old: p.old, new: p.new, sections: p.sections }));
  for (const p of pairs) problems.push(...checkPair(p, documents.get(p.old), documents.get(p.new)));
  return { series: { series: file.series, documents, pairs }, problems };
}

/** Every `<series>.json` of a gold folder, sorted by series. A file that fails to parse is a problem. */
export function loadGold(dir: string): GoldLoad {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return { series: [], problems: [] };
  }
  const series: GoldSeries[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    try {
      const parsed = parseGold(JSON.parse(readFileSync(join(dir, name), "utf8")));
      if (`${parsed.series.series}.json` !== name)
        problems.push(`${name}: series is "${parsed.series.series}", not the file name`);
      series.push(parsed.series);
      problems.push(...parsed.problems.map((p) => `${name}: ${p}`));
    } catch (error) {
      const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
      problems.push(`${name}: not read (${message.replace(/\s+/g, " ")})`);
    }
  }
  return { series, problems };
}
