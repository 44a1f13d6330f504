import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { HtmlBlock } from "@/components/diff/HtmlBlock";
import { CompareWithOther } from "@/components/CompareWithOther";
import { Facts, SourceLink } from "@/components/Facts";
import { Notice } from "@/components/Notice";
import { ScrollToHash } from "@/components/ScrollToHash";
import { sectionKeysOf, versionFromParams } from "@/lib/data";
import { listCompareChoices } from "@/lib/data/compare";
import { format, formatDate, type Messages } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { feedAlternates } from "@/lib/feed/paths";
import type { DocumentPage } from "@/lib/view/document";
import { reviveHtml } from "@/lib/view/safe-html";
import { comparePath, policyPath, versionPath } from "@/lib/view/url";
import { clientAddress, isBusyError } from "@/lib/work";
import { documentPart } from "@/lib/work/pages";

type Props = {
  params: Promise<{ slug: string; version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [v, { locale, t }] = await Promise.all([params.then(versionFromParams), getI18n()]);
  if (!v) return {};
  return {
    title: `${v.policy.name} ${v.key}`,
    alternates: feedAlternates(
      [
        { slug: v.policy.slug, title: format(t.feed.policyTitle, { name: v.policy.name }) },
        { slug: null, title: t.feed.subscribeAll },
      ],
      locale,
    ),
  };
}

/** Latin-script text gets lang="en" so the browser hyphenates and breaks it as English. */
function textLang(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  return /[\u4e00-\u9fff]/.test(sample) ? "zh-CN" : "en";
}

/** `?part=N` (1-based) -> 0-based; anything else is the first part. */
function partOf(search: Record<string, string | string[] | undefined>): number {
  const raw = search.part;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n - 1 : 0;
}

/** Where this part sits among the parts of a long text, and the way to the others (no prefetch). */
function Parts({ page, path, t }: { page: DocumentPage; path: string; t: Messages["version"] }) {
  const n = page.parts.length;
  if (n < 2) return null;
  const href = (i: number) => (i > 0 ? `${path}?part=${i + 1}` : path);
  return (
    <nav aria-label={t.parts} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm" data-testid="parts">
      <span>
        {t.partsHint} {format(t.partOf, { i: page.part + 1, n })}
      </span>
      {page.part > 0 ? (
        <Link prefetch={false} href={href(page.part - 1)} rel="prev">
          ← {t.previousPart}
        </Link>
      ) : null}
      {page.part < n - 1 ? (
        <Link prefetch={false} href={href(page.part + 1)} rel="next">
          {t.nextPart} →
        </Link>
      ) : null}
      <ol className="flex flex-wrap gap-x-3">
        {page.parts.map((p, i) => (
          <li key={i}>
            <Link prefetch={false} href={href(i)} title={p.label} aria-current={i === page.part ? "page" : undefined}>
              {i + 1}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default async function VersionPage({ params, searchParams }: Props) {
  const [v, { locale, t }, search, requestHeaders, choices] = await Promise.all([
    params.then(versionFromParams),
    getI18n(),
    searchParams,
    headers(),
    listCompareChoices(),
  ]);
  if (!v) notFound();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t.policy.undated);
  // Each section heading links to its history (docs/decisions/0019-history.md), from the stored steps.
  const historyHrefs = Object.fromEntries(
    [...(await sectionKeysOf(v.policy.slug, v.key))].map(([id, key]) => [
      id,
      `${policyPath(v.policy.slug)}/history/${encodeURIComponent(key)}?at=${encodeURIComponent(v.key)}`,
    ]),
  );
  const path = versionPath(v.policy.slug, v.key);
  const part = partOf(search);
  let page: DocumentPage;
  try {
    // Parsed and rendered in a worker thread, in parts of bounded size (lib/work/pages.ts).
    page = await documentPart(
      { id: `${v.policy.slug}/${v.key}`, contentHash: v.contentHash, text: v.text },
      { locale, part, history: { hrefs: historyHrefs, label: t.history.link, title: t.history.linkLabel } },
      clientAddress(requestHeaders),
    );
  } catch (error) {
    if (isBusyError(error)) {
      const here = part ? `${path}?part=${part + 1}` : path;
      redirect(`/busy?next=${encodeURIComponent(here)}&retry=${error.retryAfter}`);
    }
    throw error;
  }
  return (
    <article className="space-y-6">
      <Notice search={search} kinds={["saved"]} t={t.notices} />
      <nav className="text-sm" aria-label={t.version.policyNav}>
        <Link href={policyPath(v.policy.slug)}>← {v.policy.name}</Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">
          {v.policy.name} <span className="text-stone-500 tabular-nums">{date(v.publishedAt)}</span>
        </h1>
        <Facts
          rows={[
            [t.version.published, date(v.publishedAt)],
            [t.version.effective, v.effectiveAt ? formatDate(v.effectiveAt, locale) : null],
            [t.version.label, v.label],
            [t.version.source, v.sourceUrl ? <SourceLink href={v.sourceUrl} /> : null],
            [
              t.version.format,
              [
                v.originalFormat,
                format(t.version.length, { count: v.length.toLocaleString(locale === "zh" ? "zh-CN" : "en-US") }),
                v.sectionCount === null ? null : format(t.version.sections, { count: v.sectionCount }),
              ]
                .filter(Boolean)
                .join(" · "),
            ],
            [t.version.note, v.note],
          ]}
        />
        <p className="text-sm">
          <Link href={`${versionPath(v.policy.slug, v.key)}/edit`}>{t.importer.manage}</Link>
        </p>
        <nav className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label={t.version.versionNav}>
          {v.previous ? (
            <Link href={versionPath(v.policy.slug, v.previous.key)} rel="prev">
              ← {t.version.previous} ({date(v.previous.publishedAt)})
            </Link>
          ) : null}
          {v.previous ? (
            <Link
              href={comparePath({ slug: v.policy.slug, key: v.previous.key }, { slug: v.policy.slug, key: v.key })}
              data-testid="compare-with-previous"
            >
              {t.compare.compareWithPrevious}
            </Link>
          ) : null}
          {v.next ? (
            <Link href={versionPath(v.policy.slug, v.next.key)} rel="next">
              {t.version.next} ({date(v.next.publishedAt)}) →
            </Link>
          ) : null}
        </nav>
      </header>
      <Parts page={page} path={path} t={t.version} />
      <section aria-label={t.version.text} className="rounded-lg border border-stone-200 bg-white px-5 py-6 sm:px-8">
        {/* lib/view/document.ts, rendered in a worker thread: SafeHtml, every text escaped. */}
        <div className="doc-text max-w-[46rem] text-[15px] sm:text-base" lang={textLang(v.text)}>
          <HtmlBlock as="div" html={reviveHtml(page.html)} />
        </div>
        <ScrollToHash />
      </section>
      <Parts page={page} path={path} t={t.version} />
      <CompareWithOther
        from={{ slug: v.policy.slug, key: v.key }}
        fromLabel={t.crossCompare.thisVersion}
        choices={choices}
        t={t}
        locale={locale}
      />
    </article>
  );
}
