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
 * - Headings with their body on the same line: 第X条/章/节 followed by a space (often U+3000) and a
 *   sentence (law style "第一条 为了保护…") and run-in titles ("第三条【定义】…", "2. Sharing. We share…")
 *   are headings; the heading block ends where the body starts (`inlineBody`).
 * - Numbered paragraphs promoted to sections (a second pass): a numbered paragraph is a section when
 *   (a) it fills a gap in a run of sibling headings (1, [2. <sentence>], 3), or (b) a later heading of
 *   its scheme continues its number after headings of another scheme that would otherwise become that
 *   later heading's siblings ("（一）<sentence>" 1. 2. 3. "（二）title": 1-3 belong to （一）).
 * - Plain headings (no number, no markup): a short line with no clause punctuation, between a finished
 *   sentence (or a heading, or the start) and a body paragraph. They need company: at least
 *   `plainMinCount` of them in the document, or a conventional preface word (引言, 提示条款,
 *   Introduction…). English ones are Title Case or ALL CAPS. At the top of the tree a numbered heading
 *   closes a plain one (it does not nest numbered sections under a heading guessed from context).
 * - Unnumbered markdown headings at the # level of a part heading are parts too (same rank, same kind).
 *
 * `findHeadings` runs these passes, in order, over one `LineRecord` per unit:
 *
 *   readLines            per-line facts: reading, part reading, Latin script, heading shape
 *   markPartRanks        unnumbered markdown headings at a part's # level are parts
 *   classifyLines        run-in titles, law-style clauses, strong (candidate) and weak shapes, plain shape
 *   findPlainHeadings    plain-shaped lines between a finished sentence and body become candidates
 *   headingTitles        where each candidate title last appears (taken once, before lists are dropped)
 *   findTocRuns          single-scheme number runs whose titles reappear later (or after "目录") are toc
 *   dropIntroducedLists  other number runs right after "…：" are list items, not candidates
 *   findMixedTocRuns     contents lists mixing schemes (第一章, 第一节, 第二章 …) are toc
 *   assignLevels         levels from scheme nesting; numbered paragraphs promoted, pass after pass
 *   headingRecords       HeadingInfo per heading, with a body on the heading's line split off
 *
 * then marks the units' kinds ("toc", "heading").
 */
import { PARSE_CONFIG } from "./config.ts";
import { readLine, titleKey, type LineReading } from "./numbering.ts";
import { isAsciiLetter } from "../text/chars.ts";
import { isBasicHan as isCjk } from "../text/cjk.ts";
import type { Unit } from "./blocks.ts";

export interface HeadingInfo {
  unit: number;
  reading: LineReading;
  kind: "part" | "section";
  level: number;
  /** Body text that follows the heading on its own line ("第一条 为了…": "为了…"), or null. */
  inlineBody: string | null;
}

const PART_WORD =
  /^(?:摘要|概要|正文|全文|附录|附件|附则|summary|appendix|annex|schedule)(?:\s*[一二三四五六七八九十\d]+)?$/i;
const APPENDIX =
  /^(附\s*[一二三四五六七八九十\d]+|附录\s*[一二三四五六七八九十\dA-Z]*|附件\s*[一二三四五六七八九十\d]*|(?:appendix|annex|schedule)\s+[\dA-Z]+)(?=[\s:：、.．]|$)/i;
const DOC_KIND =
  /^(?=.{4,30}$)[^。；;，,]*(?:隐私|个人信息|儿童|未成年|用户|数据|cookie)[^。；;，,]*(?:政策|声明|规则|指引|协议|条款|须知)(?:摘要|概要|正文|全文)?$/i;
const TOC_INTRO = /(?:以下内容|如下内容|包含以下|包括以下|目录|contents)\s*[:：]?\s*$/i;
/** A heading never ends like a sentence; a question may be a heading ("What Do We Collect?", "我们如何收集您的信息？"). */
const SENTENCE_END = /[。；;！!，,]$/;
/** Conventional names of an untitled-looking opening or closing section. */
const PREFACE_WORD =
  /^(?:引言|前言|导言|序言|提示条款|特别提示|重要提示|温馨提示|概述|总则|附则|定义|introduction|preamble|overview|definitions|scope|summary of changes)$/i;
/** Clause punctuation a plain heading never contains (a question mark may end it). */
const CLAUSE_PUNCT = /[。；;，,：:！!]|[.?？](?=.)|\t|https?:|www\.|@/;
/** Text a body paragraph ends with: a finished sentence, an introduced list, a closing bracket/quote. */
const BODY_END = /[。；;.!?！？:：)）"”’』」]\s*$/;

/** Latin-script text: more than `latinShare` of its letters (A-Z and CJK ideographs counted) are Latin. */
function isLatin(s: string): boolean {
  let latin = 0;
  let cjk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiLetter(c)) latin++;
    else if (isCjk(c)) cjk++;
  }
  return latin + cjk > 0 && latin / (latin + cjk) > PARSE_CONFIG.latinShare;
}

/** Words Title Case leaves in lower case (articles, conjunctions, prepositions). */
const MINOR_WORD =
  /^(?:a|an|the|and|or|nor|but|for|of|to|in|on|at|by|as|per|via|from|with|into|onto|over|than|about|under|upon|within|without|between)$/;

/** Title Case or ALL CAPS: the first word and every other word except minor ones start with a capital. */
function titleCase(s: string): boolean {
  const words = s
    .split(/\s+/)
    .map((w) => w.replace(/^[("'“]+/, ""))
    .filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || !/^[A-Z0-9]/.test(words[0]!)) return false;
  return words.every((w) => /^[A-Z0-9]/.test(w) || MINOR_WORD.test(w.toLowerCase()) || w.length < 3);
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
    const title = t
      .slice(app[0].length)
      .replace(/^[\s:：、.．]+/, "")
      .trim();
    return { ...r, number, title: title || number, numberPath: [] };
  }
  if (PART_WORD.test(t) || DOC_KIND.test(t)) return r;
  return null;
}

/**
 * Is this reading shaped like a heading? "strong": short and not a sentence. "weak": a short numbered
 * line ending in 。/； (e.g. "（三）安全保护措施。"), a heading only where it continues its sibling run.
 */
function headingShape(r: LineReading, shaped: boolean, latin: boolean): "strong" | "weak" | false {
  if (!shaped) {
    if (r.number === null || r.markup === "md") return false;
    const t = r.title.replace(/[。；;]$/, "");
    return t !== r.title && headingShaped({ ...r, title: t }, latin) ? "weak" : false; // (a final 。 is no letter: same `latin`)
  }
  return "strong";
}

/** `latin` is isLatin(r.title), computed once per line by the caller. */
function headingShaped(r: LineReading, latin: boolean): boolean {
  const t = r.title;
  // A markdown heading that is only a number ("### 第一条", its text on the next lines) is an untitled section.
  if (t === "") return r.number !== null && r.markup === "md";
  if (r.scheme === "plain") return false;
  const max =
    r.markup === "md"
      ? PARSE_CONFIG.markupHeadingMaxChars
      : latin
        ? PARSE_CONFIG.headingMaxCharsLatin
        : r.number === null
          ? PARSE_CONFIG.boldHeadingMaxChars
          : PARSE_CONFIG.headingMaxChars;
  if (t.length > max) return false;
  if (r.markup === "md") return true;
  if (SENTENCE_END.test(t) || /[。；;]/.test(t)) return false;
  // "Restrictions. You will not…" is a sentence; "U.S. Privacy Rights" is not (initials are no full stop).
  if (latin && (/\.$/.test(t) || /[.!?]\s+\S/.test(t.replace(/\b(?:[A-Za-z]\.){2,}/g, "X")))) return false;
  if (r.number === null && r.markup === "bold" && /[:：]\s*(\*\*)?$/.test(r.content)) return false; // "**您理解并同意：**" leads into text
  if (!latin && /[，,]/.test(t)) return false; // a Chinese title has no comma: "您充分知晓，以下情形中…" is a sentence
  if (!latin && /[：:]\s*\S/.test(t)) return false; // nor a colon inside: "发送电子邮件至：…" is a list item's content
  if (/@[\w-]+\.|https?:\/\/|www\./.test(t)) return false; // an address is content, never a title
  return true;
}

/**
 * A run-in title at the start of a numbered line, then its body: "【定义】本政策所称…",
 * "Sharing. We share…" (Title Case, a few words, a full stop, more text).
 */
function runIn(r: LineReading): { title: string; body: string } | null {
  if (r.number === null || r.markup === "md") return null;
  const cn = /^[【〔[]([^】〕\]]{1,20})[】〕\]]\s*(\S.*)$/.exec(r.title);
  if (cn) return { title: cn[1]!.trim(), body: cn[2]! };
  const en = /^([A-Z][^.!?;:]{0,60}?)\.\s+(\S.*)$/.exec(r.title);
  if (en && en[1]!.split(/\s+/).length <= PARSE_CONFIG.runInMaxWords && titleCase(en[1]!) && isLatin(en[1]!))
    return { title: en[1]!, body: en[2]! };
  return null;
}

/**
 * The law-style clause whose text starts on its own line: 第X条/章/节 then a space and a sentence
 * ("第一条 为了…"), or Article/Section/§ N then a space and a capitalised sentence ("Section 1.1 "Account" means…").
 */
function lawArticle(r: LineReading): boolean {
  if (r.markup === "md" || r.number === null) return false;
  if (r.scheme === "article" || r.scheme === "chapter" || r.scheme === "section-cn" || r.scheme === "section-en") {
    if (/^第/.test(r.number)) return /^第[^\s]*[条章节][\s\u3000]+\S/.test(r.content);
    return r.content.startsWith(r.number) && /^\s+["“'‘(]?[A-Z]/.test(r.content.slice(r.number.length));
  }
  return false;
}

/** Could this line be a heading with no number and no markup? (Context is checked by the caller.) */
function plainShaped(r: LineReading, raw: string, latin: boolean): boolean {
  if (r.scheme !== "plain" || r.markup !== null || /^\s*[-*•·+>|]/.test(raw)) return false;
  const t = r.title;
  if (t === "" || CLAUSE_PUNCT.test(r.content) || /^[\d\p{P}\p{S}]/u.test(t)) return false;
  if (latin)
    return (
      t.length <= PARSE_CONFIG.plainMaxCharsLatin && t.split(/\s+/).length <= PARSE_CONFIG.plainMaxWords && titleCase(t)
    );
  return t.length <= PARSE_CONFIG.plainMaxChars && /[\u4e00-\u9fff]/.test(t);
}

/** Scheme key used for nesting: decimal depth and markdown level distinguish keys. */
function keyOf(r: LineReading, isPart: boolean): string {
  if (isPart) return r.scheme === "part" ? "part" : "part-word";
  if (r.markup === "md") return `md${r.mdLevel}`;
  if (r.scheme === "decimal" || r.scheme === "section-en") return `${r.scheme}${r.numberPath.length}`;
  // A bold line in capitals ("**INTRODUCTION**", "**COOKIE NOTICE**") is a style of its own, apart from
  // bold lines in ordinary case (the subheadings a section sets in bold).
  if (r.markup === "bold" && r.number === null && /[A-Z]{2}/.test(r.title) && !/[a-z]/.test(r.title))
    return "bold-caps";
  return r.scheme;
}

/**
 * What the passes know about one unit. `readLines` makes one record per unit, in document order; the
 * passes after it fill in or revise the fields below `shaped`.
 */
export interface LineRecord {
  /** The unit's index in `units`. */
  index: number;
  unit: Unit;
  /** The line read as a possible heading; null for blank and meta units and inside a code fence. */
  reading: LineReading | null;
  /** The reading as a part line (第X部分, 附一 with its number filled in, 正文, …隐私政策), or null. */
  part: LineReading | null;
  /** The title is Latin-script (`isLatin`). */
  latin: boolean;
  /** The title is shaped like a heading title: short and not a sentence (`headingShaped`). */
  shaped: boolean;
  /** A run-in title and its body on one numbered line ("第三条【定义】…", "2. Sharing. We share…"). */
  runIn: { title: string; body: string } | null;
  /** A law-style clause whose text starts on its own line ("第一条 为了…"): the text is body. */
  law: boolean;
  /** A heading candidate: a strong heading shape, or a plain heading with company; cleared for list items. */
  candidate: boolean;
  /** A weak heading shape ("（三）安全保护措施。"): a heading only where it continues its sibling run. */
  weak: boolean;
  /** Shaped like a plain heading (no number, no markup); its context is checked by `findPlainHeadings`. */
  plain: boolean;
  /** A table-of-contents line. */
  toc: boolean;
  /** A numbered paragraph promoted to a section by `assignLevels`. */
  promoted: boolean;
  /** titleKey(reading.title), computed when first needed (`titleKeyOf`). */
  titleKey?: string;
}

/** A heading as `assignLevels` places it: its line, the reading it is read by (the part reading for a part), its level. */
export interface Placement {
  line: LineRecord;
  reading: LineReading;
  level: number;
}

export function findHeadings(units: Unit[]): HeadingInfo[] {
  const lines = readLines(units);
  markPartRanks(lines);
  classifyLines(lines);
  findPlainHeadings(lines);
  const titles = headingTitles(lines); // taken before lists are dropped: a list's titles still count
  findTocRuns(lines, titles);
  dropIntroducedLists(lines);
  findMixedTocRuns(lines, titles);
  liftTrailingLevel(lines);
  const headings = headingRecords(assignLevels(lines));
  for (const line of lines) if (line.toc) line.unit.kind = "toc";
  for (const h of headings) units[h.unit]!.kind = "heading";
  return headings;
}

/**
 * Markdown levels that say less than they seem: one to three unnumbered headings at a level (an intro,
 * "Welcome!", "附加条款与政策"), none of them with a subsection except the last, which is followed to the
 * end of the document by a long run of unnumbered headings one level deeper and nothing shallower. That
 * run is the document's sections, not the last intro heading's subsections: converters and site
 * templates give intro headings a bigger tag. The run (and what nests under it) moves up one level.
 *   ### 简介 … ### 附加条款与政策 … #### 变更 … #### 您的帐号 … (20 more) -> all at one level
 * Numbered headings say their level themselves and are left alone; so are parts (摘要/正文 …).
 */
export function liftTrailingLevel(lines: LineRecord[]): void {
  const md = lines.filter((l) => l.reading?.markup === "md" && l.candidate && l.part === null && !l.toc);
  const levels = [...new Set(md.map((l) => l.reading!.mdLevel))].sort((a, b) => a - b);
  for (const level of levels) {
    const at = md.filter((l) => l.reading!.mdLevel === level);
    if (at.length === 0 || at.length > PARSE_CONFIG.introHeadingsMax) continue;
    if (at.some((l) => l.reading!.number !== null)) continue;
    const first = md.indexOf(at[0]!);
    const last = md.indexOf(at[at.length - 1]!);
    const before = md.slice(0, first);
    const between = md.slice(first, last);
    const after = md.slice(last + 1);
    if (before.some((l) => l.reading!.mdLevel > level)) continue; // deeper headings before the intro
    if (between.some((l) => l.reading!.mdLevel > level)) continue; // an earlier intro heading has subsections
    if (after.some((l) => l.reading!.mdLevel <= level)) continue; // the level comes back
    const run = after.filter((l) => l.reading!.mdLevel === level + 1);
    if (run.length < Math.max(PARSE_CONFIG.trailingRunMin, 3 * at.length)) continue;
    if (run.filter((l) => l.reading!.number === null).length < 0.8 * run.length) continue;
    for (const l of after) l.reading = { ...l.reading!, mdLevel: l.reading!.mdLevel - 1 };
    return;
  }
}

/** The next unit after `i` that is not blank (or `lines.length`). */
function nextContent(lines: LineRecord[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j]!.unit.kind === "blank") j++;
  return j;
}

/** The unit before `i` that is not blank (or -1). */
function prevContent(lines: LineRecord[], i: number): number {
  let j = i - 1;
  while (j >= 0 && lines[j]!.unit.kind === "blank") j--;
  return j;
}

/**
 * Pass 1, per-line facts that need no context: the reading, the part reading, Latin script, heading shape.
 *
 *   "一、引言"          -> reading {scheme "cn-ordinal", number "一", title "引言"}, shaped
 *   "附一 儿童隐私声明"  -> part {number "附一", title "儿童隐私声明"}
 *   (blank line)        -> reading null
 */
export function readLines(units: Unit[]): LineRecord[] {
  return units.map((unit, index) => {
    const reading = unit.kind === "paragraph" && !unit.fenced ? readLine(unit.line, unit.setext) : null;
    const latin = reading !== null && isLatin(reading.title);
    return {
      index,
      unit,
      reading,
      part: reading ? readPart(reading) : null,
      latin,
      shaped: reading !== null && headingShaped(reading, latin),
      runIn: null,
      law: false,
      candidate: false,
      weak: false,
      plain: false,
      toc: false,
      promoted: false,
    };
  });
}

/**
 * Pass 2: unnumbered markdown headings at the # level of a part heading are parts too: headings of one
 * rank are one kind.
 *
 *   "## 儿童隐私政策" (a part), "## 历史版本" (no part)  ->  both parts
 */
export function markPartRanks(lines: LineRecord[]): void {
  const ranks = new Set<number>();
  for (const { reading: r, part } of lines)
    if (r && part && r.markup === "md" && r.scheme !== "part") ranks.add(r.mdLevel);
  if (ranks.size === 0) return;
  for (const line of lines) {
    const r = line.reading;
    if (r && !line.part && r.markup === "md" && r.number === null && ranks.has(r.mdLevel)) line.part = r;
  }
}

/**
 * Pass 3, the heading shape of each line, now that parts are known: run-in titles, law-style clauses,
 * strong candidates, weak ones, lines that may be plain headings.
 *
 *   "二、我们如何使用信息"        -> candidate
 *   "（三）安全保护措施。"        -> weak
 *   "第一条 为了保护…。"         -> law, candidate
 *   "2. Sharing. We share data…"  -> runIn {title "Sharing", body "We share data…"}, candidate
 *   "引言"                        -> plain (not yet a candidate)
 */
export function classifyLines(lines: LineRecord[]): void {
  for (const line of lines) {
    const r = line.reading;
    if (!r) continue;
    line.runIn = !line.part && !line.shaped ? runIn(r) : null;
    // (law-style clauses: a 第X条 line whose text is a sentence or leads into a list is its body, not a title)
    line.law =
      !line.part && line.runIn === null && lawArticle(r) && (!line.shaped || /[：:。；;.]\s*$/.test(r.content));
    const shape =
      line.part !== null || line.runIn !== null || line.law ? "strong" : headingShape(r, line.shaped, line.latin);
    line.candidate = shape === "strong";
    line.weak = shape === "weak";
    line.plain = !line.part && plainShaped(r, line.unit.line, line.latin);
  }
}

/**
 * Pass 4, plain headings: a plain-shaped line after a finished sentence (or a heading, or nothing) and
 * before a body paragraph becomes a candidate, if the document has `plainMinCount` of them or one is a
 * preface word.
 *
 *   "…适用于本产品。" / "引言" / "本政策说明…。"  ->  "引言" is a candidate
 *   "我们会：" / "联系客服" / "拨打热线"          ->  no candidate (the line after is not body)
 */
export function findPlainHeadings(lines: LineRecord[]): void {
  const found: LineRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.plain) continue;
    const prev = prevContent(lines, i);
    const p = prev >= 0 ? lines[prev]! : null;
    const before =
      p === null ||
      p.unit.kind !== "paragraph" ||
      p.candidate ||
      p.part !== null ||
      (p.reading !== null && BODY_END.test(p.unit.line) && !p.plain);
    const n = lines[nextContent(lines, i)];
    const after =
      n !== undefined &&
      n.reading !== null &&
      !n.plain &&
      !n.candidate &&
      n.part === null &&
      (n.reading.number !== null ||
        (n.unit.line.trim().length > line.reading!.title.length && BODY_END.test(n.unit.line)));
    if (before && after) found.push(line);
  }
  if (found.length >= PARSE_CONFIG.plainMinCount || found.some((l) => PREFACE_WORD.test(l.reading!.title)))
    for (const line of found) line.candidate = true;
}

/** The title key of a line with a reading, computed once. */
function titleKeyOf(line: LineRecord): string {
  return (line.titleKey ??= titleKey(line.reading!.title));
}

/** Where each title last appears as a heading candidate (title key -> unit index): "reappears later as a heading". */
export function headingTitles(lines: LineRecord[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const line of lines)
    if (line.reading && line.candidate && line.reading.title !== "") last.set(titleKeyOf(line), line.index);
  return last;
}

/** The share of a run's titles that appear as headings after the run. */
function repeatedShare(run: LineRecord[], titles: Map<string, number>): number {
  const end = run[run.length - 1]!.index;
  return run.filter((l) => (titles.get(titleKeyOf(l)) ?? -1) > end).length / run.length;
}

/**
 * Runs of two or more numbered lines (no part, no markdown) of one scheme, numbered n, n+1, n+2 …, with
 * nothing but blank lines between them: the material of TOC runs and introduced lists.
 */
export function numberRuns(lines: LineRecord[]): LineRecord[][] {
  const runs: LineRecord[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i]!.reading;
    if (!r || r.number === null || lines[i]!.part || r.markup === "md") continue;
    const run = [lines[i]!];
    let j = nextContent(lines, i);
    while (j < lines.length) {
      const s = lines[j]!.reading;
      const last = run[run.length - 1]!.reading!;
      if (
        !s ||
        s.markup === "md" ||
        keyOf(s, false) !== keyOf(last, false) ||
        s.numberPath.at(-1) !== (last.numberPath.at(-1) ?? 0) + 1
      )
        break;
      run.push(lines[j]!);
      j = nextContent(lines, j);
    }
    if (run.length >= 2) runs.push(run);
    i = run[run.length - 1]!.index;
  }
  return runs;
}

/** The non-blank line before a run, or null at the start of the document. */
function introOf(lines: LineRecord[], run: LineRecord[]): LineRecord | null {
  const intro = prevContent(lines, run[0]!.index);
  return intro >= 0 ? lines[intro]! : null;
}

/**
 * Pass 5, single-scheme TOC runs: a number run of at least `tocMinItems` lines after a "目录"/"以下内容"
 * line, or most of whose titles reappear later as headings (`titles`, from `headingTitles`), is a TOC.
 *
 *   "一、引言" "二、收集" "三、使用" … then "一、引言" (body) "二、收集" (body) …  ->  the first three are toc
 */
export function findTocRuns(lines: LineRecord[], titles: Map<string, number>): void {
  for (const run of numberRuns(lines)) {
    const introText = introOf(lines, run)?.unit.line ?? "";
    if (
      run.length >= PARSE_CONFIG.tocMinItems &&
      (TOC_INTRO.test(introText) || repeatedShare(run, titles) >= PARSE_CONFIG.tocMinRepeatShare)
    )
      for (const line of run) line.toc = true;
  }
}

/**
 * Pass 6, introduced lists: a number run that is not a TOC, all candidates, right after a body paragraph
 * ending in a colon, is a list: its items are no longer candidates.
 *
 *   "您可以通过以下途径：" / "1、联系客服" / "2、拨打热线"  ->  1、 and 2、 are paragraphs
 */
export function dropIntroducedLists(lines: LineRecord[]): void {
  for (const run of numberRuns(lines)) {
    if (run[0]!.toc) continue; // (a run is a TOC as a whole or not at all)
    const intro = introOf(lines, run);
    if (
      run.every((l) => l.candidate) &&
      intro !== null &&
      /[:：]\s*$/.test(intro.unit.line) &&
      intro.reading !== null &&
      !intro.candidate
    )
      for (const line of run) line.candidate = false;
  }
}

/**
 * Pass 7, a contents list that mixes schemes: consecutive heading-shaped numbered lines with no body
 * between them, at least `tocMinItems`, most of whose titles reappear later as headings, are a TOC.
 *
 *   "第一章 总则" "第一节 定义" "第二节 范围" "第二章 附则", then the same headings with body  ->  toc
 */
export function findMixedTocRuns(lines: LineRecord[], titles: Map<string, number>): void {
  const tocShaped = (l: LineRecord) =>
    l.reading !== null &&
    l.reading.number !== null &&
    !l.toc &&
    (l.candidate || l.weak) &&
    l.runIn === null &&
    !l.law &&
    l.reading.title !== "";
  for (let i = 0; i < lines.length; i++) {
    if (!tocShaped(lines[i]!)) continue;
    const run = [lines[i]!];
    let j = nextContent(lines, i);
    while (j < lines.length && tocShaped(lines[j]!)) {
      run.push(lines[j]!);
      j = nextContent(lines, j);
    }
    if (run.length >= PARSE_CONFIG.tocMinItems && repeatedShare(run, titles) >= PARSE_CONFIG.tocMinRepeatShare)
      for (const line of run) line.toc = true;
    i = run[run.length - 1]!.index;
  }
}

/**
 * Pass 8, levels: `levelPass` over the document, repeated while it promotes numbered paragraphs to
 * sections (at most `maxPromotionPasses` times); the placements of the last pass.
 *
 *   "1. 定义" / "2. 在以下情形中，我们会…。" / "3. 范围"  ->  first pass: 1 and 3 (2 is promoted);
 *                                                          second pass: 1, 2, 3 at one level
 */
export function assignLevels(lines: LineRecord[]): Placement[] {
  const promotedCount = () => lines.filter((l) => l.promoted).length;
  let placed: Placement[] = [];
  for (let pass = 0, before = -1; pass < PARSE_CONFIG.maxPromotionPasses && promotedCount() !== before; pass++) {
    before = promotedCount();
    placed = levelPass(lines);
  }
  return placed;
}

/**
 * One pass over the document with a stack of schemes: which candidates are headings and at what level.
 * Marks numbered paragraphs to promote (`promoted`) for the next pass.
 *
 *   "一、引言" "（一）范围" "1. 定义" "二、收集"  ->  levels 1, 2, 3, 1
 */
function levelPass(lines: LineRecord[]): Placement[] {
  interface Entry {
    key: string;
    last: number;
    md: number;
    part: boolean;
    numbered: boolean;
  }
  const stack: Entry[] = [];
  const out: Placement[] = [];
  /**
   * Unnumbered styles that opened the document at the top level ("**INTRODUCTION**" before "# 1. …"):
   * the same style later is the same rank, a top-level section after the numbered ones ("**COOKIE
   * NOTICE**" after "# 7. MISCELLANEOUS"), not a subsection of the section it follows.
   */
  const topStyles = new Set<string>();
  /**
   * The last run of numbered lines of each key that were not taken as headings, and where in the tree
   * they sat (the stack entry they were under). "（三）短标题" after "（一）<long sentence>"
   * "（二）<long sentence>" is their sibling: it goes where （一） was, not under whatever heading came
   * in between. `headingsAt` is how many headings had been taken when the run's last line was seen.
   */
  interface Seen {
    value: number;
    depth: number;
    parent: Entry | undefined;
    lines: LineRecord[];
    headingsAt: number;
  }
  const lastNumbered = new Map<string, Seen>();
  /** "key#value" -> the last numbered paragraph with that number and the heading run of its key it sat in. */
  const gapFill = new Map<string, { line: LineRecord; under: Entry | undefined }>();
  /** The last heading number of each key anywhere: law articles number through chapters (第三条, 第二章, 第四条). */
  const lastHeading = new Map<string, number>();
  const seenValid = (s: Seen | undefined): s is Seen =>
    s !== undefined && s.depth <= stack.length && stack[s.depth - 1] === s.parent;
  for (const line of lines) {
    const r0 = line.reading;
    if (!r0 || line.toc) continue;
    if (!acceptHeading(line, r0) && r0.number !== null) {
      const key = keyOf(r0, false);
      const value = r0.numberPath.at(-1) ?? 0;
      const prev = lastNumbered.get(key);
      if (seenValid(prev) && prev.value === value - 1) {
        // The run goes on (extended in place: the map holds the only reference to it).
        prev.value = value;
        prev.lines.push(line);
        prev.headingsAt = out.length;
      } else
        lastNumbered.set(key, {
          value,
          depth: stack.length,
          parent: stack[stack.length - 1],
          lines: [line],
          headingsAt: out.length,
        });
      gapFill.set(`${key}#${value}`, { line, under: stack.find((e) => e.key === key) });
    }
  }
  return out;

  function promote(list: LineRecord[]): void {
    for (const line of list) line.promoted = true;
  }

  /** Decide one line; on acceptance push it on the stack and record the placement. */
  function acceptHeading(line: LineRecord, r0: LineReading): boolean {
    const isForced = line.promoted;
    if (!(line.candidate || line.weak || isForced)) return false;
    const part = line.part;
    const r = part ?? r0;
    const key = keyOf(r, part !== null);
    const value = r.numberPath.length > 0 ? r.numberPath[r.numberPath.length - 1]! : 0;
    if (part && r.scheme === "part") {
      while (stack.length > 0 && !stack[stack.length - 1]!.part) stack.pop(); // 第X部分 may sit in 正文
    } else if (part) {
      stack.length = 0; // 摘要, 正文, 附一, an appended statement: always top level
    } else if (topStyles.has(key)) {
      stack.length = 0;
    }
    if (r.markup === "md" && !part) {
      let j = stack.length - 1;
      while (j >= 0 && !(stack[j]!.part || (stack[j]!.md > 0 && stack[j]!.md < r.mdLevel))) j--;
      stack.length = j + 1;
    } else if (key === "plain") {
      const at = stack.findIndex((e) => e.key === key);
      if (at >= 0) stack.length = at;
    } else {
      // The innermost open run of this scheme (a scheme may stand at two depths: see below).
      let at = stack.findLastIndex((e) => e.key === key);
      // "1." again while a heading of another scheme is open under its run ("1." … "1.2" … "1.", or "9." …
      // "9.5" … "1."): a list of the same style nested there. A run does not restart inside its own
      // subsections; it restarts after a part or a heading above it, which closes it first.
      if (at >= 0 && at < stack.length - 1 && value === 1 && r.number !== null && !part) at = -1;
      // A number that goes on an outer run of the scheme ("10." after the nested "1."–"5." under "9.5") closes
      // the inner one.
      if (at > 0 && value !== stack[at]!.last + 1) {
        const outer = stack.findLastIndex((e, k) => k < at && e.key === key && value === e.last + 1);
        if (outer >= 0) at = outer;
      }
      if (line.weak && !isForced && !(at >= 0 && value === stack[at]!.last + 1)) return false; // "1、…。" is a list item
      if (at >= 0) {
        const last = stack[at]!.last;
        const continues =
          r.number === null || value === 1 || (value > last && value - last <= PARSE_CONFIG.maxNumberGap);
        if (!continues && !part && !isForced) return false; // a list item whose number breaks the run
        if (value > last + 1 && !part) {
          // A gap (1, 3): the missing numbers are paragraphs of this run ("2. 在以下情形中，您可以…："), siblings.
          const fill: LineRecord[] = [];
          for (let v = last + 1; v < value; v++) {
            const g = gapFill.get(`${key}#${v}`);
            if (g && g.under === stack[at]) fill.push(g.line);
          }
          if (fill.length === value - last - 1) promote(fill);
        }
        stack.length = at;
      } else if (
        r.number !== null &&
        value > 1 &&
        !part &&
        r.scheme !== "decimal" &&
        !isForced &&
        lastHeading.get(key) !== value - 1
      ) {
        const prev = lastNumbered.get(key);
        if (!seenValid(prev) || prev.value !== value - 1) return false; // a run starts at 1 ...
        stack.length = prev.depth; // ... or continues numbered paragraphs, beside them
        // Headings taken since those paragraphs would become this one's siblings: the paragraphs are sections.
        if (out.length > prev.headingsAt) promote(prev.lines);
      } else if (r.number !== null && !part) {
        // At the top, a numbered heading closes plain headings (guessed from context) instead of nesting in them.
        while (stack.length > 0 && stack[stack.length - 1]!.key === "plain" && !stack.some((e) => e.numbered))
          stack.pop();
      }
    }
    if (stack.length >= PARSE_CONFIG.maxDepth) return false; // deeper than any real document: body text
    stack.push({
      key,
      last: value,
      md: r.markup === "md" ? r.mdLevel : 0,
      part: part !== null,
      numbered: r.number !== null && !part,
    });
    lastHeading.set(key, value);
    if (stack.length === 1 && key === "bold-caps" && out.length === 0) topStyles.add(key);
    out.push({ line, reading: r, level: stack.length });
    return true;
  }
}

/**
 * Pass 9, the heading records, with a body that shares the heading's line split off.
 *
 *   "第三条【定义】本政策所称…"  ->  title "定义", inlineBody "本政策所称…"
 *   "第一条 为了保护…。"        ->  title "", inlineBody "为了保护…。"
 *   "二、我们如何使用信息"        ->  title "我们如何使用信息", inlineBody null
 */
export function headingRecords(placements: Placement[]): HeadingInfo[] {
  return placements.map(({ line, reading: r, level }) => {
    const i = line.index;
    const isPart = line.part !== null;
    const ri = line.runIn;
    if (ri) return { unit: i, reading: { ...r, title: ri.title }, kind: "section", level, inlineBody: ri.body };
    const sentence = (!isPart && r.title !== "" && !(line.candidate || line.weak)) || line.law;
    const long =
      r.title.length > (isLatin(r.title) ? PARSE_CONFIG.headingMaxCharsLatin : PARSE_CONFIG.headingMaxChars) ||
      /[。；;!?！？]/.test(r.title) ||
      /\.$/.test(r.title);
    if (sentence && (long || line.law))
      return { unit: i, reading: { ...r, title: "" }, kind: "section", level, inlineBody: r.title };
    return { unit: i, reading: r, kind: isPart ? "part" : "section", level, inlineBody: null };
  });
}
