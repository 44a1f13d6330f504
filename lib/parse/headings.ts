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
 * - Headings with their body on the same line: 第X条/章/节 followed by a space and a sentence (law
 *   style "第一条　为了保护…") and run-in titles ("第三条【定义】…", "2. Sharing. We share…") are
 *   headings; the heading block ends where the body starts (`inlineBody`).
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
 */
import { PARSE_CONFIG } from "./config.ts";
import { readLine, titleKey, type LineReading } from "./numbering.ts";
import { isAsciiLetter, isCjk } from "./chars.ts";
import type { Unit } from "./blocks.ts";

export interface HeadingInfo {
  unit: number;
  reading: LineReading;
  kind: "part" | "section";
  level: number;
  /** Body text that follows the heading on its own line ("第一条　为了…": "为了…"), or null. */
  inlineBody: string | null;
}

const PART_WORD =
  /^(?:摘要|概要|正文|全文|附录|附件|附则|summary|appendix|annex|schedule)(?:\s*[一二三四五六七八九十\d]+)?$/i;
const APPENDIX =
  /^(附\s*[一二三四五六七八九十\d]+|附录\s*[一二三四五六七八九十\dA-Z]*|附件\s*[一二三四五六七八九十\d]*|(?:appendix|annex|schedule)\s+[\dA-Z]+)(?=[\s:：、.．]|$)/i;
const DOC_KIND =
  /^(?=.{4,30}$)[^。；;，,]*(?:隐私|个人信息|儿童|未成年|用户|数据|cookie)[^。；;，,]*(?:政策|声明|规则|指引|协议|条款|须知)(?:摘要|概要|正文|全文)?$/i;
const TOC_INTRO = /(?:以下内容|如下内容|包含以下|包括以下|目录|contents)\s*[:：]?\s*$/i;
const SENTENCE_END = /[。；;！!？?，,]$/;
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
  if (t === "") return false;
  if (r.scheme === "plain") return false;
  const max =
    r.markup === "md"
      ? PARSE_CONFIG.headingMaxCharsLatin
      : latin
        ? PARSE_CONFIG.headingMaxCharsLatin
        : r.number === null
          ? PARSE_CONFIG.boldHeadingMaxChars
          : PARSE_CONFIG.headingMaxChars;
  if (t.length > max) return false;
  if (r.markup === "md") return true;
  if (SENTENCE_END.test(t) || /[。；;]/.test(t)) return false;
  if (latin && (/\.$/.test(t) || /[.!?]\s+\S/.test(t))) return false; // "Restrictions. You will not…" is a sentence
  if (r.number === null && r.markup === "bold" && /[:：]\s*(\*\*)?$/.test(r.content)) return false; // "**您理解并同意：**" leads into text
  if (!latin && /[，,]/.test(t)) return false; // a Chinese title has no comma: "您充分知晓，以下情形中…" is a sentence
  return true;
}

/**
 * A run-in title at the start of a numbered line, then its body: "【定义】本政策所称…",
 * "Sharing. We share…" (Title Case, a few words, a full stop, more text).
 */
function runIn(r: LineReading): { title: string; body: string } | null {
  if (r.number === null || r.markup === "md") return null;
  const cn = /^[【〔\[]([^】〕\]]{1,20})[】〕\]]\s*(\S.*)$/.exec(r.title);
  if (cn) return { title: cn[1]!.trim(), body: cn[2]! };
  const en = /^([A-Z][^.!?;:]{0,60}?)\.\s+(\S.*)$/.exec(r.title);
  if (en && en[1]!.split(/\s+/).length <= PARSE_CONFIG.runInMaxWords && titleCase(en[1]!) && isLatin(en[1]!))
    return { title: en[1]!, body: en[2]! };
  return null;
}

/**
 * The law-style clause whose text starts on its own line: 第X条/章/节 then a space and a sentence
 * ("第一条　为了…"), or Article/Section/§ N then a space and a capitalised sentence ("Section 1.1 "Account" means…").
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
  return r.scheme;
}

export function findHeadings(units: Unit[]): HeadingInfo[] {
  // Readings of every unit that may matter.
  const readings: (LineReading | null)[] = units.map((u) =>
    u.kind === "paragraph" && !u.fenced ? readLine(u.line, u.setext) : null,
  );
  const parts = readings.map((r) => (r ? readPart(r) : null));
  markPartRanks(readings, parts);
  // Per line, once: is the title Latin-script, is it shaped like a heading title.
  const latin = readings.map((r) => r !== null && isLatin(r.title));
  const shaped = readings.map((r, i) => r !== null && headingShaped(r, latin[i]!));
  const runIns = readings.map((r, i) => (r && !parts[i] && !shaped[i] ? runIn(r) : null));
  // (law-style clauses: a 第X条 line whose text is a sentence or leads into a list is its body, not a title)
  const law = readings.map(
    (r, i) =>
      r !== null &&
      !parts[i] &&
      runIns[i] === null &&
      lawArticle(r) &&
      (!shaped[i] || /[：:。；;.]\s*$/.test(r.content)),
  );
  const shape = readings.map((r, i) =>
    r === null
      ? false
      : parts[i] !== null || runIns[i] !== null || law[i]
        ? "strong"
        : headingShape(r, shaped[i]!, latin[i]!),
  );
  const candidate = shape.map((s) => s === "strong");
  const weak = shape.map((s) => s === "weak");

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

  // Plain headings: a short clean line after a finished sentence (or a heading, or nothing), before body.
  const plain = readings.map((r, i) => r !== null && !parts[i] && plainShaped(r, units[i]!.line, latin[i]!));
  const plainAt: number[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!plain[i]) continue;
    const r = readings[i]!;
    const prev = prevContent(i);
    const next = nextContent(i);
    const pr = prev >= 0 ? readings[prev] : null;
    const before =
      prev < 0 ||
      units[prev]!.kind !== "paragraph" ||
      candidate[prev] ||
      parts[prev] !== null ||
      (pr !== null && pr !== undefined && BODY_END.test(units[prev]!.line) && !plain[prev]);
    const nr = next < units.length ? readings[next] : null;
    const after =
      nr !== null &&
      nr !== undefined &&
      !plain[next] &&
      !candidate[next] &&
      parts[next] === null &&
      (nr.number !== null || (units[next]!.line.trim().length > r.title.length && BODY_END.test(units[next]!.line)));
    if (before && after) plainAt.push(i);
  }
  if (plainAt.length >= PARSE_CONFIG.plainMinCount || plainAt.some((i) => PREFACE_WORD.test(readings[i]!.title))) {
    for (const i of plainAt) candidate[i] = true;
  }

  // TOC runs over numbered lines (any length), then lists among candidates.
  // Where each title last appears as a heading candidate (for "reappears later as a heading").
  const normTitles: (string | undefined)[] = []; // titleKey(title) per unit, computed when first needed
  const normTitle = (k: number) => (normTitles[k] ??= titleKey(readings[k]!.title));
  const lastAsHeading = new Map<string, number>();
  for (let k = 0; k < units.length; k++) {
    const r = readings[k];
    if (r && candidate[k] && r.title !== "") lastAsHeading.set(normTitle(k), k);
  }
  const tocShaped = (i: number) =>
    (candidate[i] || weak[i]) && runIns[i] === null && !law[i] && readings[i]!.title !== "";
  const runs: number[][] = [];
  for (let i = 0; i < units.length; i++) {
    const r = readings[i];
    if (!r || r.number === null || parts[i] || r.markup === "md") continue;
    const run = [i];
    let j = nextContent(i);
    while (j < units.length) {
      const s = readings[j];
      const last = readings[run[run.length - 1]!]!;
      if (
        !s ||
        s.markup === "md" ||
        keyOf(s, false) !== keyOf(last, false) ||
        s.numberPath.at(-1) !== (last.numberPath.at(-1) ?? 0) + 1
      )
        break;
      run.push(j);
      j = nextContent(j);
    }
    if (run.length >= 2) runs.push(run);
    i = run[run.length - 1]!;
  }
  const isToc = new Array<boolean>(units.length).fill(false);
  const repeatedShare = (run: number[]) => {
    const end = run[run.length - 1]!;
    return run.filter((i) => (lastAsHeading.get(normTitle(i)) ?? -1) > end).length / run.length;
  };
  for (const run of runs) {
    const intro = prevContent(run[0]!);
    const introText = intro >= 0 ? units[intro]!.line : "";
    const toc =
      run.length >= PARSE_CONFIG.tocMinItems &&
      (TOC_INTRO.test(introText) || repeatedShare(run) >= PARSE_CONFIG.tocMinRepeatShare);
    if (toc) for (const i of run) isToc[i] = true;
    else if (
      run.every((i) => candidate[i]) &&
      /[:：]\s*$/.test(introText) &&
      readings[intro] !== null &&
      !candidate[intro]
    ) {
      for (const i of run) candidate[i] = false; // a list introduced by "...以下途径："
    }
  }
  // A contents list that mixes schemes (第一章, 第一节, 第二节, 第二章 …): consecutive heading-shaped
  // numbered lines with no body between them, most of whose titles come back later as headings.
  for (let i = 0; i < units.length; i++) {
    if (!readings[i] || readings[i]!.number === null || isToc[i] || !tocShaped(i)) continue;
    const run = [i];
    let j = nextContent(i);
    while (j < units.length && readings[j] && readings[j]!.number !== null && !isToc[j] && tocShaped(j)) {
      run.push(j);
      j = nextContent(j);
    }
    if (run.length >= PARSE_CONFIG.tocMinItems && repeatedShare(run) >= PARSE_CONFIG.tocMinRepeatShare)
      for (const k of run) isToc[k] = true;
    i = run[run.length - 1]!;
  }
  for (let i = 0; i < units.length; i++) if (isToc[i]) units[i]!.kind = "toc";

  // Levels, then numbered paragraphs promoted to sections, until nothing more is promoted.
  const forced = new Set<number>();
  let headings: HeadingInfo[] = [];
  for (let pass = 0, before = -1; pass < PARSE_CONFIG.maxPromotionPasses && forced.size !== before; pass++) {
    before = forced.size;
    headings = assignLevels();
  }
  for (const h of headings) units[h.unit]!.kind = "heading";
  return headings;

  /** One pass over the document; collects promotions into `forced` for the next pass. */
  function assignLevels(): HeadingInfo[] {
    interface Entry {
      key: string;
      last: number;
      md: number;
      part: boolean;
      numbered: boolean;
    }
    const stack: Entry[] = [];
    const out: HeadingInfo[] = [];
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
      units: number[];
      headingsAt: number;
    }
    const lastNumbered = new Map<string, Seen>();
    /** "key#value" -> the last numbered paragraph with that number and the heading run of its key it sat in. */
    const gapFill = new Map<string, { unit: number; under: Entry | undefined }>();
    /** The last heading number of each key anywhere: law articles number through chapters (第三条, 第二章, 第四条). */
    const lastHeading = new Map<string, number>();
    const seenValid = (s: Seen | undefined): s is Seen =>
      s !== undefined && s.depth <= stack.length && stack[s.depth - 1] === s.parent;
    for (let i = 0; i < units.length; i++) {
      const r0 = readings[i];
      if (!r0 || isToc[i]) continue;
      if (!acceptHeading(i, r0) && r0.number !== null) {
        const key = keyOf(r0, false);
        const value = r0.numberPath.at(-1) ?? 0;
        const prev = lastNumbered.get(key);
        if (seenValid(prev) && prev.value === value - 1) {
          // The run goes on (extended in place: the map holds the only reference to it).
          prev.value = value;
          prev.units.push(i);
          prev.headingsAt = out.length;
        } else
          lastNumbered.set(key, {
            value,
            depth: stack.length,
            parent: stack[stack.length - 1],
            units: [i],
            headingsAt: out.length,
          });
        gapFill.set(`${key}#${value}`, { unit: i, under: stack.find((e) => e.key === key) });
      }
    }
    return out;

    function promote(list: number[]): void {
      for (const u of list) forced.add(u);
    }

    /** Decide one unit; on acceptance push it on the stack and record the heading. */
    function acceptHeading(i: number, r0: LineReading): boolean {
      const isForced = forced.has(i);
      if (!(candidate[i] || weak[i] || isForced)) return false;
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
      } else if (key === "plain") {
        const at = stack.findIndex((e) => e.key === key);
        if (at >= 0) stack.length = at;
      } else {
        const at = stack.findIndex((e) => e.key === key);
        if (weak[i] && !isForced && !(at >= 0 && value === stack[at]!.last + 1)) return false; // "1、…。" is a list item
        if (at >= 0) {
          const last = stack[at]!.last;
          const continues =
            r.number === null || value === 1 || (value > last && value - last <= PARSE_CONFIG.maxNumberGap);
          if (!continues && !part && !isForced) return false; // a list item whose number breaks the run
          if (value > last + 1 && !part) {
            // A gap (1, 3): the missing numbers are paragraphs of this run ("2. 在以下情形中，您可以…："), siblings.
            const fill: number[] = [];
            for (let v = last + 1; v < value; v++) {
              const g = gapFill.get(`${key}#${v}`);
              if (g && g.under === stack[at]) fill.push(g.unit);
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
          if (out.length > prev.headingsAt) promote(prev.units);
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
      out.push(heading(i, r, part !== null, stack.length));
      return true;
    }
  }

  /** The heading record, with a body that shares its line split off. */
  function heading(i: number, r: LineReading, isPart: boolean, level: number): HeadingInfo {
    const ri = runIns[i];
    if (ri) return { unit: i, reading: { ...r, title: ri.title }, kind: "section", level, inlineBody: ri.body };
    const sentence = (!isPart && r.title !== "" && !(candidate[i] || weak[i])) || law[i];
    const long =
      r.title.length > (isLatin(r.title) ? PARSE_CONFIG.headingMaxCharsLatin : PARSE_CONFIG.headingMaxChars) ||
      /[。；;!?！？]/.test(r.title) ||
      /\.$/.test(r.title);
    if (sentence && (long || law[i]))
      return { unit: i, reading: { ...r, title: "" }, kind: "section", level, inlineBody: r.title };
    return { unit: i, reading: r, kind: isPart ? "part" : "section", level, inlineBody: null };
  }
}

/**
 * Unnumbered markdown headings at the # level of a part heading are parts too: headings of one rank are
 * one kind ("## …历史版本" beside "## …隐私政策").
 */
function markPartRanks(readings: (LineReading | null)[], parts: (LineReading | null)[]): void {
  const ranks = new Set<number>();
  readings.forEach((r, i) => {
    if (r && parts[i] && r.markup === "md" && r.scheme !== "part") ranks.add(r.mdLevel);
  });
  if (ranks.size === 0) return;
  readings.forEach((r, i) => {
    if (r && !parts[i] && r.markup === "md" && r.number === null && ranks.has(r.mdLevel)) parts[i] = r;
  });
}
