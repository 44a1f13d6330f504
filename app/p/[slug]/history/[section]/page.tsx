/**
 * The history of one section: /p/{slug}/history/{sectionKey}?at={versionKey} (docs/decisions/0019-history.md).
 * Follows the section through every stored version, oldest first, from the stored steps; each change
 * is shown with its word diff (the compare view's own row rendering, lib/view/html.ts, from the models
 * the steps stored in the compare cache, rendered in a worker thread: lib/work) and links to its
 * compare view. A step whose model must be computed again goes through admission control
 * (docs/decisions/0021-bounded-work.md): refused, the page redirects to /busy.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import "@/components/diff/compare.css";
import { getPolicy, getSectionHistory, historyParamsSchema, parseParams, type HistoryEntry } from "@/lib/data";
import { getCompareModel, isCompareTooLarge, loadVersion } from "@/lib/data/compare";
import { format, formatDate } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { reviveHtml, type SafeHtml } from "@/lib/view/safe-html";
import { HtmlBlock } from "@/components/diff/HtmlBlock";
import { compareHref, DEFAULT_IGNORE, DEFAULT_VIEW_OPTIONS, policyPath, versionPath } from "@/lib/view/url";
import { clientAddress, isBusyError, work } from "@/lib/work";
import type { Locale } from "@/lib/i18n";

type Props = {
  params: Promise<{ slug: string; section: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function lookup({ params, searchParams }: Props) {
  const at = (await searchParams).at;
  const p = parseParams(historyParamsSchema, { ...(await params), at: typeof at === "string" ? at : undefined });
  if (!p.ok) return null;
  const [policy, r] = await Promise.all([
    getPolicy(p.data.slug),
    getSectionHistory(p.data.slug, p.data.section, p.data.at),
  ]);
  return policy && r.ok ? { policy, history: r.history, slug: p.data.slug } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await lookup(props);
  const { t } = await getI18n();
  if (!found) return {};
  const s = found.history.section;
  return {
    title: `${format(t.history.heading, { title: [s.number, s.title].filter(Boolean).join(" ") || s.key })} · ${found.policy.name}`,
  };
}

/** The changed rows of one step (its pairs for this section), rendered as the compare view renders them. */
async function stepRows(slug: string, e: HistoryEntry, locale: Locale, requester: string): Promise<SafeHtml | null> {
  if (!e.from || e.status === "unchanged") return null;
  const [a, b] = await Promise.all([loadVersion({ slug, key: e.from }), loadVersion({ slug, key: e.version })]);
  if (!a.ok || !b.ok) return null;
  let model;
  try {
    model = await getCompareModel(a.version, b.version, DEFAULT_IGNORE, { requester });
  } catch (error) {
    if (isCompareTooLarge(error)) return null; // the entry keeps its link to the compare view, which says so
    throw error;
  }
  const lanes = work();
  const rows = await lanes.run(lanes.laneFor(model.json.length, "render"), "sectionRows", {
    key: model.key,
    json: model.json,
    keys: e.pairs,
    locale,
  });
  return rows.markup ? reviveHtml(rows) : null;
}

export default async function SectionHistoryPage(props: Props) {
  const [found, { locale, t }] = await Promise.all([lookup(props), getI18n()]);
  if (!found) notFound();
  const { policy, history, slug } = found;
  const m = t.history;
  const s = history.section;
  const title = [s.number, s.title].filter(Boolean).join(" ") || s.key;
  const percent = (r: number) =>
    new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { style: "percent", maximumFractionDigits: 1 }).format(
      r,
    );
  const date = (e: { publishedAt: string | null; version: string }) =>
    e.publishedAt ? formatDate(e.publishedAt, locale) : e.version;
  const requester = clientAddress(await headers());
  let rows: (SafeHtml | null)[];
  try {
    // One after another: a step whose model is no longer cached is computed again, and one reader
    // may have only a couple of computations under way at once (admission control).
    rows = [];
    for (const e of history.entries) rows.push(await stepRows(slug, e, locale, requester));
  } catch (error) {
    if (isBusyError(error)) {
      const at = history.section.at;
      const here = `${policyPath(slug)}/history/${encodeURIComponent(history.section.key)}?at=${encodeURIComponent(at)}`;
      redirect(`/busy?next=${encodeURIComponent(here)}&retry=${error.retryAfter}`);
    }
    throw error;
  }
  const atEntry = history.entries.find((e) => e.version === s.at);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={policyPath(slug)}>{policy.name}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{format(m.heading, { title })}</h1>
        <p className="text-sm text-stone-600">{format(m.intro, { name: policy.name })}</p>
        <p className="text-sm text-stone-500">{format(m.at, { date: atEntry ? date(atEntry) : s.at })}</p>
      </header>
      <ol className="space-y-4" data-testid="history-entries">
        {history.entries.map((e, i) => {
          const label = [e.number, e.title].filter(Boolean).join(" ");
          const html = rows[i];
          return (
            <li
              key={e.version}
              className="space-y-2 border-l-2 border-stone-200 pl-4"
              data-testid="history-entry"
              data-version={e.version}
              data-status={e.status}
            >
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={versionPath(slug, e.version)} className="font-medium">
                  {date(e)}
                </Link>
                <span className="rounded bg-stone-100 px-1.5 text-xs text-stone-700">{m.status[e.status]}</span>
                {label ? <span className="text-sm">{label}</span> : null}
                {e.status !== "first" && e.status !== "unchanged" ? (
                  <span className="text-xs text-stone-500">
                    {format(m.changed, { ratio: percent(e.changedRatio) })}
                  </span>
                ) : null}
                {e.from ? (
                  <Link
                    className="text-sm"
                    href={compareHref(
                      { slug, key: e.from },
                      { slug, key: e.version },
                      DEFAULT_VIEW_OPTIONS,
                      e.pairs[0],
                    )}
                  >
                    {m.compare}
                  </Link>
                ) : null}
              </div>
              {html ? (
                // The compare view's row rendering (lib/view/html.ts): every text in it is escaped.
                <div className="cmp cmp-embedded">
                  <HtmlBlock as="div" className="cmp-rowlist" html={html} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
