/**
 * The compare page, shared by both routes: /p/{slug}/compare/{a}...{b} (one policy) and
 * /compare/{slugA}@{a}...{slugB}@{b} (two policies). Loads both versions, gets the model (cached, or
 * computed in a worker thread under admission control), has one part of the view rendered in a worker
 * thread (lib/insight's annotations included; `?part=N` for long comparisons) and shows it with
 * components/diff. Metadata and page share one load per request (React cache). Refused by admission:
 * redirect to /busy (503, Retry-After); over the budgets: the page says so
 * (docs/decisions/0021-bounded-work.md).
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CompareScreen } from "@/components/diff/CompareScreen";
import { getCompareModel, isCompareTooLarge, loadVersion, type LoadedVersion } from "@/lib/data/compare";
import { getI18n, getLocale } from "@/lib/i18n-server";
import { summaryLine } from "@/lib/view/summary-text";
import type { ViewOptions } from "@/lib/view/types";
import {
  compareHref,
  formatQuery,
  parseViewOptions,
  policyPath,
  versionPath,
  type VersionAddress,
} from "@/lib/view/url";
import { clientAddress, isBusyError, isWorkBudgetError } from "@/lib/work";
import { comparePart } from "@/lib/work/pages";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?part=N` (1-based) -> 0-based; anything else is the first part. */
function partOf(search: Record<string, string | string[] | undefined>): number {
  const raw = search.part;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n - 1 : 0;
}

/** Where a refused page sends the browser: 503 with Retry-After, then back here. */
function busyPath(here: string, retryAfter: number): string {
  return `/busy?next=${encodeURIComponent(here)}&retry=${retryAfter}`;
}

const load = cache(
  async (fromSlug: string, fromKey: string, toSlug: string, toKey: string, query: string, part: number) => {
    const options = parseViewOptions(new URLSearchParams(query));
    const [a, b] = await Promise.all([
      loadVersion({ slug: fromSlug, key: fromKey }),
      loadVersion({ slug: toSlug, key: toKey }),
    ]);
    if (!a.ok || !b.ok) return null;
    const [locale, requestHeaders] = await Promise.all([getLocale(), headers()]);
    try {
      const model = await getCompareModel(a.version, b.version, options.ignore, {
        requester: clientAddress(requestHeaders),
      });
      const page = await comparePart(model, {
        layout: options.layout,
        filter: { changesOnly: options.changesOnly, changes: options.changes ?? "all", topic: options.topic ?? null },
        // Each row links to its section's history when both versions belong to one policy (ADR 0019).
        history:
          a.version.slug === b.version.slug
            ? { base: `${policyPath(a.version.slug)}/history`, oldAt: a.version.key, newAt: b.version.key }
            : null,
        locale,
        part,
        query: formatQuery(options),
      });
      return { from: a.version, to: b.version, options, page, tooLarge: null };
    } catch (error) {
      if (isBusyError(error)) {
        const here = compareHref(a.version, b.version, options);
        redirect(busyPath(part ? `${here}${here.includes("?") ? "&" : "?"}part=${part + 1}` : here, error.retryAfter));
      }
      if (isCompareTooLarge(error))
        return { from: a.version, to: b.version, options, page: null, tooLarge: error.message };
      // The model exists but its page could not be rendered within the render lane's budget.
      if (isWorkBudgetError(error))
        return { from: a.version, to: b.version, options, page: null, tooLarge: error.message };
      throw error;
    }
  },
);

async function loadFor(from: VersionAddress, to: VersionAddress, search: SearchParams) {
  const s = await search;
  const query = formatQuery(parseViewOptions(s)).slice(1);
  const data = await load(from.slug, from.key, to.slug, to.key, query, partOf(s));
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
  const description = data.page ? summaryLine(data.page.summary, t.compare.summary) : t.compare.tooLargeTitle;
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
  const [data, { t }] = await Promise.all([loadFor(from, to, search), getI18n()]);
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
      page={data.page}
      tooLarge={data.tooLarge}
      options={options}
      from={side(data.from)}
      to={side(data.to)}
      m={t.compare}
      mi={t.insight}
    />
  );
}
