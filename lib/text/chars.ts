/**
 * Character tests by code unit, and line reading, for per-line hot paths (lib/parse reads every line with
 * them; lib/ingest's metadata scan reads lines as the parser does): a loop over char codes instead of a
 * regex that builds strings or rescans the line from every position.
 */

/** Exactly the characters of JavaScript's `\s` (and of String.prototype.trim), by UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII 0-9 (what `\d` means without the u flag). */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** ASCII A-Z or a-z. */
export function isAsciiLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

/** Index after the last character of `s` that is not `\s` (s.trimEnd().length without the copy). */
export function endWithoutSpace(s: string, end = s.length): number {
  let e = end;
  while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** The end of the line starting at `pos` (before its break: \r\n, \r or \n) and where the next line starts. */
export function lineAt(text: string, pos: number): { end: number; next: number } {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return { end: i, next: i + 1 };
    if (c === 0x0d) return { end: i, next: text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1 };
  }
  return { end: text.length, next: text.length };
}

/** C0 controls other than tab and line breaks, DEL and C1 controls: never text a reader should see. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text without control characters (a browser draws them as boxes): the one definition used where a
 * document's text reaches a page (lib/view's escaping and labels).
 *   withoutControlChars("（七）为您提供直播服务\u0005") -> "（七）为您提供直播服务"
 */
export function withoutControlChars(s: string): string {
  CONTROL_CHARS.lastIndex = 0;
  return CONTROL_CHARS.test(s) ? s.replace(CONTROL_CHARS, "") : s;
}
