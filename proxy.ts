/**
 * Runs before Next handles a request (Next 16's Proxy, formerly Middleware; Node.js runtime, in the
 * server's process). Three jobs (docs/decisions/0014-request-guards.md):
 *
 * 1. A path with a malformed percent-escape (/p/%E4%B8) cannot name anything: pages get the not-found
 *    page (404), the API a JSON 400, instead of Next's 500.
 * 2. A write to a page is a server action: it must come from APP_ORIGIN (Origin header, exactly) and
 *    declare a body within MAX_FORM_BODY_BYTES: else 403 / 411 / 413, instead of Next's 500 (or, with
 *    no Origin or a forged X-Forwarded-Host, running it).
 * 3. Pages get a Content-Security-Policy with a fresh nonce; Next reads it from the request header and
 *    puts it on its own scripts. The static headers (nosniff, Referrer-Policy, X-Frame-Options, the
 *    API's CSP) come from next.config.ts.
 * 4. A link made with a retired version key (docs/decisions/0023-permanent-links-and-first-run.md):
 *    the version was re-dated -> 308 to the same address with its current key; it was deleted -> 410,
 *    a page in the reader's language that says so (JSON for the API). One indexed query, only for
 *    reads of addresses that take a key.
 */
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./lib/config.ts";
import { jsonError } from "./lib/data/api.ts";
import { retiredKeyFates } from "./lib/data/retired-keys.ts";
import { getMessages, format, htmlLang, LOCALE_COOKIE, resolveLocale } from "./lib/i18n/index.ts";
import { NON_PAGE_CSP, newNonce, pageCsp, SECURITY_HEADERS } from "./lib/security/headers.ts";
import { checkPageWrite, hasMalformedEscape, isPageWrite, type Refusal } from "./lib/security/requests.ts";
import { keyedUrl } from "./lib/view/permanent-links.ts";
import { plainPageHtml } from "./lib/view/plain-page.ts";
import { policyPath } from "./lib/view/url.ts";

/** A path no route has: rewriting to it renders app/not-found.tsx with status 404. */
const NOT_FOUND_PATH = "/_not-found-malformed-path";

function refuse(refusal: Refusal): Response {
  const response = jsonError(refusal.status, refusal.code, refusal.message);
  for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", NON_PAGE_CSP);
  return response;
}

/** The answer to a link with a retired key: 308 to the current keys, or 410 for a deleted version;
 * null when the URL names no retired key. */
async function retiredKeyAnswer(request: NextRequest): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const keyed = keyedUrl(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (!keyed) return null;
  const fates = await retiredKeyFates(keyed.addresses);
  if (fates.size === 0) return null;
  const fateOf = (a: { slug: string; key: string }) => fates.get(`${a.slug}@${a.key}`);
  const gone = keyed.addresses.find((a) => fateOf(a)?.kind === "gone");
  if (!gone) {
    const keys = keyed.addresses.map((a) => {
      const fate = fateOf(a);
      return fate?.kind === "moved" ? fate.key : a.key;
    });
    // Next's proxy needs an absolute Location; the request's own origin is the one the reader used.
    return NextResponse.redirect(new URL(keyed.withKeys(keys), request.nextUrl), 308);
  }
  const message = `Version "${gone.key}" of policy "${gone.slug}" was deleted.`;
  if (keyed.api) {
    const response = jsonError(410, "version_gone", message, { slug: gone.slug, version: gone.key });
    response.headers.set("Content-Security-Policy", NON_PAGE_CSP);
    return response;
  }
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const t = getMessages(locale);
  const nonce = newNonce();
  const html = plainPageHtml({
    status: 410,
    lang: htmlLang(locale),
    siteName: t.meta.siteName,
    title: t.errors.goneTitle,
    body: format(t.errors.goneBody, { slug: gone.slug, version: gone.key }),
    links: [
      { href: policyPath(gone.slug), label: t.errors.goneVersions },
      { href: "/", label: t.errors.backHome },
    ],
    nonce,
  });
  const origin = appConfig().appOrigin;
  return new Response(request.method === "HEAD" ? null : html, {
    status: 410,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "Content-Security-Policy": pageCsp({ nonce, dev: appConfig().development, https: origin.startsWith("https:") }),
      ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
    },
  });
}

/** Lets a page render (optionally another path's) with a fresh nonce in its CSP. */
function page(request: NextRequest, rewriteTo?: URL): NextResponse {
  const origin = appConfig().appOrigin;
  const csp = pageCsp({
    nonce: newNonce(),
    dev: appConfig().development,
    https: origin.startsWith("https:"),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = rewriteTo
    ? NextResponse.rewrite(rewriteTo, { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  if (hasMalformedEscape(pathname)) {
    if (api)
      return refuse({ status: 400, code: "invalid_path", message: "The URL path holds a malformed percent-escape." });
    return page(request, new URL(NOT_FOUND_PATH, request.url));
  }
  const retired = await retiredKeyAnswer(request);
  if (retired) return retired;
  if (api) return NextResponse.next();
  if (isPageWrite(request.method)) {
    const refusal = checkPageWrite(request.headers, appConfig().appOrigin);
    if (refusal) return refuse(refusal);
  }
  return page(request);
}

export const config = {
  matcher: [
    {
      // Everything but build assets; router prefetches carry no HTML, so no nonce is needed for them.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
