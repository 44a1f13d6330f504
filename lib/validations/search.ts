/**
 * The search's parameters, one schema for GET /api/search and the /search page:
 *   q       the query (lib/search/query.ts): words and "phrases", 2 to 200 characters
 *   policy  a policy slug (optional)
 *   from/to ISO dates, inclusive (optional; from <= to)
 *   limit   hits per page, 1-50 (default 20)
 *   cursor  the `next` of the previous page (opaque)
 * A query the index cannot answer (empty, one character, too long, an unclosed quote) is an issue on
 * `q` whose `params.problem` names it (and `params.term` the term at fault), so the API answers 422
 * invalid_input and the page explains it.
 */
import { z } from "zod";
import { parseSearchQuery, type QueryProblem, type SearchTerm } from "../search/query.ts";
import { isoDateSchema, slugSchema } from "./common.ts";

export const SEARCH_PAGE_LIMITS = { defaultLimit: 20, maxLimit: 50, maxOffset: 100_000 } as const;

/** The cursor of the page starting at `offset` (opaque to clients: base64url of "o:<offset>"). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const m = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n <= SEARCH_PAGE_LIMITS.maxOffset ? n : null;
}

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const searchParamsSchema = z
  .object({
    q: z.string({ error: 'The query "q" is missing.' }).transform((q, ctx): SearchTerm[] => {
      const parsed = parseSearchQuery(q);
      if (parsed.ok) return parsed.terms;
      ctx.addIssue({
        code: "custom",
        message: parsed.message,
        params: { problem: parsed.problem, ...(parsed.term !== undefined ? { term: parsed.term } : {}) },
      });
      return z.NEVER;
    }),
    policy: z.preprocess(blankToUndefined, slugSchema.optional()),
    from: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    to: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int("The limit is a whole number.")
        .min(1, "The limit is at least 1.")
        .max(SEARCH_PAGE_LIMITS.maxLimit, `The limit is at most ${SEARCH_PAGE_LIMITS.maxLimit}.`)
        .default(SEARCH_PAGE_LIMITS.defaultLimit),
    ),
    cursor: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((c, ctx) => {
          const offset = decodeCursor(c);
          if (offset !== null) return offset;
          ctx.addIssue({ code: "custom", message: "Not a cursor from this search's `next`." });
          return z.NEVER;
        })
        .optional(),
    ),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: '"from" is after "to".', path: ["from"] })
  .transform(({ cursor, q, ...rest }) => ({ ...rest, terms: q, offset: cursor ?? 0 }));

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The raw parameters of a URL's query or a page's searchParams (first value of each). */
export function searchParamsOf(
  search: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const names = ["q", "policy", "from", "to", "limit", "cursor"];
  const get = (name: string): string | undefined => {
    if (search instanceof URLSearchParams) return search.get(name) ?? undefined;
    const v = search[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return Object.fromEntries(names.map((n) => [n, get(n)]));
}

/** The query problem of a failed parse (lib/search/query.ts QueryProblem), if the query was at fault. */
export function queryProblemOf(
  issues: readonly { path: PropertyKey[]; params?: unknown }[],
): { problem: QueryProblem; term: string } | null {
  const issue = issues.find((i) => i.path[0] === "q");
  if (!issue) return null;
  const params = (issue.params ?? {}) as { problem?: QueryProblem; term?: string };
  return { problem: params.problem ?? "empty", term: params.term ?? "" };
}
