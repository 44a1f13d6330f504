/**
 * Search queries: what people type -> terms the index can answer, or a reason it cannot.
 *
 * Syntax: words separated by spaces, and "phrases in double quotes"; a section matches when it
 * contains every term (AND). Matching is by substring of the folded text (./fold.ts): Chinese needs no
 * word segmentation (个人信息 finds 收集个人信息的方式), English is case-insensitive ("share" also finds
 * "shared", and "use" also finds "because"). Terms of three or more characters use the trigram index;
 * terms of exactly two letters or digits (Chinese words such as 隐私, English "id") use the two-character
 * index. Only ASCII double quotes (and the full-width ＂) delimit phrases: the curly “” are ordinary
 * characters, since Chinese policies quote names with them (向“学习强国”反馈).
 */
import { foldForSearch, isWordChar } from "./fold.ts";

export const QUERY_LIMITS = {
  /** Characters (code points) in the whole query. */
  maxChars: 200,
  /** Terms (words and phrases) in one query. */
  maxTerms: 8,
  /** Shortest term, in characters after folding. */
  minTermChars: 2,
} as const;

export interface SearchTerm {
  /** As typed (trimmed), for messages. */
  raw: string;
  /** Folded (./fold.ts): what is matched. */
  folded: string;
  /** Which index answers it. */
  index: "trigram" | "bigram";
}

export type QueryProblem = "empty" | "too_short" | "too_long" | "unbalanced_quotes" | "too_many_terms";

export type ParsedQuery =
  { ok: true; terms: SearchTerm[] } | { ok: false; problem: QueryProblem; message: string; term?: string };

const chars = (s: string): number => [...s].length;

function fail(problem: QueryProblem, message: string, term?: string): ParsedQuery {
  return { ok: false, problem, message, ...(term !== undefined ? { term } : {}) };
}

/** Parses a query (see the module comment). Problems come with an English sentence for the API. */
export function parseSearchQuery(input: string): ParsedQuery {
  const q = input.replace(/＂/g, '"').trim();
  if (!q) return fail("empty", "The query is empty: type at least two characters.");
  if (chars(q) > QUERY_LIMITS.maxChars)
    return fail("too_long", `The query is longer than ${QUERY_LIMITS.maxChars} characters.`);
  if ((q.match(/"/g)?.length ?? 0) % 2 === 1)
    return fail("unbalanced_quotes", 'The query has an opening " without a closing one.');

  const raws: string[] = [];
  q.split('"').forEach((part, i) => {
    if (i % 2 === 1) raws.push(part.trim());
    else raws.push(...part.split(/\s+/u));
  });
  const terms: SearchTerm[] = [];
  for (const raw of raws) {
    if (!raw) continue;
    const folded = foldForSearch(raw).trim();
    const n = chars(folded);
    if (n < QUERY_LIMITS.minTermChars || (n === 2 && ![...folded].every(isWordChar)))
      return fail(
        "too_short",
        n < 2
          ? `"${raw}" is a single character: search for at least two characters.`
          : `"${raw}" is too short: two-character terms must be letters or digits.`,
        raw,
      );
    if (terms.some((t) => t.folded === folded)) continue;
    terms.push({ raw, folded, index: n === 2 ? "bigram" : "trigram" });
  }
  if (!terms.length) return fail("empty", "The query is empty: type at least two characters.");
  if (terms.length > QUERY_LIMITS.maxTerms)
    return fail("too_many_terms", `The query has more than ${QUERY_LIMITS.maxTerms} terms.`);
  return { ok: true, terms };
}

/** An FTS5 string literal: the term in double quotes, its own quotes doubled. */
const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 MATCH expressions for the two indexes (null when no term uses that index). A quoted string is
 * a phrase: for the trigram tokenizer, the term's consecutive trigrams, i.e. the substring.
 */
export function matchExpressions(terms: readonly SearchTerm[]): { trigram: string | null; bigram: string | null } {
  const of = (index: SearchTerm["index"]) => {
    const list = terms.filter((t) => t.index === index).map((t) => ftsString(t.folded));
    return list.length ? list.join(" AND ") : null;
  };
  return { trigram: of("trigram"), bigram: of("bigram") };
}

/** True when a folded text contains every term: the index's answer, checked again in code. */
export function matchesAll(folded: string, terms: readonly SearchTerm[]): boolean {
  return terms.every((t) => folded.includes(t.folded));
}
