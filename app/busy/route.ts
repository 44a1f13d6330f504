/**
 * GET /busy?next=/path&retry=N: what a page answers when its computation was refused by admission
 * control (docs/decisions/0021-bounded-work.md). Pages cannot set a 503 themselves, so they redirect
 * here: 503 with Retry-After, a short page in the reader's language that says why, and a refresh to
 * the page asked for after N seconds. `next` must be a path on this site (lib/validations/redirect).
 */
import { cookies } from "next/headers";
import { format, getMessages, htmlLang, LOCALE_COOKIE, resolveLocale } from "@/lib/i18n";
import { localPath } from "@/lib/validations/redirect";
import { plainPageHtml } from "@/lib/view/plain-page";

export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const next = localPath(q.get("next")) ?? "/";
  const retry = Math.min(120, Math.max(1, Math.round(Number(q.get("retry")) || 5)));
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = getMessages(locale);
  // The page's CSP (proxy.ts) allows styles with this request's nonce only.
  const nonce = /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
  const html = plainPageHtml({
    status: 503,
    lang: htmlLang(locale),
    siteName: t.meta.siteName,
    title: t.errors.busyTitle,
    body: format(t.errors.busyBody, { seconds: retry }),
    links: [
      { href: next, label: t.errors.busyRetry },
      { href: "/", label: t.errors.backHome },
    ],
    refreshAfter: retry,
    ...(nonce ? { nonce } : {}),
  });
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retry), "cache-control": "no-store" },
  });
}
