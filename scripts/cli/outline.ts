/**
 * `policy outline FILE [--json]`: the section tree of one document (.txt, .md, .html; UTF-8, UTF-16,
 * GB18030/GBK). With --json: {"title","publishedAt","effectiveAt","sections":[{"kind","number","title",
 * "level","children"}]}; without: an indented outline for a terminal.
 */
import { readFile } from "node:fs/promises";
import { ingestFile, IngestError } from "../../lib/ingest/index.ts";
import { parseDocument } from "../../lib/parse/index.ts";
import type { DocumentTree, SectionNode } from "../../lib/parse/types.ts";
import { CliError } from "./errors.ts";

export interface OutlineSection {
  kind: "part" | "section";
  number: string | null;
  title: string;
  level: number;
  children: OutlineSection[];
}

export interface Outline {
  title: string | null;
  publishedAt: string | null;
  effectiveAt: string | null;
  sections: OutlineSection[];
}

export function outlineOf(tree: DocumentTree): Outline {
  const map = (n: SectionNode): OutlineSection => ({
    kind: n.kind,
    number: n.number,
    title: n.title,
    level: n.level,
    children: n.children.map(map),
  });
  return {
    title: tree.metadata.title,
    publishedAt: tree.metadata.publishedAt,
    effectiveAt: tree.metadata.effectiveAt,
    sections: tree.sections.map(map),
  };
}

export function formatOutline(outline: Outline): string {
  const lines = [
    outline.title ?? "(untitled)",
    `published: ${outline.publishedAt ?? "-"}   effective: ${outline.effectiveAt ?? "-"}`,
    "",
  ];
  const walk = (s: OutlineSection, depth: number) => {
    const label = [s.number, s.title].filter(Boolean).join(" ");
    lines.push(`${"  ".repeat(depth)}${s.kind === "part" ? "[" + label + "]" : label}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of outline.sections) walk(s, 0);
  if (outline.sections.length === 0) lines.push("(no sections found)");
  return lines.join("\n");
}

/** Read and ingest a file; user errors become CliErrors. */
export async function readDocument(path: string): Promise<DocumentTree> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : "cannot read it";
    throw new CliError(`${path}: ${why}`);
  }
  try {
    const { text } = await ingestFile(bytes, { fileName: path });
    return parseDocument(text);
  } catch (error) {
    if (error instanceof IngestError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
  const files = args.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0) throw new CliError(`outline: unknown option ${unknown[0]}`, 2);
  if (files.length !== 1) throw new CliError("usage: policy outline FILE [--json]", 2);
  const tree = await readDocument(files[0]!);
  const outline = outlineOf(tree);
  console.log(json ? JSON.stringify(outline, null, 2) : formatOutline(outline));
  return 0;
}
