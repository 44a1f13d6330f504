/**
 * Writing a section number again with other values, in the numeral system it was printed in:
 * "第三条" + [4] -> "第四条", "3.1" + [4, 1] -> "4.1", "（二）" + [3] -> "（三）", "iv." + [5] -> "v.".
 * Used by the metamorphic transformations to renumber the sections after an inserted or deleted one.
 */

const CN_DIGITS = "零一二三四五六七八九";

/** 1 -> 一, 10 -> 十, 15 -> 十五, 21 -> 二十一, 101 -> 一百零一, 110 -> 一百一十 (as laws print them). */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return CN_DIGITS[value]!;
  if (value < 20) return `十${value % 10 ? CN_DIGITS[value % 10] : ""}`;
  const units: Array<[number, string]> = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
  ];
  let out = "";
  let rest = value;
  let zero = false;
  for (const [unit, name] of units) {
    const d = Math.floor(rest / unit);
    rest %= unit;
    if (d > 0) {
      if (zero) out += "零";
      out += CN_DIGITS[d]! + name;
      zero = false;
    } else if (out !== "") zero = true;
  }
  if (rest > 0) out += (zero ? "零" : "") + CN_DIGITS[rest]!;
  return out;
}

export function romanNumeral(value: number): string {
  const table: Array<[number, string]> = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  let rest = value;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const TOKEN = /[0-9]+|[零〇一二三四五六七八九十百千两]+|[\u2460-\u2473]|(?<![A-Za-z])[A-Za-z]{1,6}(?![A-Za-z])/g;
const ROMAN = /^(?:[ivxlcdm]+|[IVXLCDM]+)$/;

/** The same numeral system as `token`, with `value`. */
function rewrite(token: string, value: number, scheme: string): string {
  if (/^[0-9]+$/.test(token)) return String(value);
  if (/^[\u2460-\u2473]$/.test(token))
    return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : `(${value})`;
  if (/^[A-Za-z]+$/.test(token)) {
    const upper = token === token.toUpperCase();
    const asRoman = scheme === "roman" || (token.length > 1 && ROMAN.test(token));
    const text = asRoman ? romanNumeral(value) : String.fromCharCode(96 + Math.min(26, Math.max(1, value)));
    return upper ? text.toUpperCase() : text;
  }
  return chineseNumeral(value);
}

/** Numeral tokens of a printed number; letters only where the scheme writes numbers with letters. */
function numeralTokens(text: string, scheme: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (/^[A-Za-z]+$/.test(t)) {
      const letterScheme = scheme === "latin" || scheme === "roman" || scheme === "decimal" || scheme === "section-en";
      if (!letterScheme || (t.length > 1 && !ROMAN.test(t))) continue;
    }
    out.push({ index: m.index, text: t });
  }
  return out;
}

/**
 * `text` (a printed number, or the part of a heading line before its title) with its numerals set to
 * `path`, aligned from the end ("3.1" with [4, 1] -> "4.1"). Null when `text` holds no numeral.
 */
export function renumber(text: string, path: number[], scheme: string): string | null {
  const tokens = numeralTokens(text, scheme);
  if (tokens.length === 0 || path.length === 0) return null;
  const n = Math.min(tokens.length, path.length);
  const used = tokens.slice(tokens.length - n);
  const values = path.slice(path.length - n);
  let out = "";
  let at = 0;
  used.forEach((t, i) => {
    out += text.slice(at, t.index) + rewrite(t.text, values[i]!, scheme);
    at = t.index + t.text.length;
  });
  return out + text.slice(at);
}
