import Link from "next/link";
import type { PolicySummary } from "@/lib/data";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import { policyPath } from "@/lib/view/url";

export function PolicyList({ policies, t, locale }: { policies: PolicySummary[]; t: Messages; locale: Locale }) {
  if (policies.length === 0) return <p className="text-stone-600">{t.home.empty}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t.home.policies}>
      {policies.map((p) => (
        <li key={p.slug} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
          <div className="min-w-0">
            <Link href={policyPath(p.slug)} className="font-medium">
              {p.name}
            </Link>
            {p.publisher ? <span className="ml-2 text-sm text-stone-500">{p.publisher}</span> : null}
          </div>
          <div className="shrink-0 text-sm text-stone-600 tabular-nums">
            <span>{format(t.home.versionCount, { count: p.versionCount })}</span>
            <span className="mx-2 text-stone-300">·</span>
            <span>
              {p.latestVersion
                ? format(t.home.latest, {
                    date: p.latestVersion.publishedAt
                      ? formatDate(p.latestVersion.publishedAt, locale)
                      : t.policy.undated,
                  })
                : t.home.noVersions}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
