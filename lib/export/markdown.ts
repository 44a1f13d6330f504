/**
 * The digest as Markdown (CommonMark + GFM strikethrough): a title, both versions with their links,
 * the options, the counts, a list of the changed sections (links into the compare view), then each
 * listed section's changed paragraphs with ~~deleted~~ and **inserted** text. With `only=all`, every
 * section with all its paragraphs.
 *
 * Document text is data: every ASCII character Markdown gives a meaning to is backslash-escaped
 * (CommonMark lets any ASCII punctuation be escaped), so a policy's own `**bold**`, `<script>`, `[x](y)`
 * or `# ` shows as those characters and can neither end our marks nor start a link, tag or heading.
 * A mark whose text starts or ends with punctuation (or an escape) next to a letter cannot be a
 * delimiter run in CommonMark (the flanking rules; common in Chinese: 音~~、~~视频); such a mark is
 * written as <del>/<ins>, which GFM renderers show the same way.
 *
 * Written as a generator of pieces, so the HTTP response streams it.
 */
import { format } from "../i18n/index.ts";
import { formatShare, summaryLine } from "../view/summary-text.ts";
import type { SectionRow, TextRun } from "../view/types.ts";
import {
  exportRows,
  messagesFor,
  optionsLine,
  pairTitle,
  rowChangedRatio,
  rowLabel,
  scopeLine,
  sectionUrl,
  siteName,
  splitLines,
  statusLabel,
  statusNotes,
  versionLine,
} from "./rows.ts";
import type { ExportInput } from "./types.ts";

/**
 * ASCII characters with a meaning anywhere in a line in CommonMark or GFM: inline marks, links and
 * images, HTML and entities, headings' closing #, table pipes, GitHub's math ($).
 */
const SPECIAL = /[\\`*_{}[\]()<>#!|~&$]/g;
/** What means something only at the start of a line: list markers (- + 1. 1)) and setext underlines (=). */
const LINE_START = /^([-+=]|\d+(?=[.)]))/;

/**
 * Text shown as itself: every Markdown-special ASCII character escaped, and a list marker or setext
 * underline at its start too (the text may start a line or follow a list marker of ours). Dots,
 * dashes and colons elsewhere stay as they are, so dates and numbers read normally.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(LINE_START, (s) => (/\d/.test(s) ? `${s}\\` : `\\${s}`));
}

/** URL inside <...> (an autolink-style destination): only < > and spaces would end it. */
function mdUrl(url: string): string {
  return `<${url.replace(/[<> ]/g, (c) => encodeURIComponent(c))}>`;
}

function link(text: string, url: string): string {
  return `[${escapeMarkdown(text)}](${mdUrl(url)})`;
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/** Whether `c` (undefined: the line's start or end) lets a delimiter next to punctuation flank. */
const spaceOrPunct = (c: string | undefined) => c === undefined || SPACE.test(c) || PUNCT.test(c);

/**
 * One marked piece, `~~x~~` / `**x**`, when CommonMark's flanking rules let those delimiters open and
 * close here: text starting (ending) with punctuation must have whitespace or punctuation before
 * (after) the mark. Otherwise `<del>x</del>` / `<ins>x</ins>`. Whitespace at its edges stays outside.
 *   我们~~收集~~使用   音<del>、</del>视频   音 ~~、~~ 视频
 */
function markPiece(
  escaped: string,
  mark: "del" | "ins",
  before: string | undefined,
  after: string | undefined,
): string {
  const [, lead, body, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(escaped) as unknown as [string, string, string, string];
  if (!body) return escaped;
  const prev = lead ? " " : before;
  const next = trail ? " " : after;
  const opens = !PUNCT.test(body[0]!) || spaceOrPunct(prev);
  const closes = !PUNCT.test(body[body.length - 1]!) || spaceOrPunct(next);
  const wrapped = opens && closes ? (mark === "del" ? `~~${body}~~` : `**${body}**`) : `<${mark}>${body}</${mark}>`;
  return lead + wrapped + trail;
}

/**
 * A line of marked runs as Markdown inline text. Spaces at the line's start are dropped (four of them
 * would make a code block).
 */
export function runsMarkdown(runs: readonly TextRun[]): string {
  const pieces: { text: string; m: TextRun["m"] }[] = [];
  for (const r of runs) {
    const t = pieces.length ? r.t : r.t.replace(/^[ \t]+/, "");
    if (t) pieces.push({ text: escapeMarkdown(t), m: r.m });
  }
  let out = "";
  pieces.forEach((p, i) => {
    if (p.m === "eq") {
      out += p.text;
      return;
    }
    const next = pieces[i + 1];
    // What follows this mark: the next text's first character; a mark's delimiter (~ * <) is punctuation.
    const after = !next ? undefined : next.m === "eq" || SPACE.test(next.text[0]!) ? next.text[0] : "~";
    out += markPiece(p.text, p.m, out ? out[out.length - 1] : undefined, after);
  });
  return out;
}

/** A block's lines as one Markdown paragraph (hard line breaks between its lines). */
function blockMarkdown(runs: readonly TextRun[]): string {
  return splitLines(runs)
    .map((line) => runsMarkdown(line))
    .join("\\\n");
}

function sectionMarkdown(row: SectionRow, input: ExportInput): string[] {
  const m = messagesFor(input);
  const out: string[] = [];
  const ratio = rowChangedRatio(row);
  out.push(
    `### ${escapeMarkdown(rowLabel(row, m))}`,
    "",
    `${escapeMarkdown(statusLabel(row.status, m))}${
      row.changed ? ` · ${escapeMarkdown(format(m.export.changedRatio, { n: formatShare(ratio) }))}` : ""
    } · ${link(m.export.onlineView, sectionUrl(input, row.key))}`,
    "",
  );
  for (const note of statusNotes(row, m)) out.push(`> ${escapeMarkdown(note)}`, "");
  const blocks = [...(row.heading && row.heading.status !== "unchanged" ? [row.heading] : []), ...row.blocks];
  const onlyChanged = input.scope === "changes";
  let elided = false;
  for (const b of blocks) {
    if (onlyChanged && b.status === "unchanged") {
      // One note per run of unchanged paragraphs.
      if (!elided) out.push(`*${escapeMarkdown(m.export.elided)}*`, "");
      elided = true;
      continue;
    }
    elided = false;
    const text = blockMarkdown(b.inline);
    if (!text) continue;
    const moved = b.movedFrom
      ? `${escapeMarkdown(m.blockMovedFrom)}${escapeMarkdown(b.movedFrom.label)}${escapeMarkdown(m.export.colon)}`
      : b.movedTo
        ? `${escapeMarkdown(m.blockMovedTo)}${escapeMarkdown(b.movedTo.label)}${escapeMarkdown(m.export.colon)}`
        : "";
    out.push(moved + text, "");
  }
  return out;
}

/** The digest in pieces (header and summary, then one piece per section). */
export function* markdownPieces(input: ExportInput): Generator<string> {
  const m = messagesFor(input);
  const e = m.export;
  const s = input.view.summary;
  const rows = exportRows(input.view, input.scope);
  const head: string[] = [
    `# ${escapeMarkdown(`${e.digestTitle}${e.colon}${pairTitle(input)}`)}`,
    "",
    `- ${escapeMarkdown(versionLine(input.from, "from", input))} (${link(e.permalink, input.from.url)})`,
    `- ${escapeMarkdown(versionLine(input.to, "to", input))} (${link(e.permalink, input.to.url)})`,
    `- ${escapeMarkdown(`${e.options}${e.colon}${optionsLine(input)}`)}`,
    `- ${escapeMarkdown(scopeLine(input))}`,
    `- ${link(e.onlineView, input.compareUrl)}`,
    "",
    `## ${escapeMarkdown(e.summary)}`,
    "",
    escapeMarkdown(summaryLine(s, m.summary)),
    "",
  ];
  const counts: [keyof typeof m.status, number][] = (
    ["added", "removed", "modified", "moved", "renamed", "renumbered", "split", "merged"] as const
  ).map((k) => [k, s[k]]);
  head.push(
    counts
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${escapeMarkdown(m.status[k])} ${n}`)
      .join(" · ") || escapeMarkdown(e.noChanges),
    "",
  );
  const changed = input.view.rows.filter((r) => r.changed);
  if (changed.length) {
    head.push(`## ${escapeMarkdown(e.changedSections)}`, "");
    for (const r of changed)
      head.push(
        `- ${link(rowLabel(r, m), sectionUrl(input, r.key))} · ${escapeMarkdown(statusLabel(r.status, m))} · ${escapeMarkdown(formatShare(rowChangedRatio(r)))}`,
      );
    head.push("");
  }
  if (rows.length) head.push(`## ${escapeMarkdown(e.changesTitle)}`, "");
  yield head.join("\n") + "\n";
  for (const row of rows) yield sectionMarkdown(row, input).join("\n") + "\n";
  yield `---\n\n*${escapeMarkdown(format(e.generatedBy, { site: siteName(input.locale) }))}*\n`;
}

export function renderMarkdown(input: ExportInput): string {
  return Array.from(markdownPieces(input)).join("");
}
