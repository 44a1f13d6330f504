/**
 * The feeds' HTTP side, shared by app/feed.xml and app/p/[slug]/feed.xml: the language comes from the
 * URL (`?lang=en`; Chinese otherwise), not from a cookie, since feed readers send none and a feed URL
 * should always say the same thing; links are absolute, on the request's origin.
 */
import { db } from "../db.ts";
import { jsonError } from "../data/api.ts";
import { DEFAULT_LOCALE, getMessages, isLocale } from "../i18n/index.ts";
import { ATOM_CONTENT_TYPE, renderAtom } from "./atom.ts";
import { buildFeed } from "./feeds.ts";

export async function feedResponse(request: Request, slug: string | null): Promise<Response> {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const feed = await buildFeed(slug, { origin: url.origin, locale, t: getMessages(locale), client: db() });
  if (!feed) return jsonError(404, "policy_not_found", `No policy with slug "${slug}".`);
  return new Response(renderAtom(feed), {
    headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=300" },
  });
}
