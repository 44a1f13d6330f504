/**
 * The feeds' HTTP side, shared by app/feed.xml and app/p/[slug]/feed.xml: the language comes from the
 * URL (`?lang=en`; Chinese otherwise), not from a cookie, since feed readers send none and a feed URL
 * should always say the same thing. Links are absolute, on APP_ORIGIN when it is set (so a forged Host
 * header cannot put another site's links into a feed that caches keep), else on the request's origin.
 */
import { config } from "../config.ts";
import { db } from "../db.ts";
import { jsonError } from "../data/api.ts";
import { DEFAULT_LOCALE, getMessages, isLocale } from "../i18n/index.ts";
import { ATOM_CONTENT_TYPE, renderAtom } from "./atom.ts";
import { clientAddress } from "../work/index.ts";
import { refusedComparisonResponse } from "../data/compare.ts";
import { buildFeed } from "./feeds.ts";

export async function feedResponse(request: Request, slug: string | null): Promise<Response> {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const { appOrigin, appOriginSet } = config();
  const origin = appOriginSet ? appOrigin : url.origin;
  let feed;
  try {
    feed = await buildFeed(slug, {
      origin,
      locale,
      t: getMessages(locale),
      client: db(),
      requester: clientAddress(request.headers),
    });
  } catch (error) {
    // Entries compare versions (in worker threads, under admission control): a feed whose
    // comparisons are not computed yet may have to wait its turn like any other request.
    const refused = refusedComparisonResponse(error);
    if (refused) return refused;
    throw error;
  }
  if (!feed) return jsonError(404, "policy_not_found", `No policy with slug "${slug}".`);
  return new Response(renderAtom(feed), {
    headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=300" },
  });
}
