/**
 * Search hits, grouped under their policy: the section (linked to the version at that section), the
 * snippet with the matches marked (React text and <mark>, never HTML), and the versions containing
 * the match ("since 2020-09-26; removed in 2021-12-23"), linked to the comparisons where it appeared
 * and where it was removed. Renders prepared hits; fetches nothing.
 */
import Link from "next/link";
import { hitLinks, type SearchHit } from "@/lib/data/search";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import { policyPath } from "@/lib/view/url";

function groupByPolicy(hits: readonly SearchHit[]): { slug: string; name: string; hits: SearchHit[] }[] {
  const out: { slug: string; name: string; hits: SearchHit[] }[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last?.slug === h.policy.slug) last.hits.push(h);
    else out.push({ slug: h.policy.slug, name: h.policy.name, hits: [h] });
  }
  return out;
}

function Span({ hit, t, locale }: { hit: SearchHit; t: Messages; locale: Locale }) {
  const date = (v: { key: string; publishedAt: string | null }) =>
    v.publishedAt ? formatDate(v.publishedAt, locale) : v.key;
  const links = hitLinks(hit);
  const single = hit.firstVersion.key === hit.lastVersion.key;
  const start = single
    ? format(t.search.onlyIn, { date: date(hit.firstVersion) })
    : format(hit.previousVersion ? t.search.since : t.search.sinceFirst, { date: date(hit.firstVersion) });
  return (
    <p className="text-xs text-stone-500" data-testid="hit-span">
      {links.appeared ? (
        <Link href={links.appeared} title={t.search.appeared}>
          {start}
        </Link>
      ) : (
        start
      )}
      {"; "}
      {hit.removedIn && links.removed ? (
        <Link href={links.removed} title={t.search.removed}>
          {format(t.search.removedIn, { date: date(hit.removedIn) })}
        </Link>
      ) : (
        t.search.stillPresent
      )}
      {hit.continuous ? null : (
        <> ({format(t.search.gaps, { count: hit.versionCount, total: hit.policyVersionCount })})</>
      )}
    </p>
  );
}

export function SearchResults({ hits, t, locale }: { hits: readonly SearchHit[]; t: Messages; locale: Locale }) {
  return (
    <div className="space-y-6">
      {groupByPolicy(hits).map((group) => (
        <section key={group.slug} className="space-y-3" aria-label={group.name}>
          <h2 className="text-lg font-semibold">
            <Link href={policyPath(group.slug)}>{group.name}</Link>
          </h2>
          <ol className="space-y-3">
            {group.hits.map((hit) => {
              const label = [hit.section.number, hit.section.title].filter(Boolean).join(" ") || t.search.preamble;
              const version = hit.version.publishedAt ? formatDate(hit.version.publishedAt, locale) : hit.version.key;
              return (
                <li
                  key={hit.section.key}
                  className="space-y-1 rounded-lg border border-stone-200 bg-white px-4 py-3"
                  data-testid="search-hit"
                >
                  <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <Link href={hitLinks(hit).version} className="font-medium" title={t.search.open}>
                      {label}
                    </Link>
                    <span className="text-xs text-stone-500 tabular-nums">{version}</span>
                  </p>
                  <p className="text-sm leading-relaxed text-stone-700">
                    {hit.snippet.map((part, i) =>
                      part.mark ? (
                        <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-stone-900">
                          {part.text}
                        </mark>
                      ) : (
                        part.text
                      ),
                    )}
                  </p>
                  <Span hit={hit} t={t} locale={locale} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
