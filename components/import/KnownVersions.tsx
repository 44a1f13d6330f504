/**
 * Which of the version dates a policy's page lists (its "known versions") are stored, and which are
 * missing: renders the data layer's prepared view model (lib/data/known-versions.ts).
 */
import Link from "next/link";
import type { KnownVersionsView } from "@/lib/data/known-versions";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import { versionPath } from "@/lib/view/url";

export function KnownVersions({
  slug,
  view,
  t,
  locale,
}: {
  slug: string;
  view: KnownVersionsView;
  t: Messages;
  locale: Locale;
}) {
  const m = t.importer;
  return (
    <section className="space-y-2" aria-labelledby="known-versions">
      <h2 id="known-versions" className="text-lg font-semibold">
        {m.knownTitle}
      </h2>
      <p className="text-sm text-stone-600">
        {format(m.knownIntro, { count: view.dates.length, stored: view.stored, missing: view.missing })}
      </p>
      <ul className="flex flex-wrap gap-2 text-xs" data-testid="known-versions">
        {view.dates.map(({ date, key }) => (
          <li
            key={date}
            data-known={date}
            data-stored={key ? "yes" : "no"}
            className={`rounded border px-2 py-1 tabular-nums ${key ? "border-teal-300 bg-teal-50" : "border-dashed border-stone-300 text-stone-500"}`}
          >
            {key ? <Link href={versionPath(slug, key)}>{formatDate(date, locale)}</Link> : formatDate(date, locale)}{" "}
            <span className="sr-only sm:not-sr-only">· {key ? m.knownStored : m.knownMissing}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
