/**
 * Metadata found in a policy's text: title, published/effective dates, a listed version history, and
 * key/value fields of front matter and archive metadata blocks.
 *
 * Decisions (see docs/decisions, parsing ADR):
 * - Dates are ISO YYYY-MM-DD. A date without a day ("Last updated: January 2026", "2022年6月") gives
 *   null: we prefer no date to an invented one.
 * - publishedAt comes from 发布/公布/更新/修订/版本 日期|时间, 最近更新, 最后更新, "Last updated",
 *   "Last modified/revised", "Published", or "<date>更新"; effectiveAt from 生效/施行/实施 日期|时间,
 *   "Effective (date)", or "自<date>起生效". An effective date is never copied into publishedAt.
 * - The text states dates near its top (or, less often, at its end): we look in the first
 *   INGEST_CONFIG.metadataHeadChars characters after any front matter, then the last
 *   metadataTailChars, then the fields of front matter / archive blocks (e.g. 生效日期, 更新日期).
 * - The title is the front matter `title` (a trailing date stripped), else the first short title-like
 *   line of the body (markdown # / ** stripped), skipping metadata and date lines.
 */
import { lineAt } from "../text/chars.ts";
import type { Span } from "../text/span.ts";
import type { DocumentMetadata } from "./types.ts";
import { INGEST_CONFIG } from "./config.ts";

export type MetaRegionKind = "front-matter" | "archive-block" | "version-list" | "header-fields";

/** A run of whole lines that is metadata, not body. `span` covers the lines and their line breaks. */
export interface MetaRegion {
  kind: MetaRegionKind;
  span: Span;
}

interface Line {
  text: string; // without the line break
  start: number;
  end: number; // after the line break
}

/** The lines of `text` (\n, \r\n or a lone \r), read as lib/parse reads them. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let pos = 0; pos < text.length;) {
    const { end, next } = lineAt(text, pos);
    lines.push({ text: text.slice(pos, end), start: pos, end: next });
    pos = next;
  }
  return lines;
}

const isBlank = (s: string) => s.trim() === "";

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

/** Numeric dates: 2022-06-29, 2022/6/29, 2022.07.11, 2023年9月5日, 2021年 02月 25日. */
const NUMERIC_DATE = "(\\d{4})[ \\t]*[-/.年][ \\t]*(\\d{1,2})[ \\t]*[-/.月][ \\t]*(\\d{1,2})(?!\\d)[ \\t]*[日号]?";
/** Compact numeric dates as some policies print them: 20240229, 20240229日. */
const COMPACT_DATE = "(?<!\\d)((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?!\\d)[ \\t]*[日号]?";
const EN_MDY = `${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`;
const EN_DMY = `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})`;
/** A date with a month but no day: recognised so it is not misread, then reported as null. */
const MONTH_ONLY = `(?:${MONTH_NAME}\\s+\\d{4}|\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?!\\s*\\d))`;
const DATE_PATTERN = `(?:${NUMERIC_DATE}|${COMPACT_DATE}|${EN_MDY}|${EN_DMY}|${MONTH_ONLY})`;
const ANY_NUMERIC_DATE = `(?:${NUMERIC_DATE}|${COMPACT_DATE})`;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The ISO date a string starts with (after NFKC), or null (also null when it has no day). */
export function parseDate(input: string): string | null {
  const s = input.normalize("NFKC").trim();
  let m = new RegExp(`^${NUMERIC_DATE}`).exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^${COMPACT_DATE}`).exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`^${EN_MDY}`, "i").exec(s);
  if (m) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase().slice(0, 3)] ?? 0, Number(m[2]));
  m = new RegExp(`^${EN_DMY}`, "i").exec(s);
  if (m) return iso(Number(m[3]), MONTHS[m[2]!.toLowerCase().slice(0, 3)] ?? 0, Number(m[1]));
  return null;
}

const PUBLISHED_LABEL =
  "(?:本版|本次|本政策|本协议|版本)?(?:发布|公布|更新|修订|修改|版本)(?:日期|时间)|最近更新(?:日期|时间)?|最后更新(?:日期|时间)?|更新于|发布于|" +
  "last\\s+(?:updated|modified|revised|amended)(?:\\s+on)?|date\\s+of\\s+last\\s+(?:update|revision)|updated(?:\\s+on)?|published(?:\\s+on)?|version\\s+date|revision\\s+date";
const EFFECTIVE_LABEL =
  "(?:本版|本政策|本协议|版本)?(?:生效|施行|实施)(?:日期|时间)|effective\\s+(?:date|as\\s+of|from|on)|effective|in\\s+effect\\s+(?:from|as\\s+of)";
const SEP = "[ \\t]*(?:[:：]|为|是|is|was)?[ \\t]*[【\\[（(「]?[ \\t]*";

const LABELLED = (label: string) => new RegExp(`(?:^|[^\\p{L}])(?:${label})${SEP}(${DATE_PATTERN})`, "giu");
const LABELLED_PUBLISHED = LABELLED(PUBLISHED_LABEL);
const LABELLED_EFFECTIVE = LABELLED(EFFECTIVE_LABEL);
const SUFFIX_PUBLISHED = new RegExp(`(${ANY_NUMERIC_DATE})[ \\t]*(?:更新|发布|修订)`, "g");
const SUFFIX_EFFECTIVE = new RegExp(`(${ANY_NUMERIC_DATE})[ \\t]*(?:起)?[ \\t]*(?:正式)?(?:生效|施行|实施)`, "g");

/** The first date in `s` (NFKC-normalised) introduced by one of `label`s (or written before a suffix). */
function findLabelledDate(s: string, kind: "published" | "effective"): { found: boolean; date: string | null } {
  const label = kind === "published" ? LABELLED_PUBLISHED : LABELLED_EFFECTIVE;
  const suffix = kind === "published" ? SUFFIX_PUBLISHED : SUFFIX_EFFECTIVE;
  label.lastIndex = 0;
  suffix.lastIndex = 0;
  const a = label.exec(s);
  const b = suffix.exec(s);
  const first = a && b ? (a.index <= b.index ? a : b) : (a ?? b);
  if (!first) return { found: false, date: null };
  return { found: true, date: parseDate(first[1]!) };
}

/** True when the line is nothing but a labelled date (e.g. "生效日期:【2022-06-29】", "Last updated: May 13, 2026"). */
const DATE_LINES = [PUBLISHED_LABEL, EFFECTIVE_LABEL].map(
  (label) => new RegExp(`^(?:${label})${SEP}${DATE_PATTERN}\\s*[】\\]）)」]?\\s*$`, "iu"),
);
const SUFFIX_DATE_LINE = new RegExp(`^${NUMERIC_DATE}\\s*(?:起)?\\s*(?:更新|发布|修订|生效|施行|实施)`);

/** 1 = the code unit's NFKC form has no ASCII digit, 2 = it has one; 0 = not computed yet. */
const digitForm = new Uint8Array(0x10000);

/**
 * Does `line` contain a digit once NFKC-normalised (0-9, ０-９, ①, ², …)? Every date pattern needs one, so
 * this cheap test per code unit spares normalising the many lines that cannot be dates. (NFKC decomposes
 * character by character and composition never yields a digit, so testing each character is exact; a
 * surrogate pair is tested as one code point.)
 */
function hasDigitForm(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) return true;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (/[0-9]/.test(line.slice(i, i + 2).normalize("NFKC"))) return true;
        i++;
        continue;
      }
    }
    let f = digitForm[c]!;
    if (f === 0) digitForm[c] = f = /[0-9]/.test(String.fromCharCode(c).normalize("NFKC")) ? 2 : 1;
    if (f === 2) return true;
  }
  return false;
}

export function isDateLine(line: string): boolean {
  if (line.length > 200) return false; // (cheap guard before normalising; the test below is on dateLineMaxChars)
  if (!hasDigitForm(line)) return false;
  const s = line
    .normalize("NFKC")
    .replace(/[*_#>\\]|\\?[[\]]/g, "")
    .trim();
  if (s === "" || s.length > INGEST_CONFIG.dateLineMaxChars) return false;
  if (DATE_LINES.some((re) => re.test(s))) return true;
  return SUFFIX_DATE_LINE.test(s) && s.length <= INGEST_CONFIG.suffixDateLineMaxChars;
}

/** True when the line is only a date (optionally bulleted), e.g. "- 2024年09月25日". */
const BARE_DATE = new RegExp(`^${DATE_PATTERN}$`, "i");

function isBareDateLine(line: string): boolean {
  if (!hasDigitForm(line)) return false;
  const s = line
    .normalize("NFKC")
    .replace(/^\s*(?:[-*•·]\s*)?/, "")
    .trim();
  if (s === "") return false;
  const m = BARE_DATE.exec(s);
  return m !== null && parseDate(s) !== null;
}

const HISTORY_LABEL =
  /^\s*(?:#+\s*)?(?:\*\*)?\s*(?:历史版本(?:列表)?|版本历史|历史记录|版本记录|version\s+history|previous\s+versions|archived\s+versions)\s*(?:\*\*)?\s*[:：]?\s*$/i;

// ---------------------------------------------------------------------------------------------
// Metadata regions

function frontMatter(lines: Line[]): { region: MetaRegion; fieldLines: string[] } | null {
  let i = 0;
  while (i < lines.length && isBlank(lines[i]!.text)) i++;
  if (lines[i]?.text.trim() !== "---") return null;
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.text.trim();
    if (t === "---" || t === "...") {
      return {
        region: { kind: "front-matter", span: { start: lines[i]!.start, end: lines[j]!.end } },
        fieldLines: lines.slice(i + 1, j).map((l) => l.text),
      };
    }
  }
  return null;
}

/** Keys a crawler, an archive or a dataset export writes above a page's text ("url: https://…"). */
const HEADER_KEY =
  /^(?:title|url|uri|link|source|source url|date|retrieved|fetched|crawled|captured|archived|snapshot|author|publisher|language|lang|encoding|content[- ]type|status|标题|网址|链接|地址|来源|原文链接|日期|时间|抓取时间|采集时间|爬取时间|更新时间|发布时间|作者|语言)$/i;
/** "key: value" with a short key (a few words, or a few CJK characters) and a value. */
const FIELD_LINE = /^\s*[-*]?\s*([A-Za-z][A-Za-z _-]{0,24}|[\u4e00-\u9fff]{1,6})\s*[:：]\s*(\S.*)$/;
/** A separator line: a run of -, =, *, _, ~, # or box-drawing characters (spaces allowed). */
export const SEPARATOR_LINE = /^\s*(?:([-=*_~#\u2014\u2500\u2501\u2550])\s*){3,}$/;

/**
 * A header of "key: value" lines at the very top (after any front matter), as crawlers and dataset
 * exports write above a page's text: at least two field lines, at least one with a known metadata key
 * (title, url, source, date, 来源, 抓取时间…), separator lines and blank lines allowed between them.
 */
function headerFields(lines: Line[], from: number): { region: MetaRegion; fieldLines: string[] } | null {
  let i = from;
  while (i < lines.length && (isBlank(lines[i]!.text) || SEPARATOR_LINE.test(lines[i]!.text))) i++;
  const first = i;
  let last = -1;
  let known = 0;
  const fieldLines: string[] = [];
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (isBlank(t) || SEPARATOR_LINE.test(t)) continue;
    const m = FIELD_LINE.exec(t);
    if (!m) break;
    if (HEADER_KEY.test(m[1]!.trim())) known++;
    fieldLines.push(t.replace(/^\s*[-*]?\s*/, ""));
    last = i;
  }
  if (fieldLines.length < 2 || known === 0) return null;
  // Separator lines right after the fields belong to the header.
  let end = last;
  for (let j = last + 1; j < lines.length && (isBlank(lines[j]!.text) || SEPARATOR_LINE.test(lines[j]!.text)); j++)
    if (SEPARATOR_LINE.test(lines[j]!.text)) end = j;
  return { region: { kind: "header-fields", span: { start: lines[first]!.start, end: lines[end]!.end } }, fieldLines };
}

/**
 * Archive metadata blocks: an admonition `!!! summary "元数据"` followed by indented lines, or a callout
 * `> [!summary] 元数据` followed by `>` lines.
 */
function archiveBlocks(lines: Line[], from: number): { region: MetaRegion; fieldLines: string[] }[] {
  const found: { region: MetaRegion; fieldLines: string[] }[] = [];
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.text;
    let j = i + 1;
    if (/^(?:!!!|\?\?\?)\s*\w+/.test(t)) {
      let last = i;
      while (j < lines.length && (isBlank(lines[j]!.text) || /^(?:\s{4}|\t)/.test(lines[j]!.text))) {
        if (!isBlank(lines[j]!.text)) last = j;
        j++;
      }
      found.push({
        region: { kind: "archive-block", span: { start: lines[i]!.start, end: lines[last]!.end } },
        fieldLines: lines.slice(i + 1, last + 1).map((l) => l.text),
      });
      i = last;
    } else if (/^>\s*\[!\w+\]/.test(t)) {
      let last = i;
      while (j < lines.length && /^>/.test(lines[j]!.text)) last = j++;
      found.push({
        region: { kind: "archive-block", span: { start: lines[i]!.start, end: lines[last]!.end } },
        fieldLines: lines.slice(i + 1, last + 1).map((l) => l.text.replace(/^>\s?/, "")),
      });
      i = last;
    }
  }
  return found;
}

/**
 * A list of version dates near the top: a run of date-only lines (blank lines and lone bullets "-"
 * between them allowed), at least `versionListMinDates` long, or any length right after a history label
 * (历史版本, "Version history"), which then belongs to the region.
 */
function versionList(lines: Line[], from: number): { region: MetaRegion; dates: string[] } | null {
  let nonBlank = 0;
  for (let i = from; i < lines.length && nonBlank < INGEST_CONFIG.versionListMaxStartLine; i++) {
    const t = lines[i]!.text;
    if (isBlank(t)) continue;
    nonBlank++;
    const labelled = HISTORY_LABEL.test(t);
    const startAt = labelled ? i + 1 : i;
    const dates: string[] = [];
    let last = -1;
    let j = startAt;
    for (; j < lines.length; j++) {
      const u = lines[j]!.text;
      if (isBlank(u) || /^\s*[-*•·]\s*$/.test(u)) continue;
      if (!isBareDateLine(u)) break;
      dates.push(parseDate(u.normalize("NFKC").replace(/^\s*(?:[-*•·]\s*)?/, ""))!);
      last = j;
    }
    if (dates.length >= (labelled ? 1 : INGEST_CONFIG.versionListMinDates)) {
      return { region: { kind: "version-list", span: { start: lines[i]!.start, end: lines[last]!.end } }, dates };
    }
    if (dates.length > 0) i = last; // a lone date line is not a list; go on after it
  }
  return null;
}

function parseFields(fieldLines: string[], into: Record<string, string>): void {
  for (const raw of fieldLines) {
    const line = raw.trim();
    if (line.startsWith("```") || line === "") continue;
    const m = /^([^:：\s][^:：]{0,40}?)\s*[:：]\s?(.*)$/.exec(line);
    if (!m || /^https?$/i.test(m[1]!)) continue;
    const key = m[1]!.trim();
    const value = m[2]!.trim();
    if (!(key in into) || (into[key] === "" && value !== "")) into[key] = value; // first non-empty wins
  }
}

export interface MetadataScan {
  metadata: DocumentMetadata;
  /** Whole-line metadata regions, in text order: front matter, archive blocks, a version-date list. */
  regions: MetaRegion[];
}

/** Metadata and where its regions are; lib/parse uses `regions` to mark meta blocks. */
export function scanMetadata(text: string): MetadataScan {
  const lines = splitLines(text);
  const fields: Record<string, string> = {};
  const regions: MetaRegion[] = [];

  const fm = frontMatter(lines);
  let bodyLine = 0;
  if (fm) {
    regions.push(fm.region);
    parseFields(fm.fieldLines, fields);
    bodyLine = lines.findIndex((l) => l.start >= fm.region.span.end);
    if (bodyLine < 0) bodyLine = lines.length;
  }
  const header = headerFields(lines, bodyLine);
  if (header) {
    regions.push(header.region);
    parseFields(header.fieldLines, fields);
    bodyLine = lines.findIndex((l) => l.start >= header.region.span.end);
    if (bodyLine < 0) bodyLine = lines.length;
  }
  // Archive blocks sit right after the front matter or at the top; look only in the head.
  const headLines = lines.slice(0, bodyLine + INGEST_CONFIG.versionListMaxStartLine);
  for (const block of archiveBlocks(headLines, bodyLine)) {
    regions.push(block.region);
    parseFields(block.fieldLines, fields);
  }
  const afterBlocks =
    regions.length > 0 ? lines.findIndex((l) => l.start >= Math.max(...regions.map((r) => r.span.end))) : 0;
  const list = versionList(lines, afterBlocks < 0 ? lines.length : afterBlocks);
  if (list) regions.push(list.region);
  regions.sort((a, b) => a.span.start - b.span.start);

  // Body text without the regions, for dates and title.
  let body = "";
  let pos = 0;
  for (const r of regions) {
    body += text.slice(pos, r.span.start);
    pos = r.span.end;
  }
  body += text.slice(pos);

  const head = body.slice(0, INGEST_CONFIG.metadataHeadChars);
  const tail = body.length > INGEST_CONFIG.metadataHeadChars ? body.slice(-INGEST_CONFIG.metadataTailChars) : "";
  const fieldText = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  const normalized: string[] = []; // head, tail, fields after NFKC, each normalised when first needed
  const pick = (kind: "published" | "effective"): string | null => {
    for (const [k, region] of [head, tail, fieldText].entries()) {
      const r = findLabelledDate((normalized[k] ??= region.normalize("NFKC")), kind);
      if (r.found) return r.date;
    }
    return null;
  };

  return {
    metadata: {
      title: findTitle(body, fields),
      publishedAt: pick("published"),
      effectiveAt: pick("effective"),
      listedVersionDates: list?.dates ?? [],
      fields,
    },
    regions,
  };
}

export function extractMetadata(text: string): DocumentMetadata {
  return scanMetadata(text).metadata;
}

// ---------------------------------------------------------------------------------------------
// Title

/** Strip markdown markup around a line: `#`, `**`, `__`, a bullet, a trailing setext-like rule. */
function stripLineMarkup(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s*(\*\*|__)(.*)\1\s*$/, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
    .trim();
}

const NUMBERED_START =
  /^(?:第\s*[一二三四五六七八九十百\d]+\s*[条章节部分]|[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+(?:\\?[.．]\d+)*(?:\\?[.．、)）])|[①-⑳])/;
const TITLE_NOISE = /^(?:正文|摘要|概要|目录|引言|前言|contents|table of contents|summary)$/i;

/**
 * A title without the date an archive appended to it ("学习强国隐私权政策 2020-06-17" -> "学习强国隐私权政策",
 * "政策（2022年4月26日）" -> "政策"): the date is a version's, stated elsewhere, and may not even be
 * its publication date. Empty when the title is only a date.
 */
export function titleWithoutDate(title: string): string {
  return title.replace(new RegExp(`\\s*[（(]?\\s*(?:${DATE_PATTERN})\\s*[)）]?\\s*(?:版)?$`, "i"), "").trim();
}

function findTitle(body: string, fields: Record<string, string>): string | null {
  const fmTitle = fields["title"];
  if (fmTitle) {
    const t = titleWithoutDate(fmTitle);
    if (t) return t;
  }
  for (const raw of body.split(/\r\n|\r|\n/)) {
    if (isBlank(raw) || /^\s*(?:[=-]{3,}|[-*•·])\s*$/.test(raw)) continue;
    if (isDateLine(raw) || isBareDateLine(raw)) continue;
    const t = stripLineMarkup(raw)
      .replace(/^[-—\s]+|[-—\s]+$/g, "")
      .trim();
    if (t === "" || TITLE_NOISE.test(t)) continue;
    if (t.length > INGEST_CONFIG.titleMaxChars || /[。；;，,.!?！？:：]$/.test(t)) return null;
    if (NUMBERED_START.test(t)) return null; // "第一条 …", "一、…", "1. …" open the body: no title line
    return t;
  }
  return null;
}
