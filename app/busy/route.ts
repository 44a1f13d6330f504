/**
 * GET /busy?next=/path&retry=N: what a page answers when its computation was refused by admission
 * control (docs/decisions/0021-bounded-work.md). Pages cannot set a 503 themselves, so they redirect
 * here: 503 with Retry-After, a short page in the reader's language that says why, and a refresh to
 * the page asked for after N seconds. `next` must be a path on this site (lib/validations/redirect).
 */
import { cookies } from "next/headers";
import { format, getMessages, htmlLang, LOCALE_COOKIE, resolveLocale } from "@/lib/i18n";
import { localPath } from "@/lib/validations/redirect";
import { escapeHtml } from "@/lib/view/html";

export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  const next = localPath(q.get("next")) ?? "/";
  const retry = Math.min(120, Math.max(1, Math.round(Number(q.get("retry")) || 5)));
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const t = getMessages(locale);
  const e = escapeHtml;
  // The page's CSP (proxy.ts) allows styles with this request's nonce only.
  const nonce = /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
  const html = `<!doctype html>
<html lang="${htmlLang(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${retry};url=${e(next)}">
<title>${e(t.errors.busyTitle)} · ${e(t.meta.siteName)}</title>
<style${nonce ? ` nonce="${e(nonce)}"` : ""}>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#292524}p.code{color:#78716c;font-size:.875rem}a{color:#115e59}</style>
</head><body>
<p class="code">503</p>
<h1>${e(t.errors.busyTitle)}</h1>
<p>${e(format(t.errors.busyBody, { seconds: retry }))}</p>
<p><a href="${e(next)}">${e(t.errors.busyRetry)}</a> · <a href="/">${e(t.errors.backHome)}</a></p>
</body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retry), "cache-control": "no-store" },
  });
}
