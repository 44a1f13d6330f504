/**
 * Stage 1 and 2: cut the text into line units (the future blocks), then mark what is metadata or blank.
 *
 * Units partition the text exactly. A unit is one line with its line break, except:
 * - a run of blank lines is one unit;
 * - a metadata region (front matter, archive block, version-date list) is one unit;
 * - a setext heading is one unit with its underline;
 * - a line joined by text extraction ("十、如何联系我们 - 一、我们收集了哪些个人信息") is cut in two
 *   where a heading starts after " - " (the first part keeps the " - ").
 */
import { isDateLine, type MetaRegion } from "../ingest/metadata.ts";
import { PARSE_CONFIG } from "./config.ts";
import { readLine } from "./numbering.ts";
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

const BLANKISH = /^[\s\u00a0\u3000]*(?:[-*•·][\s\u00a0\u3000]*)?$/;

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

export function splitUnits(text: string, regions: MetaRegion[]): Unit[] {
  const units: Unit[] = [];
  const push = (start: number, end: number, kind: BlockKind, setext = 0, fenced = false) => {
    const body = text.slice(start, end).replace(/\r?\n+$/, "");
    units.push({ start, end, line: setext ? body.replace(/\r?\n[^\n]*$/, "") : body, kind, setext, fenced });
  };

  let pos = 0;
  let fence = false;
  let region = 0;
  while (pos < text.length) {
    const r = regions[region];
    if (r && pos >= r.span.start) {
      push(r.span.start, r.span.end, "meta");
      pos = r.span.end;
      region++;
      continue;
    }
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, end).replace(/\r?\n$/, "");

    if (BLANKISH.test(line)) {
      const last = units[units.length - 1];
      if (last && last.kind === "blank" && last.end === pos) last.end = end;
      else push(pos, end, "blank");
      pos = end;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      push(pos, end, "paragraph", 0, true);
      pos = end;
      continue;
    }
    if (!fence) {
      // Setext heading: a short line followed by === or --- (3 or more).
      const nextEnd = end < text.length ? (text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end) + 1) : -1;
      const next = nextEnd > 0 ? text.slice(end, nextEnd).replace(/\r?\n$/, "") : "";
      const underline = /^\s{0,3}(=+|-+)\s*$/.exec(next);
      if (underline && underline[1]!.length >= 3 && line.trim().length <= PARSE_CONFIG.headingMaxCharsLatin && !/^\s*[-*]\s/.test(line)) {
        push(pos, nextEnd, "paragraph", underline[1]!.startsWith("=") ? 1 : 2);
        pos = nextEnd;
        continue;
      }
      const cut = joinedLineCut(line);
      if (cut > 0) {
        push(pos, pos + cut, "paragraph");
        pos += cut;
        continue;
      }
    }
    push(pos, end, isDateLine(line) ? "meta" : "paragraph", 0, fence);
    pos = end;
  }
  return units;
}
