/**
 * Stages 3-5: which units are headings, which are table-of-contents lines, and at what level.
 *
 * - Part lines: 第X部分, 附一/附录/附件, 摘要/正文/全文, and short document-kind titles
 *   (…隐私政策, 儿童个人信息保护声明, …规则) standing alone on a line.
 * - Heading candidates: numbered (any scheme), markdown (# or setext) or whole-line bold lines whose
 *   title is short and not a sentence (no 。；; inside or at the end). Plain unnumbered lines are body.
 * - TOC runs: consecutive numbered lines of one scheme with nothing but blank lines between them, whose
 *   titles reappear later as headings (or that follow a "以下内容"/"目录"/"Contents" line).
 * - Lists: a run of two or more candidates of one scheme with no body between them, not a TOC, right
 *   after a paragraph ending in a colon ("…以下途径：1、联系客服 2、拨打热线") is a list: its items are paragraphs.
 * - A short numbered line ending in 。/； is a heading only where it continues a sibling run of headings
 *   ("（二）存放地域" then "（三）安全保护措施。"); elsewhere it is a list item.
 * - Levels: a stack of schemes. The first scheme seen is the outermost; a scheme not on the stack nests
 *   under the current one; a scheme on the stack closes everything opened after it. Markdown headings
 *   nest by their # count; parts close every section. A number must continue its sibling run (n+1, a
 *   small gap, or a restart at 1), else the line is a list item, not a heading.
 */
import { PARSE_CONFIG } from "./config.ts";
import { readLine, type LineReading } from "./numbering.ts";
import type { Unit } from "./blocks.ts";

export interface HeadingInfo {
  unit: number;
  reading: LineReading;
  kind: "part" | "section";
  level: number;
}

const PART_WORD = /^(?:摘要|概要|正文|全文|附录|附件|附则|summary|appendix|annex|schedule)(?:\s*[一二三四五六七八九十\d]+)?$/i;
const APPENDIX = /^(附\s*[一二三四五六七八九十\d]+|附录\s*[一二三四五六七八九十\dA-Z]*|附件\s*[一二三四五六七八九十\d]*|(?:appendix|annex|schedule)\s+[\dA-Z]+)(?=[\s:：、.．]|$)/i;
const DOC_KIND = /^(?=.{4,30}$)[^。；;，,]*(?:隐私|个人信息|儿童|未成年|用户|数据|cookie)[^。；;，,]*(?:政策|声明|规则|指引|协议|条款|须知)(?:摘要|概要|正文|全文)?$/i;
const TOC_INTRO = /(?:以下内容|如下内容|包含以下|包括以下|目录|contents)\s*[:：]?\s*$/i;
const SENTENCE_END = /[。；;！!？?，,]$/;

function isLatin(s: string): boolean {
  const letters = s.replace(/[^A-Za-z\u4e00-\u9fff]/g, "");
  if (!letters) return false;
  return letters.replace(/[^A-Za-z]/g, "").length / letters.length > PARSE_CONFIG.latinShare;
}

/** A part line (kind "part"): returns the reading, with the 附一-style number filled in. */
function readPart(r: LineReading): LineReading | null {
  if (r.scheme === "part") return r;
  if (r.number !== null) return null;
  const t = r.title;
  if (t.length > PARSE_CONFIG.partMaxChars) return null;
  const app = APPENDIX.exec(t);
  if (app) {
    const number = app[1]!.replace(/\s+/g, "");
    const title = t.slice(app[0].length).replace(/^[\s:：、.．]+/, "").trim();
    return { ...r, number, title: title || number, numberPath: [] };
  }
  if (PART_WORD.test(t) || DOC_KIND.test(t)) return r;
  return null;
}

/**
 * Is this reading shaped like a heading? "strong": short and not a sentence. "weak": a short numbered
 * line ending in 。/； (e.g. "（三）安全保护措施。"), a heading only where it continues its sibling run.
 */
function headingShape(r: LineReading): "strong" | "weak" | false {
  if (!headingShaped(r)) {
    if (r.number === null || r.markup === "md") return false;
    const t = r.title.replace(/[。；;]$/, "");
    return t !== r.title && headingShaped({ ...r, title: t }) ? "weak" : false;
  }
  return "strong";
}

function headingShaped(r: LineReading): boolean {
  const t = r.title;
  if (t === "") return false;
  if (r.scheme === "plain") return false;
  const latin = isLatin(t);
  const max = r.markup === "md" ? PARSE_CONFIG.headingMaxCharsLatin : latin ? PARSE_CONFIG.headingMaxCharsLatin : r.number === null ? PARSE_CONFIG.boldHeadingMaxChars : PARSE_CONFIG.headingMaxChars;
  if (t.length > max) return false;
  if (r.markup === "md") return true;
  if (SENTENCE_END.test(t) || /[。；;]/.test(t)) return false;
  if (latin && /\.$/.test(t)) return false;
  if (r.number === null && r.markup === "bold" && /[:：]\s*(\*\*)?$/.test(r.content)) return false; // "**您理解并同意：**" leads into text
  if (!latin && /[，,]/.test(t)) return false; // a Chinese title has no comma: "您充分知晓，以下情形中…" is a sentence
  return true;
}

/** Scheme key used for nesting: decimal depth and markdown level distinguish keys. */
function keyOf(r: LineReading, isPart: boolean): string {
  if (isPart) return r.scheme === "part" ? "part" : "part-word";
  if (r.markup === "md") return `md${r.mdLevel}`;
  if (r.scheme === "decimal") return `decimal${r.numberPath.length}`;
  return r.scheme;
}

const norm = (s: string) => s.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();

export function findHeadings(units: Unit[]): HeadingInfo[] {
  // Readings of every unit that may matter.
  const readings: (LineReading | null)[] = units.map((u) => (u.kind === "paragraph" && !u.fenced ? readLine(u.line, u.setext) : null));
  const parts = readings.map((r) => (r ? readPart(r) : null));
  const shape = readings.map((r, i) => (r === null ? false : parts[i] !== null ? "strong" : headingShape(r)));
  const candidate = shape.map((s) => s === "strong");
  const weak = shape.map((s) => s === "weak");

  // TOC runs over numbered lines (any length), then lists among candidates.
  const nextContent = (i: number) => {
    let j = i + 1;
    while (j < units.length && units[j]!.kind === "blank") j++;
    return j;
  };
  const prevContent = (i: number) => {
    let j = i - 1;
    while (j >= 0 && units[j]!.kind === "blank") j--;
    return j;
  };
  const runs: number[][] = [];
  for (let i = 0; i < units.length; i++) {
    const r = readings[i];
    if (!r || r.number === null || parts[i] || r.markup === "md") continue;
    const run = [i];
    let j = nextContent(i);
    while (j < units.length) {
      const s = readings[j];
      const last = readings[run[run.length - 1]!]!;
      if (!s || s.markup === "md" || keyOf(s, false) !== keyOf(last, false) || s.numberPath.at(-1) !== (last.numberPath.at(-1) ?? 0) + 1) break;
      run.push(j);
      j = nextContent(j);
    }
    if (run.length >= 2) runs.push(run);
    i = run[run.length - 1]!;
  }
  const isToc = new Array<boolean>(units.length).fill(false);
  for (const run of runs) {
    const intro = prevContent(run[0]!);
    const introText = intro >= 0 ? units[intro]!.line : "";
    const laterTitles = new Set<string>();
    for (let k = run[run.length - 1]! + 1; k < units.length; k++) {
      const r = readings[k];
      if (r && candidate[k]) laterTitles.add(norm(r.title));
    }
    const repeated = run.filter((i) => laterTitles.has(norm(readings[i]!.title))).length;
    const toc = run.length >= PARSE_CONFIG.tocMinItems && (TOC_INTRO.test(introText) || repeated / run.length >= PARSE_CONFIG.tocMinRepeatShare);
    if (toc) for (const i of run) isToc[i] = true;
    else if (run.every((i) => candidate[i]) && /[:：]\s*$/.test(introText) && readings[intro] !== null && !candidate[intro]) {
      for (const i of run) candidate[i] = false; // a list introduced by "...以下途径："
    }
  }
  for (let i = 0; i < units.length; i++) if (isToc[i]) units[i]!.kind = "toc";

  // Levels.
  interface Entry { key: string; last: number; md: number; part: boolean }
  const stack: Entry[] = [];
  const headings: HeadingInfo[] = [];
  /**
   * The last numbered line of each key that was not taken as a heading, and where in the tree it sat
   * (the stack entry it was under). "（三）短标题" after "（一）<long sentence>" "（二）<long sentence>"
   * is their sibling: it goes where （一） was, not under whatever heading came in between.
   */
  interface Seen { value: number; depth: number; parent: Entry | undefined }
  const lastNumbered = new Map<string, Seen>();
  const seenValid = (s: Seen | undefined): s is Seen => s !== undefined && s.depth <= stack.length && stack[s.depth - 1] === s.parent;
  for (let i = 0; i < units.length; i++) {
    const r0 = readings[i];
    if (!r0 || isToc[i]) continue;
    if (!acceptHeading(i, r0) && r0.number !== null) {
      const key = keyOf(r0, false);
      const value = r0.numberPath.at(-1) ?? 0;
      const prev = lastNumbered.get(key);
      const inherit = seenValid(prev) && prev.value === value - 1;
      lastNumbered.set(key, inherit ? { ...prev, value } : { value, depth: stack.length, parent: stack[stack.length - 1] });
    }
  }
  return headings;

  /** Decide one unit; on acceptance push it on the stack and record the heading. */
  function acceptHeading(i: number, r0: LineReading): boolean {
    if (!(candidate[i] || weak[i])) return false;
    const part = parts[i];
    const r = part ?? r0;
    const key = keyOf(r, part !== null);
    const value = r.numberPath.length > 0 ? r.numberPath[r.numberPath.length - 1]! : 0;
    if (part && r.scheme === "part") {
      while (stack.length > 0 && !stack[stack.length - 1]!.part) stack.pop(); // 第X部分 may sit in 正文
    } else if (part) {
      stack.length = 0; // 摘要, 正文, 附一, an appended statement: always top level
    }
    if (r.markup === "md" && !part) {
      let j = stack.length - 1;
      while (j >= 0 && !(stack[j]!.part || (stack[j]!.md > 0 && stack[j]!.md < r.mdLevel))) j--;
      stack.length = j + 1;
    } else {
      const at = stack.findIndex((e) => e.key === key);
      if (weak[i] && !(at >= 0 && value === stack[at]!.last + 1)) return false; // "1、…。" is a list item
      if (at >= 0) {
        const last = stack[at]!.last;
        const continues = r.number === null || value === 1 || (value > last && value - last <= PARSE_CONFIG.maxNumberGap);
        if (!continues && !part) return false; // a list item whose number breaks the run
        stack.length = at;
      } else if (r.number !== null && value > 1 && !part && r.scheme !== "decimal") {
        const prev = lastNumbered.get(key);
        if (!seenValid(prev) || prev.value !== value - 1) return false; // a run starts at 1 ...
        stack.length = prev.depth; // ... or continues numbered paragraphs, beside them
      }
    }
    stack.push({ key, last: value, md: r.markup === "md" ? r.mdLevel : 0, part: part !== null });
    units[i]!.kind = "heading";
    headings.push({ unit: i, reading: r, kind: part ? "part" : "section", level: stack.length });
    return true;
  }
}
