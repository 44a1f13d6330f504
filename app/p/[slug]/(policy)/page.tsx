import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Facts, SourceLink } from "@/components/Facts";
import { VersionTable } from "@/components/VersionTable";
import { CompareWithOther } from "@/components/CompareWithOther";
import { Notice } from "@/components/Notice";
import { KnownVersions } from "@/components/import/KnownVersions";
import Link from "next/link";
import { Timeline } from "@/components/Timeline";
import { CheckLog } from "@/components/watch/CheckLog";
import { watchOfPolicy } from "@/lib/watch/sources";
import { isAdmin } from "@/lib/auth-session";
import { checkNowAction } from "@/app/_watch/actions";
import { getTimeline, policyFromParams } from "@/lib/data";
import { listCompareChoices } from "@/lib/data/compare";
import { knownVersionsView } from "@/lib/data/known-versions";
import { format, formatDate } from "@/lib/i18n";
import { getI18n } from "@/lib/i18n-server";
import { feedAlternates, feedPath } from "@/lib/feed/paths";
import { policyPath } from "@/lib/view/url";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [policy, { locale, t }] = await Promise.all([params.then(policyFromParams), getI18n()]);
  if (!policy) return {};
  return {
    title: policy.name,
    alternates: feedAlternates(
      [
        { slug: policy.slug, title: format(t.feed.policyTitle, { name: policy.name }) },
        { slug: null, title: t.feed.subscribeAll },
      ],
      locale,
    ),
  };
}

export default async function PolicyPage({ params, searchParams }: Props) {
  const [policy, { locale, t }, search, choices] = await Promise.all([
    params.then(policyFromParams),
    getI18n(),
    searchParams,
    listCompareChoices(),
  ]);
  if (!policy) notFound();
  const latest = policy.versions[0];
  const known = knownVersionsView(policy);
  // From the stored steps (docs/decisions/0019-history.md): no comparison is computed here.
  const timeline = policy.versionCount >= 2 ? await getTimeline(policy.slug) : null;
  const [watched, admin] = await Promise.all([watchOfPolicy(policy.slug), isAdmin()]);
  return (
    <article className="space-y-8">
      <Notice search={search} kinds={["added", "deleted"]} t={t.notices} />
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{policy.name}</h1>
        <Facts
          rows={[
            [t.policy.publisher, policy.publisher],
            [t.policy.source, policy.sourceUrl ? <SourceLink href={policy.sourceUrl} /> : null],
          ]}
        />
        {policy.description ? <p className="text-sm text-stone-600">{policy.description}</p> : null}
        {policy.knownVersionDates.length > 0 ? (
          <p className="text-sm text-stone-500">
            {format(t.policy.knownDates, { count: policy.knownVersionDates.length })}
          </p>
        ) : null}
      </header>
      <section className="space-y-3" aria-labelledby="versions">
        <h2 id="versions" className="text-lg font-semibold">
          {t.policy.versions}
        </h2>
        <p className="text-sm text-stone-500">{format(t.policy.versionsCount, { count: policy.versionCount })}</p>
        <VersionTable policy={policy} t={t} locale={locale} />
        <p className="flex flex-wrap gap-x-6 text-sm">
          <Link href={`${policyPath(policy.slug)}/add`}>+ {t.importer.addVersion}</Link>
          <a href={feedPath(policy.slug, locale)} type="application/atom+xml" data-testid="subscribe">
            {t.feed.subscribe}
          </a>
        </p>
      </section>
      {latest ? (
        <CompareWithOther
          from={{ slug: policy.slug, key: latest.key }}
          fromLabel={format(t.crossCompare.latestVersion, {
            date: latest.publishedAt ? formatDate(latest.publishedAt, locale) : t.policy.undated,
          })}
          choices={choices}
          t={t}
          locale={locale}
        />
      ) : null}
      {timeline ? <Timeline slug={policy.slug} name={policy.name} data={timeline} t={t} locale={locale} /> : null}
      {known ? <KnownVersions slug={policy.slug} view={known} t={t} locale={locale} /> : null}
      {watched.watch || watched.checks.length > 0 ? (
        <CheckLog
          slug={policy.slug}
          watch={watched.watch}
          checks={watched.checks}
          t={t}
          checkNow={admin ? checkNowAction : undefined}
        />
      ) : null}
    </article>
  );
}
