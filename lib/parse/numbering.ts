/**
 * Reading one line as a possible heading: its markup (markdown #, setext, bold), its numbering
 * scheme, the number as printed, the number's value path, and the title without number and markup.
 */
import type { NumberingScheme } from "./types.ts";
import { endWithoutSpace, isAsciiLetter, isDigit, isSpace } from "../text/chars.ts";
import { stripLinks } from "../text/markup.ts";
import { stripZeroWidth } from "../text/normalize.ts";

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_NUM = "[零〇一二两三四五六七八九十百]+";

/** 一 -> 1, 十 -> 10, 十一 -> 11, 二十三 -> 23, 一百零五 -> 105; NaN when not a numeral. */
function chineseNumeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch in CN_DIGITS) current = CN_DIGITS[ch]!;
    else return Number.NaN;
  }
  return total + current;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function romanNumeral(s: string): number {
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!] ?? Number.NaN;
    const next = ROMAN[t[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

interface SchemeRule {
  scheme: NumberingScheme;
  /** Matches at the start of the line; group 1 is the number as printed, group 2 the value text. */
  re: RegExp;
  value: (m: RegExpExecArray) => number[];
  /** English word numbers ("Article 1", "Section 2.3") keep one space inside the printed number. */
  words?: boolean;
}

/** "IV" or "4" -> 4 (English "Article IV", "Part 2"). */
const enValue = (v: string) => (/^\d+$/.test(v) ? Number(v) : romanNumeral(v));
/** After an English word number: end of line, space or a separator, never more letters or digits. */
const EN_END = "(?=$|[\\s.:：、)）—–-])";

/** Order matters: more specific first (1.1 before 1., 第X部分 before 第X条, (一) before (1)). */
const RULES: SchemeRule[] = [
  { scheme: "part", re: new RegExp(`^(第\\s*(${CN_NUM}|\\d+)\\s*部分)`), value: (m) => [chineseNumeral(m[2]!)] },
  {
    scheme: "part",
    re: new RegExp(`^(part\\s+(\\d{1,3}|[ivxlc]{1,7}))${EN_END}`, "i"),
    value: (m) => [enValue(m[2]!.toUpperCase())],
    words: true,
  },
  {
    scheme: "chapter",
    re: new RegExp(`^(chapter\\s+(\\d{1,3}|[ivxlc]{1,7}))${EN_END}`, "i"),
    value: (m) => [enValue(m[2]!.toUpperCase())],
    words: true,
  },
  {
    scheme: "article",
    re: new RegExp(`^(art(?:icle|\\.)\\s*(\\d{1,3}|[ivxlc]{1,7}))${EN_END}`, "i"),
    value: (m) => [enValue(m[2]!.toUpperCase())],
    words: true,
  },
  {
    scheme: "section-en",
    re: new RegExp(`^((?:section|§)\\s*(\\d{1,3}(?:\\.\\d{1,3})*))${EN_END}`, "i"),
    value: (m) => m[2]!.split(".").map(Number),
    words: true,
  },
  { scheme: "chapter", re: new RegExp(`^(第\\s*(${CN_NUM}|\\d+)\\s*章)`), value: (m) => [chineseNumeral(m[2]!)] },
  { scheme: "section-cn", re: new RegExp(`^(第\\s*(${CN_NUM}|\\d+)\\s*节)`), value: (m) => [chineseNumeral(m[2]!)] },
  { scheme: "article", re: new RegExp(`^(第\\s*(${CN_NUM}|\\d+)\\s*条)`), value: (m) => [chineseNumeral(m[2]!)] },
  { scheme: "cn-ordinal", re: new RegExp(`^((${CN_NUM}))\\s*[、.．](?![\\d])`), value: (m) => [chineseNumeral(m[2]!)] },
  { scheme: "cn-paren", re: new RegExp(`^([（(]\\s*(${CN_NUM})\\s*[)）])`), value: (m) => [chineseNumeral(m[2]!)] },
  // "2.a", "3.1.b": a decimal number whose last component is a letter (value path 2.1, 3.1.2).
  {
    scheme: "decimal",
    re: /^((\d{1,3}(?:\\?[.．]\d{1,3})*\\?[.．][a-z]))(?:\\?[.．]|\))?(?=\s|$)/,
    value: (m) => m[2]!.split(/\\?[.．]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p.charCodeAt(0) - 96)),
  },
  {
    scheme: "decimal",
    re: /^((\d{1,3}(?:\\?[.．]\d{1,3})+))(?:\\?[.．、])?(?![\d])/,
    value: (m) => m[2]!.split(/\\?[.．]/).map(Number),
  },
  { scheme: "arabic", re: /^((\d{1,3}))(?:\\?[.．]|[、)）])(?![\d])/, value: (m) => [Number(m[2])] },
  { scheme: "arabic-paren", re: /^([（(]\s*(\d{1,3})\s*[)）])/, value: (m) => [Number(m[2])] },
  { scheme: "circled", re: new RegExp(`^(([${CIRCLED}]))`), value: (m) => [CIRCLED.indexOf(m[2]!) + 1] },
  {
    scheme: "roman",
    re: /^((i{1,3}|iv|vi{0,3}|ix|x|I{1,3}|IV|VI{0,3}|IX|X))(?:\\?\.|\))(?=\s)/,
    value: (m) => [romanNumeral(m[2]!)],
  },
  { scheme: "latin", re: /^(([a-zA-Z]))(?:\\?\.|\))(?=\s)/, value: (m) => [m[2]!.toLowerCase().charCodeAt(0) - 96] },
  { scheme: "latin", re: /^([（(]([a-zA-Z])[)）])/, value: (m) => [m[2]!.toLowerCase().charCodeAt(0) - 96] },
];

/** Characters a Chinese numeral of CN_NUM is made of, and 第 (第X条/章/节/部分). */
const CN_NUMBER_START = new Set([..."零〇一二两三四五六七八九十百第"].map((c) => c.charCodeAt(0)));

/**
 * Can some rule of RULES match at the start of `s`? A cheap test on the first characters, true for
 * every line a rule matches (so skipping the rules otherwise changes nothing): a digit, a Chinese
 * numeral or 第, an opening parenthesis, a circled number, §; or Latin letters only as "part",
 * "chapter", "art…", "section" (any case), or up to four letters followed by . ) or \\ (i. iv) a. A)).
 */
function mayBeNumbered(s: string): boolean {
  const c = s.charCodeAt(0);
  if (isDigit(c) || CN_NUMBER_START.has(c) || c === 0x28 || c === 0xff08 || c === 0xa7 || (c >= 0x2460 && c <= 0x2473))
    return true;
  if (!isAsciiLetter(c)) return false;
  let k = 1;
  while (k < 5 && isAsciiLetter(s.charCodeAt(k))) k++;
  const after = s.charCodeAt(k);
  if (k <= 4 && (after === 0x2e || after === 0x29 || after === 0x5c)) return true;
  const head = s.slice(0, 3).toLowerCase();
  return head === "par" || head === "cha" || head === "art" || head === "sec";
}

export interface LineReading {
  /** "md" when the line is a markdown heading (ATX or setext), "bold" when the whole line is bold. */
  markup: "md" | "bold" | null;
  /** Markdown heading level (1-6) when markup is "md". */
  mdLevel: number;
  scheme: NumberingScheme;
  /** The number as printed, without its trailing separator ("一", "（一）", "第三条", "1.1", "(1)"). */
  number: string | null;
  numberPath: number[];
  /** The text after number and markup; a trailing ：/: removed. */
  title: string;
  /** The text after markup only (number included), for matching TOC lines against headings. */
  content: string;
}

/** Strip decorations a heading line may carry: a list bullet, "——" rules around it, surrounding spaces. */
function stripDecorations(s: string): string {
  let t = s.replace(/^\s*[-*•·]\s+(?=\S)/, "");
  const c = t.charCodeAt(0);
  if (isSpace(c) || c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x3d)
    t = t.replace(/^[\s—–\-=]*(?=\S)/, (m) => (/[—–]/.test(m) ? "" : m));
  // A trailing rule "——": spaces, a run of dashes, spaces (by hand: an end-anchored regex starting
  // with \s* is tried from every position of the line).
  let e = endWithoutSpace(t);
  const end = e;
  while (e > 0 && (t.charCodeAt(e - 1) === 0x2014 || t.charCodeAt(e - 1) === 0x2013)) e--;
  return (e < end ? t.slice(0, e) : t).trim();
}

/** An emphasis run at the start of `s`: **x**, __x__, *x*, _x_, ***x*** (markers as written). */
const EMPHASIS_RUN = /^(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![*_])/;

/**
 * A line made only of emphasis runs (bold or italic), however many: "**一、引言**", "_遵守本条款_",
 * "**一、** **引言**" (number and title in separate runs), "**_For Parents_**". Returns the runs' text
 * joined by a space, or null. Also a leading run holding only a number, then plain text: "**一、**引言"
 * -> "一、 引言" with `whole` false.
 */
function readEmphasis(s: string): { text: string; whole: boolean } | null {
  const c0 = s.charCodeAt(0);
  if (c0 !== 0x2a && c0 !== 0x5f) return null;
  const parts: string[] = [];
  let rest = s;
  for (;;) {
    const m = EMPHASIS_RUN.exec(rest);
    if (!m) break;
    let inner = m[2]!;
    // Nested emphasis ("**_For Parents_**"): the inner markers go too.
    for (let k = 0; k < 3; k++) {
      const nested = EMPHASIS_RUN.exec(inner);
      if (!nested || nested[0].length !== inner.length) break;
      inner = nested[2]!;
    }
    parts.push(inner.replace(/\*\*|__/g, "").trim());
    rest = rest.slice(m[0].length).trimStart();
    if (rest === "" || (rest.charCodeAt(0) !== 0x2a && rest.charCodeAt(0) !== 0x5f)) break;
  }
  if (parts.length === 0) return null;
  if (rest === "") return { text: parts.join(" "), whole: true };
  // A bold number, then the title in plain text.
  if (parts.length === 1) {
    const head = readNumber(parts[0]!);
    if (head && head.title === "") return { text: `${parts[0]} ${rest}`, whole: false };
  }
  return null;
}

/** An ordered-list marker before heading markup ("1. #### Title", "10.  **Title**"): its value, the rest. */
const LIST_MARKER_HEADING = /^(\d{1,3})[.)]\s+(?=#{1,6}\s|\*\*|__)/;

/** Read `line` (no line break). `setextLevel` is 1 or 2 when the next line is a setext underline. */
export function readLine(line: string, setextLevel = 0): LineReading {
  // Invisible characters before the markup ("\u200D**With your consent**", left by editors) hide nothing.
  let s = stripZeroWidth(line).trim();
  let markup: LineReading["markup"] = null;
  let mdLevel = 0;
  // Headings numbered by a list marker only (extraction of <ol><li><h4>…): the marker is the number.
  const listMarker = s.charCodeAt(0) <= 0x39 ? LIST_MARKER_HEADING.exec(s) : null;
  if (listMarker) s = s.slice(listMarker[0].length);
  const atx = s.charCodeAt(0) === 0x23 ? /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(s) : null;
  if (atx) {
    markup = "md";
    mdLevel = atx[1]!.length;
    s = atx[2]!;
  } else if (setextLevel) {
    markup = "md";
    mdLevel = setextLevel;
  }
  // A line that is nothing but a link is navigation ("[查看历史版本](…)"), unless marked as a heading.
  const linkOnly = markup === null && /^!?\[[^\]]*\]\([^)]*\)$/.test(s);
  s = stripDecorations(linkOnly ? s : stripLinks(s));
  const emphasis = readEmphasis(s);
  if (emphasis) {
    s = emphasis.text;
    if (!markup && emphasis.whole) markup = "bold";
  }
  if (listMarker) {
    const own = readNumber(s);
    if (!own) {
      const value = Number(listMarker[1]);
      return {
        markup,
        mdLevel,
        scheme: "arabic",
        number: String(value),
        numberPath: [value],
        title: cleanTitle(s),
        content: `${value}. ${s}`,
      };
    }
  }
  const content = s;
  const numbered = readNumber(s);
  if (numbered) return { markup, mdLevel, ...numbered, content };
  return {
    markup,
    mdLevel,
    scheme: markup === "md" ? "markdown" : markup === "bold" ? "bold" : "plain",
    number: null,
    numberPath: [],
    title: cleanTitle(s),
    content,
  };
}

/** The number at the start of `s` by the first rule of RULES that reads it, and the title after it. */
function readNumber(s: string): Pick<LineReading, "scheme" | "number" | "numberPath" | "title"> | null {
  if (!mayBeNumbered(s)) return null;
  for (const rule of RULES) {
    const m = rule.re.exec(s);
    if (!m) continue;
    const path = rule.value(m);
    if (path.some((n) => !Number.isFinite(n) || n <= 0)) continue;
    const title = cleanTitle(s.slice(m[0].length));
    const number = m[1]!.replace(/\\/g, "").replace(/\s+/g, rule.words ? " " : "");
    return { scheme: rule.scheme, number, numberPath: path, title };
  }
  return null;
}

/** Title without separators after the number, bold markers, markdown escapes, trailing colon. */
export function cleanTitle(s: string): string {
  let t = stripLeader(s).replace(/^[\s、.．:：\-—–]+/, "");
  if (t.includes("**") || t.includes("__")) t = t.replace(/\*\*|__/g, "");
  if (t.includes("\\")) t = t.replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
  let e = t.length; // trailing spaces and colons
  while (e > 0 && (isSpace(t.charCodeAt(e - 1)) || t.charCodeAt(e - 1) === 0x3a || t.charCodeAt(e - 1) === 0xff1a)) e--;
  return (e < t.length ? t.slice(0, e) : t).trim();
}

/** A title as matched against another: NFKC, no whitespace, punctuation or symbols, lower case. */
export const titleKey = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .toLowerCase();

const isLeaderChar = (c: number) => c === 0x2e || c === 0xb7 || c === 0x2026;

/**
 * Dot leaders and a page number that a table of contents prints after a title ("总则 ........ 3")
 * removed: what `s.replace(/\s*(?:[.·…]{3,}|…{2,})\s*\d{0,4}\s*$/, "")` gives, read from the end of
 * the line instead of tried from each of its positions.
 */
function stripLeader(s: string): string {
  const e = endWithoutSpace(s);
  let d = e; // up to four digits of a page number
  while (d > 0 && e - d < 4 && isDigit(s.charCodeAt(d - 1))) d--;
  if (d > 0 && isDigit(s.charCodeAt(d - 1))) return s;
  const l = endWithoutSpace(s, d);
  let r = l;
  let ellipses = true;
  while (r > 0 && isLeaderChar(s.charCodeAt(r - 1))) {
    if (s.charCodeAt(r - 1) !== 0x2026) ellipses = false;
    r--;
  }
  if (!(l - r >= 3 || (l - r === 2 && ellipses))) return s;
  return s.slice(0, endWithoutSpace(s, r));
}
