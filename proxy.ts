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
 */
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./lib/config.ts";
import { jsonError } from "./lib/data/api.ts";
import { NON_PAGE_CSP, newNonce, pageCsp, SECURITY_HEADERS } from "./lib/security/headers.ts";
import { checkPageWrite, hasMalformedEscape, isPageWrite, type Refusal } from "./lib/security/requests.ts";

/** A path no route has: rewriting to it renders app/not-found.tsx with status 404. */
const NOT_FOUND_PATH = "/_not-found-malformed-path";

function refuse(refusal: Refusal): Response {
  const response = jsonError(refusal.status, refusal.code, refusal.message);
  for (const { key, value } of SECURITY_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", NON_PAGE_CSP);
  return response;
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

export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  if (hasMalformedEscape(pathname)) {
    if (api)
      return refuse({ status: 400, code: "invalid_path", message: "The URL path holds a malformed percent-escape." });
    return page(request, new URL(NOT_FOUND_PATH, request.url));
  }
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
