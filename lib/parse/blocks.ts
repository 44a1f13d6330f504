/**
 * Stage 1 and 2: cut the text into line units (the future blocks), then mark what is metadata or blank.
 *
 * Units partition the text exactly. A unit is one line with its line break, except:
 * - a run of blank lines is one unit;
 * - a metadata region (front matter, archive block, version-date list) is one unit;
 * - a setext heading is one unit with its underline;
 * - a line joined by text extraction ("十、如何联系我们 - 一、我们收集了哪些个人信息") is cut in two
 *   where a heading starts after " - " (the first part keeps the " - ");
 * - a line that is only a number ("第一章", "ARTICLE I", "3.") and the line right after it, when that
 *   line is not numbered itself, are one unit read as one line ("第一章 总则"): extraction and <br> put
 *   a heading's number and title, or a list marker and its item, on separate lines.
 * Line breaks are \n, \r\n or a lone \r (mixed in one text is fine).
 */
import { isDateLine, SEPARATOR_LINE, type MetaRegion } from "../ingest/metadata.ts";
import { PARSE_CONFIG } from "./config.ts";
import { readLine } from "./numbering.ts";
import { lineAt } from "../text/chars.ts";
import { ZERO_WIDTH_CHARS } from "../text/normalize.ts";
import type { BlockKind } from "./types.ts";

export interface Unit {
  start: number;
  end: number;
  /** The unit's text without its trailing line break(s) (for reading, not for output). */
  line: string;
  /** Set when stages decide; "heading" candidates start as "paragraph". */
  kind: BlockKind;
  /** 1 or 2 for a setext heading (underline === or ---), else 0. */
  setext: number;
  /** Inside a fenced code block: never a heading. */
  fenced: boolean;
}

/** Nothing a reader sees: spaces (zero-width ones too) and at most a lone bullet left by extraction. */
const BLANKISH = new RegExp(
  `^[\\s\\u00a0\\u3000${ZERO_WIDTH_CHARS}]*(?:[-*•·][\\s\\u00a0\\u3000${ZERO_WIDTH_CHARS}]*)?$`,
);

/**
 * Page furniture a crawler or a copy from a browser leaves in the text, never part of the document:
 * a link with no text or to a script ("[](javascript:void(0))", "[返回](javascript:;)"), "back to top"
 * and its Chinese forms, "skip to content". Such a line is metadata: shown, never a change of a section.
 */
export function isFurnitureLine(line: string): boolean {
  const t = line
    .trim()
    .replace(/^[-*•·]\s+/, "")
    .replace(/^[\s↑^▲△⬆]+|[\s↑^▲△⬆]+$/g, "");
  if (t === "") return false;
  if (/^(?:!?\[[^\]]*\]\((?:javascript:[^)]*|#?)\)\s*)+$/i.test(t)) return true; // script or empty links only
  if (/^(?:\[\s*\]\([^)]*\)\s*)+$/.test(t)) return true; // links with no text
  const text = t.replace(/^!?\[([^\]]*)\]\([^)]*\)$/, "$1").trim();
  return /^(?:返回顶部|回到顶部|返回页首|回到页首|返回首页|跳到主要内容|跳转到主要内容|back to top|return to top|to top|top of page|scroll to top|skip to (?:main )?content)$/i.test(
    text,
  );
}

/** A line that is only a number (no title): "第一章", "Article 1", "3.", "**（二）**". */
function numberOnly(line: string): boolean {
  const r = readLine(line);
  return r.number !== null && r.title === "" && r.markup !== "md";
}

/** `a` and `b` read as one line; bold on either side is kept around the whole ("**第一章 总则**"). */
function joinLines(a: string, b: string): string {
  const unbold = (x: string) =>
    x
      .trim()
      .replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, "$1")
      .trim();
  const bold = /^\s*(?:\*\*|__).*(?:\*\*|__)\s*$/.test(a) || /^\s*(?:\*\*|__).*(?:\*\*|__)\s*$/.test(b);
  const joined = `${unbold(a)} ${unbold(b)}`;
  return bold ? `**${joined}**` : joined;
}

/** Where extraction joined two lines with " - ": the offset inside `line` where the second begins. */
function joinedLineCut(line: string): number {
  const re = / - (?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const head = line.slice(0, m.index).trim();
    if (head.length === 0 || head.length > PARSE_CONFIG.joinedLineMaxHead) return -1;
    const rest = line.slice(m.index + 3);
    const r = readLine(rest);
    if (r.number !== null || /^[—–]{2}/.test(rest)) return m.index + 3;
  }
  return -1;
}

/** A sentence's end and one space before the next character. */
const SENTENCE_THEN_SPACE = /[。！？][ \u00a0\u3000](?=\S)/g;

/** Two or more spaces (ASCII, ideographic or no-break) between two non-space characters. */
const SPACE_RUN = /(?<=\S)[ \u00a0\u3000]{2,}(?=\S)/g;

/**
 * Where a flattened line's blocks start: text extraction that lost the line breaks of a page
 * (innerText joined with spaces) leaves its blocks separated by runs of two or more spaces, while
 * words and clauses inside a block are separated by one at most. Only a very long line with many such
 * runs is read this way; each cut falls after the spaces. [] when the line is not flattened.
 */
function flattenedLineCuts(line: string): number[] {
  const cuts: number[] = [];
  for (const m of line.matchAll(SPACE_RUN)) cuts.push(m.index + m[0].length);
  if (cuts.length < PARSE_CONFIG.flattenedLineMinRuns) return [];
  // A numbered line after a finished sentence starts a block even where only one space was left
  // ("…其他情形。 四、我们如何使用 Cookie"): a sentence never continues with a number and its title.
  for (const m of line.matchAll(SENTENCE_THEN_SPACE)) {
    const at = m.index + m[0].length;
    if (readLine(line.slice(at, at + 40)).number !== null) cuts.push(at);
  }
  return [...new Set(cuts)].sort((a, b) => a - b);
}

export function splitUnits(text: string, regions: MetaRegion[]): Unit[] {
  const units: Unit[] = [];
  const push = (start: number, end: number, line: string, kind: BlockKind, setext = 0, fenced = false) => {
    units.push({ start, end, line, kind, setext, fenced });
  };

  let pos = 0;
  let fence = false;
  let region = 0;
  while (pos < text.length) {
    const r = regions[region];
    if (r && pos >= r.span.start) {
      push(r.span.start, r.span.end, text.slice(r.span.start, r.span.end).replace(/[\r\n]+$/, ""), "meta");
      pos = r.span.end;
      region++;
      continue;
    }
    const { end: lineEnd, next: end } = lineAt(text, pos);
    const line = text.slice(pos, lineEnd);

    if (BLANKISH.test(line)) {
      const last = units[units.length - 1];
      if (last && last.kind === "blank" && last.end === pos) last.end = end;
      else push(pos, end, "", "blank");
      pos = end;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      push(pos, end, line, "paragraph", 0, true);
      pos = end;
      continue;
    }
    if (!fence && end < text.length) {
      const after = lineAt(text, end);
      const next = text.slice(end, after.end);
      // Setext heading: a short line followed by === or --- (3 or more).
      const underline = /^\s{0,3}(=+|-+)\s*$/.exec(next);
      if (
        underline &&
        underline[1]!.length >= 3 &&
        line.trim().length <= PARSE_CONFIG.markupHeadingMaxChars &&
        !/^\s*[-*]\s/.test(line)
      ) {
        push(pos, after.next, line, "paragraph", underline[1]!.startsWith("=") ? 1 : 2);
        pos = after.next;
        continue;
      }
      // A number alone on its line and the text that follows it (not numbered, not a heading of its own).
      if (
        line.length <= PARSE_CONFIG.headingMaxChars &&
        !BLANKISH.test(next) &&
        !/^\s*(#|```|~~~)/.test(next) &&
        numberOnly(line) &&
        readLine(next).number === null &&
        !isDateLine(next)
      ) {
        push(pos, after.next, joinLines(line, next), "paragraph");
        pos = after.next;
        continue;
      }
    }
    if (!fence && line.length >= PARSE_CONFIG.flattenedLineMinChars) {
      const cuts = flattenedLineCuts(line);
      if (cuts.length > 0) {
        let from = 0;
        for (const cut of [...cuts, line.length]) {
          const piece = line.slice(from, cut);
          push(pos + from, cut === line.length ? end : pos + cut, piece.trimEnd(), "paragraph");
          from = cut;
        }
        pos = end;
        continue;
      }
    }
    if (!fence) {
      const cut = joinedLineCut(line);
      if (cut > 0) {
        push(pos, pos + cut, line.slice(0, cut), "paragraph");
        pos += cut;
        continue;
      }
    }
    const kind = fence
      ? "paragraph"
      : SEPARATOR_LINE.test(line)
        ? "blank" // a thematic break between blocks: layout, not text
        : isDateLine(line) || isFurnitureLine(line)
          ? "meta"
          : "paragraph";
    push(pos, end, line, kind, 0, fence);
    pos = end;
  }
  return units;
}
