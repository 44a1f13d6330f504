/**
 * The redline: the new version as a Word document in which every change is a real tracked change
 * (w:ins around inserted runs, w:del + w:delText around deleted ones, and the paragraph marks of added
 * and removed paragraphs tracked too), so a reader can go through them in Word or WPS and accept or
 * reject each. Accepting all gives the new text, rejecting all the old one (paragraph by paragraph;
 * blank lines are not kept, and a section that moved stays at its new place: its text changes are
 * tracked there, the move itself is not, see ADR 0015).
 *
 * Built from the engine's model in document order (preamble, then sections depth-first, each heading
 * as a Word heading of its level), one paragraph per line of each aligned block pair.
 */
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from "docx";
import type { BlockPair, SectionPair } from "../compare/types.ts";
import { buildBlockRow } from "../view/build.ts";
import type { Mark, TextRun as MarkedRun } from "../view/types.ts";
import { documentStyles, noteRun, packDocx, SIZES, xmlText } from "./docx-common.ts";
import { messagesFor, pairTitle, siteName } from "./rows.ts";
import type { ExportInput } from "./types.ts";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** One output paragraph: its runs, and whether its paragraph mark was inserted or deleted. */
export interface RedlineParagraph {
  runs: MarkedRun[];
  mark: Mark;
}

/**
 * A block's merged runs (equal, deleted, inserted in reading order) as paragraphs, split at line
 * breaks. A line break inside a deleted or inserted run is a deleted or inserted paragraph mark; the
 * block's last mark is inserted when the block exists only in the new text, deleted when only in the
 * old. Runs of line breaks count once (blank lines are not kept).
 *   [eq "甲\n乙", ins "丙\n丁"] (both sides) -> 甲¶ | 乙 +丙 +¶ | +丁 ¶
 */
export function redlineParagraphs(runs: readonly MarkedRun[], last: Mark): RedlineParagraph[] {
  const out: RedlineParagraph[] = [];
  let current: MarkedRun[] = [];
  const close = (mark: Mark) => {
    if (current.some((r) => r.t.length)) {
      out.push({ runs: current, mark });
      current = [];
    } else if (mark === "eq" && out.length) {
      // A blank line that both sides have: the paragraph before it ends on both sides too.
      out[out.length - 1]!.mark = "eq";
    }
  };
  for (const r of runs) {
    const parts = r.t.split(/\r?\n/);
    parts.forEach((t, i) => {
      if (i > 0) close(r.m);
      if (t) current.push({ t, m: r.m });
    });
  }
  close(last);
  return out;
}

interface Revision {
  author: string;
  date: string;
  next: () => number;
}

function paragraphChildren(runs: MarkedRun[], rev: Revision): ParagraphChild[] {
  return runs.map((r) => {
    const text = xmlText(r.t);
    if (r.m === "ins") return new InsertedTextRun({ text, id: rev.next(), author: rev.author, date: rev.date });
    if (r.m === "del") return new DeletedTextRun({ text, id: rev.next(), author: rev.author, date: rev.date });
    return new TextRun(text);
  });
}

function toParagraph(p: RedlineParagraph, rev: Revision, heading?: (typeof HEADINGS)[number]): Paragraph {
  const tracked = { id: rev.next(), author: rev.author, date: rev.date };
  return new Paragraph({
    ...(heading ? { heading } : {}),
    children: paragraphChildren(p.runs, rev),
    ...(p.mark === "ins" ? { run: { insertion: tracked } } : p.mark === "del" ? { run: { deletion: tracked } } : {}),
  });
}

/** Which side a block pair is on: both, only new (its marks inserted), only old (deleted). */
function lastMark(pair: BlockPair): Mark {
  if (pair.oldBlock === null) return "ins";
  if (pair.newBlock === null) return "del";
  return "eq";
}

/**
 * A block pair's text in reading order: equal (the new side's characters), deleted, inserted. Read
 * from the segments themselves rather than the view's rows, which leave out blocks the parser calls
 * blank (a lone "-" line); both texts must come back whole here.
 */
function pairRuns(pair: BlockPair, input: ExportInput): MarkedRun[] {
  if (!pair.segments.length) return buildBlockRow(pair, { model: input.model })?.inline ?? [];
  return pair.segments.map((s) =>
    s.op === "equal" ? { t: s.new, m: "eq" } : s.op === "delete" ? { t: s.old, m: "del" } : { t: s.new, m: "ins" },
  );
}

function blockParagraphs(
  pair: BlockPair,
  input: ExportInput,
  rev: Revision,
  heading?: (typeof HEADINGS)[number],
): Paragraph[] {
  return redlineParagraphs(pairRuns(pair, input), lastMark(pair)).map((p) => toParagraph(p, rev, heading));
}

/** The document's paragraphs, in order: the preamble, then every section depth-first. */
function bodyParagraphs(input: ExportInput, rev: Revision): Paragraph[] {
  const out: Paragraph[] = [];
  for (const pair of input.model.preamble) out.push(...blockParagraphs(pair, input, rev));
  const visit = (section: SectionPair, depth: number) => {
    if (section.heading)
      out.push(...blockParagraphs(section.heading, input, rev, HEADINGS[Math.min(depth, HEADINGS.length) - 1]));
    for (const pair of section.blocks) out.push(...blockParagraphs(pair, input, rev));
    for (const child of section.children) visit(child, depth + 1);
  };
  for (const section of input.model.sections) visit(section, 1);
  return out;
}

/** The date written on every tracked change: the new version's published date, else the export's time. */
function revisionDate(input: ExportInput): string {
  if (input.to.publishedAt) return `${input.to.publishedAt.slice(0, 10)}T00:00:00Z`;
  return (input.createdAt ?? new Date().toISOString()).replace(/\.\d+Z$/, "Z");
}

/** The redline as a .docx file's bytes. */
export async function renderRedlineDocx(input: ExportInput): Promise<Uint8Array> {
  const m = messagesFor(input);
  let id = 0;
  const rev: Revision = { author: siteName(input.locale), date: revisionDate(input), next: () => ++id };
  const body = bodyParagraphs(input, rev);
  const heading = `${m.export.redlineTitle} · ${pairTitle(input)}`;
  const doc = new Document({
    title: xmlText(heading),
    creator: siteName(input.locale),
    description: xmlText(input.compareUrl),
    styles: documentStyles(input),
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [noteRun(heading)] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: SIZES.small }),
                ],
              }),
            ],
          }),
        },
        children: body.length ? body : [new Paragraph({})],
      },
    ],
  });
  return packDocx(doc);
}
