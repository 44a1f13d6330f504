/**
 * Text keys for matching headings in the evaluation (never for display, never fed to the engine).
 *
 * The gold format records numbers and titles "as written, without markup", and the engine's titles
 * sometimes keep markup (`#### Title`, `[](#anchor)1. Title`, `_Title_`). Both are reduced to one key:
 *
 *   canon("**一、** **引言**")           -> "一引言"
 *   canon("[](#1-intro)1\\. Introduction") -> "1 introduction"
 *   canon("总 则") === canon("总则")
 *
 * Steps: NFKC; zero-width characters dropped; markdown links keep their text, images and HTML tags
 * go, backslash escapes and emphasis markers (`*`, `_`, `~`, backtick) go; lower case; every
 * punctuation or symbol character becomes a space; whitespace collapses and survives only between two
 * alphanumerics of a spaced script (so "WeChat 变更" = "WeChat变更" but "a b" != "ab").
 */

import { stripZeroWidth } from "../text/normalize.ts";

const SPACED = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/** Markdown/HTML markup removed, characters otherwise kept (NFKC is not applied). */
export function stripMarkup(text: string): string {
  return stripZeroWidth(text)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/^\s*#{1,6}(?=\s|$)/gm, "")
    .replace(/[*_~`]+/g, "");
}

/** The matching key of a text (see the module comment). */
export function canon(text: string): string {
  const spaced = stripMarkup(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
  let out = "";
  for (let i = 0; i < spaced.length; i++) {
    const ch = spaced[i]!;
    if (ch === " ") {
      if (SPACED.test(spaced[i - 1] ?? "") && SPACED.test(spaced[i + 1] ?? "")) out += " ";
    } else out += ch;
  }
  return out;
}

/**
 * A leading heading or list number as documents print them: 第三章, Article 4, § 2, 1.2.3, 1., 1、, (一),
 * 一、, ①, a), (iv), IV. — matched on NFKC text without markup. Arabic numbers have at most 3 digits
 * so that a year opening a title ("2024 Update") stays.
 */
const LEADING_NUMBER = new RegExp(
  "^\\s*(?:" +
    [
      "第[0-9零〇一二三四五六七八九十百千两]+[编部分章节条款篇]",
      "(?:part|chapter|article|section|art\\.)\\s+[0-9ivxlcdm]+(?:\\.[0-9]+)*[.:]?",
      "§\\s*[0-9][0-9.]*",
      "[0-9]{1,3}(?:\\.[0-9a-z]{1,3})*\\.?[、)]?(?=\\s|$|[^0-9a-z.])",
      "\\(?[0-9一二三四五六七八九十百]+\\)[、.]?",
      "[一二三四五六七八九十百]+[、.]",
      "[\\u2460-\\u2473]",
      "[a-z][.)](?=\\s)",
      "\\([a-z]{1,4}\\)",
      "[ivxlcdm]{1,6}[.)](?=\\s)",
    ].join("|") +
    ")\\s*",
  "iu",
);

/** `text` without its leading numbers (several: a list marker and a literal number, "1. 1\\. Title"). */
export function stripLeadingNumbers(text: string): string {
  let s = stripMarkup(text.normalize("NFKC")).trim();
  for (let i = 0; i < 3; i++) {
    const m = LEADING_NUMBER.exec(s);
    if (!m || m[0].length === 0 || m[0].length === s.length) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** Key of a title with any leading number stripped ("3.2. Your Email" -> "your email"). */
export function titleKey(title: string): string {
  return canon(stripLeadingNumbers(title));
}

/** Key of a heading as printed: number and title together ("1." + "Intro" = "1 Intro" = "1. Intro"). */
export function headingKey(number: string | null, title: string): string {
  return canon(`${number ?? ""} ${title}`);
}

/** Key of a printed number ("（一）" = "(一)" = "一、"; "1." = "1\\." = "1"). */
export function numberKey(number: string | null): string {
  return number === null ? "" : canon(number);
}

/** Share of CJK characters among letters: documents above one half count as Chinese. */
export function isChinese(text: string): boolean {
  const sample = text.slice(0, 20000);
  const cjk = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cjk > latin / 3;
}
