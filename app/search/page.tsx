/**
 * /search?q=…&policy=…&from=…&to=…&cursor=…: search over every version (lib/data/search.ts), a
 * shareable link. Hits are grouped by policy; each names its section, shows a snippet with the matches
 * marked, and the versions that contain it, linking to the version at that section and to the
 * comparisons where the text appeared and was removed.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { SearchResults } from "@/components/search/SearchResults";
import { listPolicies, parseParams } from "@/lib/data";
import { searchSections, type SearchResult } from "@/lib/data/search";
import { UnknownPolicyError } from "@/lib/data/writes";
import { format } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { encodeCursor, queryProblemOf, searchParamsOf, searchParamsSchema } from "@/lib/validations/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [raw, { t }] = await Promise.all([searchParams.then(searchParamsOf), getI18n()]);
  const q = raw.q?.trim();
  return { title: q ? format(t.search.titleFor, { q: q.slice(0, 60) }) : t.search.title, robots: { index: false } };
}

type Outcome =
  | { kind: "none" }
  | { kind: "problem"; message: string }
  | { kind: "results"; result: SearchResult; next: string | null };

export default async function SearchPage({ searchParams }: Props) {
  const [raw, { locale, t }, policies] = await Promise.all([
    searchParams.then(searchParamsOf),
    getI18n(),
    listPolicies(),
  ]);
  let outcome: Outcome = { kind: "none" };
  if (raw.q !== undefined) {
    const p = parseParams(searchParamsSchema, raw);
    if (!p.ok) {
      const q = queryProblemOf(p.issues);
      outcome = {
        kind: "problem",
        message: q ? format(t.search.problems[q.problem], { term: q.term }) : t.search.badFilters,
      };
    } else {
      try {
        const result = await searchSections({ ...p.data });
        const next = result.nextOffset === null ? null : pageHref(raw, encodeCursor(result.nextOffset));
        outcome = { kind: "results", result, next };
      } catch (error) {
        if (!(error instanceof UnknownPolicyError)) throw error;
        outcome = { kind: "problem", message: t.search.unknownPolicy };
      }
    }
  }

  const field = "rounded border border-stone-300 px-2 py-1";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t.search.title}</h1>
        <p className="text-stone-600">{t.search.intro}</p>
      </header>
      <form action="/search" method="get" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <div className="flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={raw.q ?? ""}
            maxLength={200}
            aria-label={t.search.query}
            placeholder={t.search.placeholder}
            className={`${field} min-w-0 flex-1`}
          />
          <button type="submit" className="rounded bg-stone-800 px-3 py-1 text-white hover:bg-stone-700">
            {t.search.submit}
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            {t.search.policy}
            <select name="policy" defaultValue={raw.policy ?? ""} className={field}>
              <option value="">{t.search.anyPolicy}</option>
              {policies.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            {t.search.from}
            <input type="date" name="from" defaultValue={raw.from ?? ""} className={field} />
          </label>
          <label className="flex items-center gap-2">
            {t.search.to}
            <input type="date" name="to" defaultValue={raw.to ?? ""} className={field} />
          </label>
        </div>
        <p className="text-xs text-stone-500">{t.search.syntax}</p>
      </form>
      {outcome.kind === "problem" ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {outcome.message}
        </p>
      ) : null}
      {outcome.kind === "results" ? (
        <section className="space-y-4" aria-label={t.search.title}>
          <p className="text-sm text-stone-500" data-testid="search-total">
            {outcome.result.total ? format(t.search.results, { total: outcome.result.total }) : t.search.noResults}
          </p>
          <SearchResults hits={outcome.result.hits} t={t} locale={locale} />
          {outcome.next ? (
            <p>
              <Link href={outcome.next} rel="next">
                {t.search.more} →
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** This search's URL with another cursor. */
function pageHref(raw: Record<string, string | undefined>, cursor: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (v && k !== "cursor") q.set(k, v);
  q.set("cursor", cursor);
  return `/search?${q.toString()}`;
}
