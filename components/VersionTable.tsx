import Link from "next/link";
import type { PolicyDetail } from "@/lib/data";
import { formatDate, type Locale, type Messages } from "@/lib/i18n";
import { comparePath, policyPath, versionPath } from "@/lib/view/url";

function PickCell({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  return (
    <td className="py-2 pr-2">
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={checked}
        aria-label={`${label} ${value}`}
        className="accent-teal-700"
      />
    </td>
  );
}

/**
 * The versions of a policy, newest first, with a plain GET form to pick two of them to compare
 * (/p/{slug}/compare?from=&to= redirects to /p/{slug}/compare/{from}...{to}). Works without JavaScript.
 */
export function VersionTable({ policy, t, locale }: { policy: PolicyDetail; t: Messages; locale: Locale }) {
  const versions = policy.versions;
  const canCompare = versions.length >= 2;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t.policy.undated);
  const table = (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-stone-200 text-left text-stone-500">
          {canCompare ? (
            <>
              <th className="w-14 py-2 pr-2 font-normal">{t.policy.from}</th>
              <th className="w-14 py-2 pr-2 font-normal">{t.policy.to}</th>
            </>
          ) : null}
          <th className="py-2 pr-3 font-normal">{t.policy.published}</th>
          <th className="py-2 pr-3 font-normal">{t.policy.effective}</th>
          <th className="py-2 font-normal">
            <span className="sr-only">{t.policy.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v, i) => {
          const older = versions[i + 1];
          return (
            <tr key={v.key} className="border-b border-stone-100 last:border-0" data-version={v.key}>
              {canCompare ? (
                <>
                  <PickCell name="from" value={v.key} label={t.policy.from} checked={i === 1} />
                  <PickCell name="to" value={v.key} label={t.policy.to} checked={i === 0} />
                </>
              ) : null}
              <td className="py-2 pr-3 tabular-nums">
                <Link href={versionPath(policy.slug, v.key)}>{date(v.publishedAt)}</Link>
                {v.label && v.label !== v.publishedAt ? <div className="text-xs text-stone-500">{v.label}</div> : null}
              </td>
              <td className="py-2 pr-3 tabular-nums text-stone-600">
                {v.effectiveAt ? formatDate(v.effectiveAt, locale) : "—"}
              </td>
              <td className="py-2 text-right whitespace-nowrap">
                {older ? (
                  <Link
                    href={comparePath({ slug: policy.slug, key: older.key }, { slug: policy.slug, key: v.key })}
                    className="text-xs"
                  >
                    {t.policy.compareWithPrevious}
                  </Link>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  if (!canCompare) {
    return (
      <div className="space-y-3">
        {table}
        <p className="text-sm text-stone-500">{t.policy.needTwo}</p>
      </div>
    );
  }
  return (
    <form method="get" action={`${policyPath(policy.slug)}/compare`} className="space-y-3">
      <p className="text-sm text-stone-600">{t.policy.compareHint}</p>
      {table}
      <button
        type="submit"
        className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
      >
        {t.policy.compare}
      </button>
    </form>
  );
}
