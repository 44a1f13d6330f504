/**
 * Chinese (CJK) characters: the Unicode ranges, defined once for lib/, and the few sets built from
 * them. Call sites need different sets, each for a stated reason, and each keeps exactly the set it
 * had when the ranges were gathered here (so no output changed):
 *
 *   isBasicHan        U+4E00–U+9FFF            fast paths (every code point a letter, left alone by
 *                                              NFKC), the parser's count of Chinese text, plausible
 *                                              decoded text (with isCjkPunctuation, isFullwidthForm);
 *                                              lib/parse/headings.ts still writes it as a regex literal
 *   HAN               U+3400–U+9FFF, U+F900–U+FAFF     the word diff's "has Chinese" and "not Han" tests
 *   CJK_TEXT_CHAR     U+3000–U+303F, U+3400–U+9FFF, U+FF00–U+FFEF   HTML: a line break between two
 *                                              of these is no space (as a browser renders Chinese)
 *   CJK_BLOCKS_START  U+2E80                   similarity: letters below it belong to scripts written
 *                                              with spaces between words
 *   isUnspacedCjk     U+2E80–U+9FFF, U+F900–U+FAFF, U+FF00–U+FFEF, U+20000–U+3FFFF   search folding
 *                                              (lib/search/fold.ts): whitespace next to one is layout
 */

/** An inclusive range of UTF-16 code units / BMP code points. */
type Range = readonly [from: number, to: number];

/** CJK Unified Ideographs, the basic block: every code point an assigned letter (Lo), left alone by NFKC. */
export const HAN_BASIC: Range = [0x4e00, 0x9fff];
/** CJK Unified Ideographs Extension A through the basic block (with the Yijing hexagrams U+4DC0–U+4DFF). */
export const HAN_EXT_A_TO_BASIC: Range = [0x3400, 0x9fff];
/** CJK Compatibility Ideographs (NFKC maps most of them to a unified ideograph). */
export const HAN_COMPATIBILITY: Range = [0xf900, 0xfaff];
/** CJK Symbols and Punctuation: the ideographic space, 、。〈〉《》「」『』【】〔〕 and the like. */
export const CJK_PUNCTUATION: Range = [0x3000, 0x303f];
/** Halfwidth and Fullwidth Forms: ，：（）０-９Ａ-Ｚ …, half-width katakana and hangul. */
export const FULLWIDTH_FORMS: Range = [0xff00, 0xffef];
/** Start of the CJK blocks (CJK Radicals Supplement): kana, CJK punctuation and ideographs all lie above. */
export const CJK_BLOCKS_START = 0x2e80;
/** Ideographs of the supplementary planes: Extension B and later (U+20000–U+3FFFF). */
export const HAN_SUPPLEMENTARY: Range = [0x20000, 0x3ffff];

// The bounds as plain numbers for the predicates, which run on hot paths (per character of every text).
const [HAN_BASIC_FROM, HAN_BASIC_TO] = HAN_BASIC;
const [CJK_PUNCTUATION_FROM, CJK_PUNCTUATION_TO] = CJK_PUNCTUATION;
const [FULLWIDTH_FORMS_FROM, FULLWIDTH_FORMS_TO] = FULLWIDTH_FORMS;

/** A character class body for a RegExp (no u flag: BMP ranges match by code unit, as `\uXXXX-\uXXXX`). */
const classOf = (...ranges: Range[]) =>
  ranges
    .map(([from, to]) => `\\u${from.toString(16).padStart(4, "0")}-\\u${to.toString(16).padStart(4, "0")}`)
    .join("");

/** A basic-block CJK ideograph (U+4E00–U+9FFF), by code unit or code point. */
export function isBasicHan(c: number): boolean {
  return c >= HAN_BASIC_FROM && c <= HAN_BASIC_TO;
}

/** CJK Symbols and Punctuation (U+3000–U+303F). */
export function isCjkPunctuation(c: number): boolean {
  return c >= CJK_PUNCTUATION_FROM && c <= CJK_PUNCTUATION_TO;
}

/** Halfwidth and Fullwidth Forms (U+FF00–U+FFEF). */
export function isFullwidthForm(c: number): boolean {
  return c >= FULLWIDTH_FORMS_FROM && c <= FULLWIDTH_FORMS_TO;
}

/** A Han ideograph: Extension A through the basic block, or a compatibility one. `HAN.test(s)`: s has one. */
export const HAN = new RegExp(`[${classOf(HAN_EXT_A_TO_BASIC, HAN_COMPATIBILITY)}]`);

/** A character of CJK running text: CJK punctuation, a Han ideograph (Extension A to basic), a full-width form. */
export const CJK_TEXT_CHAR = new RegExp(`[${classOf(CJK_PUNCTUATION, HAN_EXT_A_TO_BASIC, FULLWIDTH_FORMS)}]`);

/**
 * A character of CJK text written without spaces between words, by code point: radicals, CJK
 * punctuation, kana and ideographs up to the basic block, compatibility ideographs, full-width forms,
 * supplementary-plane ideographs. Search folding drops whitespace next to one (a line break inside
 * 个人\n信息 is layout).
 */
export function isUnspacedCjk(c: number): boolean {
  return (
    (c >= CJK_BLOCKS_START && c <= HAN_BASIC_TO) ||
    (c >= HAN_COMPATIBILITY[0] && c <= HAN_COMPATIBILITY[1]) ||
    isFullwidthForm(c) ||
    (c >= HAN_SUPPLEMENTARY[0] && c <= HAN_SUPPLEMENTARY[1])
  );
}
