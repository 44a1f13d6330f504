/**
 * Where the Atom feeds are: /feed.xml (every policy) and /p/{slug}/feed.xml (one policy); `?lang=en`
 * for English, nothing for the default language (a feed URL names its language: readers send no cookie).
 */
import type { Locale } from "../i18n/index.ts";
import { policyPath } from "../view/url.ts";

export function feedPath(slug: string | null, locale: Locale): string {
  return (slug ? `${policyPath(slug)}/feed.xml` : "/feed.xml") + (locale === "en" ? "?lang=en" : "");
}

/** Metadata `alternates.types` for the pages' <head>: <link rel="alternate" type="application/atom+xml">. */
export function feedAlternates(feeds: { slug: string | null; title: string }[], locale: Locale) {
  return {
    types: { "application/atom+xml": feeds.map((f) => ({ url: feedPath(f.slug, locale), title: f.title })) },
  };
}
