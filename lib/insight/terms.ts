/**
 * Key terms of a text (lexicon.ts): device permissions, third-party SDK names, categories of
 * personal information, retention periods, contact details and URLs. A term is keyed by
 * "category:term", so "剪贴板" and "剪切板" are one permission.
 */
import { visibleText } from "../text/markup.ts";
import {
  ARCHIVE_PREFIX,
  DURATION,
  EMAIL,
  PERMISSIONS,
  PERSONAL_INFO,
  PHONE,
  RETENTION_CONTEXT,
  SDK_LEAD,
  SDK_NAME,
  SDK_STOP,
  SDK_TABLE_HEADER,
  URL_PATTERN,
  type LexiconTerm,
  type TermCategory,
} from "./lexicon.ts";
import { foldForMatch } from "./text.ts";

export interface FoundTerm {
  category: TermCategory;
  term: string;
}

export const termKey = (t: FoundTerm): string => `${t.category}:${t.term}`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function lexiconMatcher(list: readonly LexiconTerm[]): Array<{ term: string; re: RegExp }> {
  return list.map((t) => ({
    term: t.term,
    // English forms start at a word boundary and may take a plural; forms ending in CJK take no boundary.
    re: new RegExp(
      t.match
        .map((m) => `${/^[a-z0-9]/.test(m) ? "\\b" : ""}${escape(m)}${/[a-z]$/.test(m) ? "(?:e?s)?\\b" : ""}`)
        .join("|"),
      "i",
    ),
  }));
}
const PERMISSION_MATCHERS = lexiconMatcher(PERMISSIONS);
const PI_MATCHERS = lexiconMatcher(PERSONAL_INFO);

/** SDK names on lines that name SDKs, and the first cells of table rows in a block about SDKs. */
export function sdkNames(text: string): string[] {
  const names: string[] = [];
  const isTable = /sdk/i.test(text);
  for (const line of text.split(/\n/)) {
    if (/sdk/i.test(line)) {
      for (const m of line.matchAll(SDK_NAME)) {
        const name = m[1]!.replace(SDK_LEAD, "").trim();
        if (
          name.length >= 2 &&
          !SDK_STOP.has(name.toLowerCase()) &&
          !/^\d+$/.test(name) &&
          !/(?:第三方|三方|合作方|伙伴)$/.test(name)
        )
          names.push(`${name} SDK`);
      }
      const labelled = /SDK\s*名称\s*[:：]\s*([^\s，,；;。]+)/i.exec(line);
      if (labelled) names.push(labelled[1]!.replace(/SDK$/i, "").trim() + " SDK");
    } else if (isTable && line.includes("|")) {
      const cell = line
        .split("|")
        .map((c) => c.trim())
        .find(Boolean);
      if (cell && cell.length <= 30 && !SDK_TABLE_HEADER.test(cell) && !/^[-:\s]+$/.test(cell))
        names.push(`${cell} SDK`);
    }
  }
  return names;
}

/** Retention periods: durations in sentences about keeping or deleting data. */
export function retentionPeriods(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/[。；;!?！？\n]|\.\s/)) {
    if (!RETENTION_CONTEXT.test(sentence)) continue;
    for (const m of sentence.matchAll(DURATION)) out.push(m[0].replace(/\s+/g, m[3] ? " " : "").toLowerCase());
  }
  return out;
}

/** Every key term of a text, once each. */
export function keyTermsOf(raw: string): FoundTerm[] {
  const text = visibleText(raw);
  const folded = foldForMatch(text);
  const found = new Map<string, FoundTerm>();
  const add = (category: TermCategory, term: string) => {
    const t = { category, term };
    found.set(termKey(t), t);
  };
  for (const { term, re } of PERMISSION_MATCHERS) if (re.test(folded)) add("permission", term);
  for (const n of sdkNames(text)) add("sdk", n);
  for (const { term, re } of PI_MATCHERS) if (re.test(folded)) add("personal-info", term);
  for (const d of retentionPeriods(folded)) add("retention", d);
  // Contacts and URLs from the raw text: markup link targets count too.
  for (const m of raw.matchAll(EMAIL)) add("contact", m[0].toLowerCase());
  for (const m of raw.normalize("NFKC").matchAll(PHONE)) add("contact", m[0].replace(/\s+/g, " "));
  // An archived copy's links point into the archive: the address that counts is the one archived.
  for (const m of raw.matchAll(URL_PATTERN)) add("url", m[0].replace(ARCHIVE_PREFIX, "").replace(/[.,;:]+$/, ""));
  return [...found.values()];
}
