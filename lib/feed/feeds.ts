/**
 * The Atom feeds (docs/decisions/0016-search-and-feeds.md): /p/{slug}/feed.xml for one policy,
 * /feed.xml for every policy. One entry per version; its content summarises what changed from the
 * version before it (the engine's compare of the two, through lib/data/compare.ts and its cache, with
 * the compare view's default options, so the feed and the view share cached models): the counts, then
 * the changed sections with a short excerpt of what was deleted and inserted, linking to the compare
 * view at each section. A policy's first version says how many sections it has.
 *
 * The models are computed, and read, in worker threads (lib/work; docs/decisions/0021-bounded-work.md):
 * the request thread only assembles the entries.
 *
 * Bounded: the newest FEED_LIMITS.entries entries. An entry's `updated` is the later import time of
 * its version and of the version before it, since the entry's content changes when an older version is
 * added in between; entries are ordered by it, newest first. Ids are name-based urn:uuid of the
 * policy slug and the version's content hash: they survive a change of date (and so of version key).
 */
import type { Db } from "../db.ts";
import { getCompareModel, loadVersion } from "../data/compare.ts";
import { compareVersions } from "../data/version-key.ts";
import { toIsoDate } from "../data/rows.ts";
import { format, formatDate, htmlLang, type Locale, type Messages } from "../i18n/index.ts";
import { html, joinHtml } from "../view/safe-html.ts";
import { summaryLine } from "../view/summary-text.ts";
import { comparePath, DEFAULT_IGNORE, policyPath, versionPath } from "../view/url.ts";
import { work, type Work } from "../work/index.ts";
import { nameUuidUrn, type AtomEntry, type AtomFeed } from "./atom.ts";
import { feedPath } from "./paths.ts";

export const FEED_LIMITS = {
  /** Entries per feed. */
  entries: 20,
  /** Changed sections listed in one entry (the rest are counted). */
  sections: 10,
  /** Characters of an excerpt (deleted or inserted text). */
  excerptChars: 80,
} as const;

export interface FeedContext {
  /** The site's origin, e.g. "https://example.org" (links in feeds are absolute). */
  origin: string;
  locale: Locale;
  t: Messages;
  client: Db;
  /** Who asks (the client address), for the admission control of uncached comparisons. */
  requester?: string;
  /** The worker lanes (default: the process's; tests pass their own). */
  lanes?: Work;
}

interface VersionRow {
  id: string;
  key: string;
  publishedAt: string | null;
  importedAt: string;
  contentHash: string;
  /** Sections of the text, stored with it (null for a row from before the count was stored). */
  sectionCount: number | null;
  policy: { slug: string; name: string; updatedAt: string };
}

interface Candidate {
  version: VersionRow;
  previous: VersionRow | null;
  updated: string;
}

const later = (a: string, b: string): string => (a > b ? a : b);

/** Every version of the policies asked for, with the version before each (policy order, lib/data/version-key). */
async function candidates(client: Db, slug: string | null): Promise<Candidate[]> {
  const rows = await client.version.findMany({
    where: slug ? { policy: { slug } } : {},
    select: {
      id: true,
      key: true,
      publishedAt: true,
      importedAt: true,
      contentHash: true,
      sectionCount: true,
      policy: { select: { slug: true, name: true, updatedAt: true } },
    },
  });
  const byPolicy = new Map<string, VersionRow[]>();
  for (const r of rows) {
    const v: VersionRow = {
      id: r.id,
      key: r.key,
      publishedAt: toIsoDate(r.publishedAt),
      importedAt: r.importedAt.toISOString(),
      contentHash: r.contentHash,
      sectionCount: r.sectionCount,
      policy: { slug: r.policy.slug, name: r.policy.name, updatedAt: r.policy.updatedAt.toISOString() },
    };
    byPolicy.set(v.policy.slug, [...(byPolicy.get(v.policy.slug) ?? []), v]);
  }
  const out: Candidate[] = [];
  for (const list of byPolicy.values()) {
    list.sort(compareVersions);
    list.forEach((version, i) => {
      const previous = list[i - 1] ?? null;
      out.push({
        version,
        previous,
        updated: previous ? later(version.importedAt, previous.importedAt) : version.importedAt,
      });
    });
  }
  // Newest first; within one instant (a seed imports many at once), the later version first.
  return out.sort((a, b) =>
    a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : -compareVersions(a.version, b.version),
  );
}

async function entryFor(c: Candidate, ctx: FeedContext): Promise<AtomEntry> {
  const { t, locale, origin } = ctx;
  const v = c.version;
  const slug = v.policy.slug;
  const date = v.publishedAt ? formatDate(v.publishedAt, locale) : v.key;
  const versionUrl = origin + versionPath(slug, v.key);
  const base: Omit<AtomEntry, "links" | "contentHtml"> = {
    id: nameUuidUrn(`entry/${slug}/${v.contentHash}`),
    title: format(t.feed.entryTitle, { name: v.policy.name, date }),
    updated: c.updated,
    ...(v.publishedAt ? { published: `${v.publishedAt}T00:00:00Z` } : {}),
  };
  const to = await loadVersion({ slug, key: v.key }, ctx.client);
  if (!to.ok) throw new Error(`version ${slug}@${v.key} vanished while building the feed`);

  const lanes = ctx.lanes ?? work();
  if (!c.previous) {
    // The stored count (lib/data/measures.ts); a row from before it was stored is counted in a thread.
    const count =
      v.sectionCount ??
      (await lanes.run(lanes.laneFor(to.version.length, "render"), "sectionCount", { text: await to.version.text() }));
    const content = html`<p>${format(t.feed.firstVersion, { count })}</p><p><a href="${versionUrl}">${t.feed.openVersion}</a></p>`;
    return { ...base, links: [{ rel: "alternate", type: "text/html", href: versionUrl }], contentHtml: content };
  }

  const from = await loadVersion({ slug, key: c.previous.key }, ctx.client);
  if (!from.ok) throw new Error(`version ${slug}@${c.previous.key} vanished while building the feed`);
  const model = await getCompareModel(from.version, to.version, DEFAULT_IGNORE, {
    client: ctx.client,
    lanes,
    requester: ctx.requester ?? "feed",
  });
  const view = await lanes.run(lanes.laneFor(model.json.length, "render"), "feedEntry", {
    key: model.key,
    json: model.json,
    sections: FEED_LIMITS.sections,
    excerptChars: FEED_LIMITS.excerptChars,
  });
  const compareUrl = origin + comparePath({ slug, key: c.previous.key }, { slug, key: v.key });
  const listed = view.changed.map((row) => {
    const label = row.label ?? t.compare.preamble;
    const { del, ins } = row;
    return html`<li><strong>${t.compare.status[row.status]}</strong> <a href="${`${compareUrl}#${row.key}`}">${label}</a>${
      del ? html` <del>${del}</del>` : ""
    }${ins ? html` <ins>${ins}</ins>` : ""}</li>`;
  });
  const changed = { length: view.total };
  const content = html`<p>${summaryLine(view.summary, t.compare.summary)}</p><p>${format(t.compare.sectionsChanged, {
    n: view.summary.changedRows,
    total: view.summary.totalRows,
  })}</p>${changed.length ? html`<p>${t.feed.changedSections}</p><ul>${joinHtml(listed)}</ul>` : ""}${
    changed.length > FEED_LIMITS.sections
      ? html`<p>${format(t.feed.moreSections, { count: changed.length - FEED_LIMITS.sections })}</p>`
      : ""
  }<p><a href="${compareUrl}">${t.feed.openCompare}</a></p>`;
  return {
    ...base,
    summary: summaryLine(view.summary, t.compare.summary),
    links: [
      { rel: "alternate", type: "text/html", href: compareUrl },
      { rel: "related", type: "text/html", href: versionUrl },
    ],
    contentHtml: content,
  };
}

/** The feed of one policy (null when there is no such policy), or of every policy (slug null). */
export async function buildFeed(slug: string | null, ctx: FeedContext): Promise<AtomFeed | null> {
  const { t, locale, origin, client } = ctx;
  let policy: { name: string; updatedAt: Date } | null = null;
  if (slug) {
    policy = await client.policy.findUnique({ where: { slug }, select: { name: true, updatedAt: true } });
    if (!policy) return null;
  }
  const chosen = (await candidates(client, slug)).slice(0, FEED_LIMITS.entries);
  const entries: AtomEntry[] = [];
  for (const c of chosen) entries.push(await entryFor(c, ctx));
  const latestChange = slug
    ? policy!.updatedAt.toISOString()
    : ((await client.policy.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString() ??
      "1970-01-01T00:00:00.000Z");
  const updated = entries.reduce((u, e) => later(u, e.updated), latestChange);
  return {
    id: nameUuidUrn(slug ? `feed/${slug}` : "feed"),
    title: slug
      ? format(t.feed.policyTitle, { name: policy!.name })
      : format(t.feed.allTitle, { site: t.meta.siteName }),
    subtitle: t.meta.description,
    updated,
    lang: htmlLang(locale),
    links: [
      { rel: "self", type: "application/atom+xml", href: origin + feedPath(slug, locale) },
      { rel: "alternate", type: "text/html", href: origin + (slug ? policyPath(slug) : "/") },
    ],
    authors: [{ name: t.meta.siteName, uri: origin + "/" }],
    generator: t.meta.siteName,
    entries,
  };
}
