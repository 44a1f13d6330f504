/**
 * Which of the version dates a policy's page lists (its "known versions") are stored, and which are
 * missing. Renders nothing when the page lists none.
 */
import Link from "next/link";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";

export function KnownVersions({
  slug,
  knownVersionDates,
  versions,
  t,
  locale,
}: {
  slug: string;
  knownVersionDates: string[];
  versions: { key: string; publishedAt: string | null }[];
  t: Messages;
  locale: Locale;
}) {
  if (knownVersionDates.length === 0) return null;
  const storedByDate = new Map<string, string>();
  for (const v of versions) if (v.publishedAt && !storedByDate.has(v.publishedAt)) storedByDate.set(v.publishedAt, v.key);
  const dates = [...new Set(knownVersionDates)].sort().reverse();
  const stored = dates.filter((d) => storedByDate.has(d)).length;
  const m = t.importer;
  return (
    <section className="space-y-2" aria-labelledby="known-versions">
      <h2 id="known-versions" className="text-lg font-semibold">
        {m.knownTitle}
      </h2>
      <p className="text-sm text-stone-600">
        {format(m.knownIntro, { count: dates.length, stored, missing: dates.length - stored })}
      </p>
      <ul className="flex flex-wrap gap-2 text-xs" data-testid="known-versions">
        {dates.map((d) => {
          const key = storedByDate.get(d);
          return (
            <li
              key={d}
              data-known={d}
              data-stored={key ? "yes" : "no"}
              className={`rounded border px-2 py-1 tabular-nums ${key ? "border-teal-300 bg-teal-50" : "border-dashed border-stone-300 text-stone-500"}`}
            >
              {key ? <Link href={`/p/${slug}/v/${key}`}>{formatDate(d, locale)}</Link> : formatDate(d, locale)}{" "}
              <span className="sr-only sm:not-sr-only">· {key ? m.knownStored : m.knownMissing}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
