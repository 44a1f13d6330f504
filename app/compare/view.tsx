/**
 * The compare page, shared by both routes: /p/{slug}/compare/{a}...{b} (one policy) and
 * /compare/{slugA}@{a}...{slugB}@{b} (two policies). Loads, gets the model (cached), builds the view
 * model and renders components/diff. Metadata and page share one load per request (React cache).
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CompareScreen } from "@/components/diff/CompareScreen";
import { getCompareModel, listCompareChoices, loadVersion, type LoadedVersion } from "@/lib/data/compare";
import type { Locale } from "@/lib/i18n";
import { getI18n, getLocale } from "@/lib/i18n-server";
import { analyzeChanges } from "@/lib/insight";
import { buildCompareView } from "@/lib/view/build";
import { summaryLine } from "@/lib/view/summary-text";
import type { ViewOptions } from "@/lib/view/types";
import { formatQuery, parseViewOptions, versionPath, type VersionAddress } from "@/lib/view/url";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * View models by model object and UI language (models are shared through lib/data/compare's memory;
 * views never change). The language matters for the change digest (lib/insight) only.
 */
const views = new WeakMap<object, Map<Locale, ReturnType<typeof buildCompareView>>>();

const load = cache(async (fromSlug: string, fromKey: string, toSlug: string, toKey: string, query: string) => {
  const locale = await getLocale();
  const options = parseViewOptions(new URLSearchParams(query));
  const [a, b] = await Promise.all([
    loadVersion({ slug: fromSlug, key: fromKey }),
    loadVersion({ slug: toSlug, key: toKey }),
  ]);
  if (!a.ok || !b.ok) return null;
  const result = await getCompareModel(a.version, b.version, options.ignore);
  let byLocale = views.get(result.model);
  if (!byLocale) views.set(result.model, (byLocale = new Map<Locale, ReturnType<typeof buildCompareView>>()));
  let view = byLocale.get(locale);
  if (!view)
    byLocale.set(
      locale,
      (view = buildCompareView({
        model: analyzeChanges(result.model, locale),
        oldTree: result.oldTree,
        newTree: result.newTree,
      })),
    );
  return { from: a.version, to: b.version, view, options };
});

async function loadFor(from: VersionAddress, to: VersionAddress, search: SearchParams) {
  const query = formatQuery(parseViewOptions(await search)).slice(1);
  const data = await load(from.slug, from.key, to.slug, to.key, query);
  if (!data) notFound();
  return data;
}

function sideName(v: LoadedVersion): string {
  return `${v.policyName} ${v.publishedAt ?? v.key}`;
}

export async function compareMetadata(
  from: VersionAddress,
  to: VersionAddress,
  search: SearchParams,
): Promise<Metadata> {
  const data = await loadFor(from, to, search);
  const { t } = await getI18n();
  const title =
    data.from.slug === data.to.slug
      ? `${sideName(data.from)} → ${data.to.publishedAt ?? data.to.key}`
      : `${sideName(data.from)} → ${sideName(data.to)}`;
  const description = summaryLine(data.view.summary, t.compare.summary);
  return {
    title: `${t.compare.pageTitle}: ${title}`,
    description,
    openGraph: { title, description, type: "article", siteName: t.meta.siteName },
    twitter: { card: "summary", title, description },
  };
}

export async function ComparePage({
  from,
  to,
  search,
}: {
  from: VersionAddress;
  to: VersionAddress;
  search: SearchParams;
}) {
  const [data, choices, { t }] = await Promise.all([loadFor(from, to, search), listCompareChoices(), getI18n()]);
  const side = (v: LoadedVersion) => ({
    slug: v.slug,
    key: v.key,
    policyName: v.policyName,
    publishedAt: v.publishedAt,
    label: v.label,
    href: versionPath(v.slug, v.key),
  });
  const options: ViewOptions = data.options;
  return (
    <CompareScreen
      view={data.view}
      options={options}
      from={side(data.from)}
      to={side(data.to)}
      choices={choices}
      summaryLine={summaryLine(data.view.summary, t.compare.summary)}
      m={t.compare}
      mi={t.insight}
    />
  );
}
