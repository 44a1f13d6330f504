/**
 * The text a reader sees in a block written with lightweight markup (markdown as archives and
 * converters write it): what two versions must differ in before a block counts as changed. Heading
 * marks and their level, setext underlines, emphasis markers, link targets (the link text stays), image
 * sources, list bullets and their padding, blockquote marks, table pipes and rules, HTML tags and
 * markdown escapes are layout, not wording. Ordered-list numbers stay: a reader sees them.
 *
 *   "### 1\. Your Access"      -> "1. Your Access"
 *   "##### 1\. Your Access"    -> "1. Your Access"
 *   "**一、** **引言**"          -> "一、 引言"
 *   "see [our terms](https://a.example/?x=1)" -> "see our terms"
 */
import { LEADING_NUMBER, normalizeWithMap, stripZeroWidth } from "./normalize.ts";

const SETEXT_OR_RULE = /^\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*$/;
const ATX_OPEN = /^\s{0,3}#{1,6}(?:\s+|$)/;
const ATX_CLOSE = /\s+#+\s*$/;
const QUOTE = /^\s*(?:>\s?)+/;
const BULLET = /^\s*[-*+•·]\s+/;
const ORDERED = /^\s*(\d{1,9})([.)])\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** A markdown link or image, its text (alt text) in group 1. */
const LINK = /!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g;
const REF_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const STRONG = /\*\*|__|~~/g;
/** A single * or _ used as an emphasis marker: at a word's edge, not inside a word (snake_case stays). */
const EM_OPEN = /(^|[\s(（「『"“'‘\p{P}])[*_](?=\S)/gu;
const EM_CLOSE = /(?<=\S)[*_](?=$|[\s)）」』"”'’\p{P}])/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;

/**
 * Links and images read as their text, and links with no text as nothing: "[](#1-intro)1\\. Intro" (an
 * anchor a converter left before the number) -> "1\\. Intro", "[Cookies](https://…)" -> "Cookies".
 */
export function stripLinks(s: string): string {
  return s.includes("](") ? s.replace(LINK, "$1") : s;
}

/** One line's visible text. */
function visibleLine(line: string): string {
  if (SETEXT_OR_RULE.test(line) || TABLE_RULE.test(line)) return "";
  let s = stripZeroWidth(line);
  s = s.replace(QUOTE, "");
  s = s.replace(BULLET, "");
  s = s.replace(ORDERED, "$1$2 ");
  if (ATX_OPEN.test(s)) s = s.replace(ATX_OPEN, "").replace(ATX_CLOSE, "");
  else s = s.replace(/^(\d{1,9}[.)] )#{1,6}\s+/, "$1").replace(ATX_CLOSE, ""); // "1. #### Title": a list item's heading
  // A bullet or number may follow the heading marks or come inside a quote.
  s = s.replace(BULLET, "").replace(ORDERED, "$1$2 ");
  s = stripLinks(s).replace(REF_LINK, "$1").replace(AUTOLINK, "$1");
  s = s.replace(HTML_TAG, " ");
  s = s.replace(STRONG, "").replace(EM_OPEN, "$1").replace(EM_CLOSE, "");
  s = s.replace(ESCAPE, "$1");
  if (s.includes("|"))
    s = s
      .replace(/^\s*\|/, "")
      .replace(/\|\s*$/, "")
      .replace(/\s*\|\s*/g, " ");
  return s;
}

/** The visible text of a block (its lines' visible texts, one per line). */
export function visibleText(block: string): string {
  return block
    .split(/\r\n|\r|\n/)
    .map(visibleLine)
    .filter((l) => l.trim() !== "")
    .join("\n");
}

export interface VisibleCompareOptions {
  /** Whitespace never counts (the "whitespace" ignore option). */
  ignoreWhitespace: boolean;
  /** Character width, quote and dash forms never count (the "width" ignore option). */
  ignoreWidth: boolean;
  /** A leading number never counts (the "numbering" ignore option). */
  ignoreNumbering: boolean;
  /**
   * The blocks are headings: a trailing colon or full stop ("摘要:", "Information You Provide.") and
   * decorative rules around the title ("——摘要——") are style.
   */
  heading?: boolean;
}

/** A heading's words without decorative rules around them and without a closing colon or full stop. */
function headingText(s: string): string {
  return s
    .replace(/^[\s\-–—=~·•*]+/, "")
    .replace(/[\s\-–—=~·•*]+$/, "")
    .replace(/[:：.。]\s*$/, "");
}

/** Whether two blocks read the same to a reader under these options (markup aside). */
export function sameVisibleText(a: string, b: string, options: VisibleCompareOptions): boolean {
  if (a === b) return true;
  const norm = (s: string) => {
    const text = normalizeWithMap(options.heading ? headingText(visibleText(s)) : visibleText(s), {
      foldWidth: options.ignoreWidth,
      whitespace: options.ignoreWhitespace ? "remove" : "collapse",
    }).text;
    // The number goes even when it is all the block holds (a heading "第一条" whose text follows it).
    return options.ignoreNumbering ? text.replace(LEADING_NUMBER, "") : text;
  };
  return norm(a) === norm(b);
}
