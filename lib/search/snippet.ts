/**
 * Snippets: a short window of a section's original text around the first match, with every match of
 * every term marked. The window is chosen in folded text (./fold.ts) and mapped back, so the marks sit
 * on the original characters (full-width letters, curly quotes and all); markdown "**" is dropped and
 * whitespace runs shown as one space, as the index reads them.
 */
import { html, joinHtml } from "../view/safe-html.ts";
import { foldForSearch } from "./fold.ts";

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export const SNIPPET = {
  /** Width of the window, in folded characters. */
  width: 140,
  /** Characters of context kept before the first match. */
  lead: 40,
  /** Matches marked at most (a common term in a long section). */
  maxMarks: 50,
} as const;

/** Ranges [start, end) of every occurrence of the terms in `folded`, sorted and merged. */
function matchRanges(folded: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at >= 0 && ranges.length < 1000; at = folded.indexOf(term, at + 1))
      ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * The snippet of `source` for folded `terms`: parts of plain and marked text, with "…" where the window
 * cuts the text. With no match, the start of the text.
 */
export function makeSnippet(source: string, terms: readonly string[], width: number = SNIPPET.width): SnippetPart[] {
  const f = foldForSearch(source, true);
  const ranges = matchRanges(f.text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET.lead);
  const to = Math.min(f.text.length, from + width);
  from = Math.max(0, Math.min(from, to - width));
  if (to <= from) return [];

  const marks = ranges.filter(([a, b]) => b > from && a < to).slice(0, SNIPPET.maxMarks);
  const parts: SnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  // Walk the folded window unit by unit, writing each original code point once (a code point that
  // folds to several units, e.g. "㈠" -> "(一)", is written with its first unit).
  let written = f.start[from]!;
  const origEnd = f.end[to - 1]!;
  let m = 0;
  for (let i = from; i < to; i++) {
    const s = f.start[i]!;
    if (s < written) continue;
    while (marks[m] && marks[m]![1] <= i) m++;
    const inMark = !!marks[m] && marks[m]![0] <= i;
    const e = f.end[i]!;
    const text = f.text[i] === " " ? " " : source.slice(s, e);
    push(text, inMark);
    written = e;
  }
  if (from > 0) parts.unshift({ text: "…", mark: false });
  if (origEnd < source.length && to < f.text.length) parts.push({ text: "…", mark: false });
  // Trim a space at either edge of the window.
  const head = parts[0];
  if (head && !head.mark) head.text = head.text.replace(/^…?\s+/, (x) => (x.startsWith("…") ? "…" : ""));
  const tail = parts[parts.length - 1];
  if (tail && !tail.mark) tail.text = tail.text.replace(/\s+(…?)$/, "$1");
  return parts.filter((p) => p.text);
}

/** The snippet as HTML (for the API's JSON): escaped text, matches in <mark>. */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return joinHtml(parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))).toString();
}
