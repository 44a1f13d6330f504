/**
 * Inline markdown in a document's paragraphs, as data for the reading view: archives and extractions
 * keep `**bold**` and `[text](url)` in the text, and a reader should see bold text and a link, not the
 * markers. The result is plain runs that the UI renders as React text (never HTML); only http(s) URLs
 * become links, anything else (javascript:, data:, relative) stays as its visible text.
 *
 *   inlineRuns("见**重要**条款")  ->  [{text:"见"}, {text:"重要", strong:true}, {text:"条款"}]
 *
 * Unbalanced markers stay as they are, so no text is ever lost.
 */
export interface InlineRun {
  text: string;
  strong?: boolean;
  /** Only ever an http: or https: URL. */
  href?: string;
}

/** `**…**` or `__…__` (not spanning another marker), or a markdown link `[text](url)`. */
const INLINE = /\*\*(?=\S)([^*]+?)\*\*|__(?=\S)([^_]+?)__|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

function httpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index;
    if (start > last) runs.push({ text: text.slice(last, start) });
    const [whole, bold1, bold2, linkText, linkUrl] = match;
    if (bold1 !== undefined || bold2 !== undefined) runs.push({ text: (bold1 ?? bold2)!, strong: true });
    else {
      const href = httpUrl(linkUrl!);
      runs.push(href ? { text: linkText!, href } : { text: linkText! });
    }
    last = start + whole.length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
