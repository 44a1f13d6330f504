/**
 * Compare a version with any version of any policy (docs/decisions/0023-permanent-links-and-first-run.md):
 * a plain GET form to /compare?from=&to=, which redirects to the compare view's canonical path
 * (ADR 0007). On the policy page (for its latest version) and the version page, so a policy with a
 * single version can still be compared. Works without JavaScript.
 */
import type { ComparePolicyChoice } from "@/lib/data/compare";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import type { VersionAddress } from "@/lib/view/url";

export function CompareWithOther({
  from,
  fromLabel,
  choices,
  t,
  locale,
}: {
  /** The left side: the version the page is about. */
  from: VersionAddress;
  /** How the hint names it ("this version", "this policy's latest version (date)"). */
  fromLabel: string;
  /** Every policy with its versions, newest first. */
  choices: readonly ComparePolicyChoice[];
  t: Messages;
  locale: Locale;
}) {
  const m = t.crossCompare;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t.policy.undated);
  // Other policies first: comparing within the policy has the version table for it.
  const ordered = [...choices.filter((p) => p.slug !== from.slug), ...choices.filter((p) => p.slug === from.slug)];
  const options = ordered
    .map((p) => ({ ...p, versions: p.versions.filter((v) => p.slug !== from.slug || v.key !== from.key) }))
    .filter((p) => p.versions.length > 0);
  if (options.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="compare-other" data-testid="compare-other">
      <h2 id="compare-other" className="text-lg font-semibold">
        {m.title}
      </h2>
      <p className="text-sm text-stone-600">{format(m.hint, { what: fromLabel })}</p>
      <form method="get" action="/compare" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="from" value={`${from.slug}@${from.key}`} />
        <label className="flex min-w-0 flex-col gap-1 text-sm">
          <span className="text-stone-600">{m.pick}</span>
          <select name="to" required className="max-w-full rounded-md border border-stone-300 bg-white px-2 py-1.5">
            {options.map((p) => (
              <optgroup key={p.slug} label={p.name}>
                {p.versions.map((v) => (
                  <option key={v.key} value={`${p.slug}@${v.key}`}>
                    {p.name} · {date(v.publishedAt)}
                    {v.label && v.label !== v.publishedAt ? ` · ${v.label}` : ""}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          {m.submit}
        </button>
      </form>
    </section>
  );
}
