import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentText } from "@/components/DocumentText";
import { Facts, SourceLink } from "@/components/Facts";
import { ScrollToHash } from "@/components/ScrollToHash";
import { sectionKeysOf, versionFromParams } from "@/lib/data";
import { format, formatDate } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { feedAlternates } from "@/lib/feed/paths";
import { parseDocument } from "@/lib/parse";
import { comparePath, policyPath, versionPath } from "@/lib/view/url";

type Props = { params: Promise<{ slug: string; version: string }> };

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

export default async function VersionPage({ params }: Props) {
  const [v, { locale, t }] = await Promise.all([params.then(versionFromParams), getI18n()]);
  if (!v) notFound();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t.policy.undated);
  // Each section heading links to its history (docs/decisions/0019-history.md), from the stored steps.
  const historyHrefs = new Map(
    [...(await sectionKeysOf(v.policy.slug, v.key))].map(([id, key]) => [
      id,
      `${policyPath(v.policy.slug)}/history/${encodeURIComponent(key)}?at=${encodeURIComponent(v.key)}`,
    ]),
  );
  return (
    <article className="space-y-6">
      <nav className="text-sm">
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
        <nav className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
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
      <section aria-label={t.version.text} className="rounded-lg border border-stone-200 bg-white px-5 py-6 sm:px-8">
        <DocumentText
          tree={parseDocument(v.text)}
          lang={textLang(v.text)}
          metadataLabel={t.version.metadata}
          history={{ hrefs: historyHrefs, label: t.history.link, title: t.history.linkLabel }}
        />
        <ScrollToHash />
      </section>
    </article>
  );
}
