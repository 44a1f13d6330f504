/**
 * A short page in the reader's language for answers no React page can give (a page cannot set its
 * own status): 503 busy (app/busy/route.ts) and 410 gone (proxy.ts, ADR 0023). Framework-free; every
 * text escaped.
 */
import { escapeHtml as e } from "./safe-html.ts";

export interface PlainPage {
  status: number;
  lang: string;
  siteName: string;
  title: string;
  body: string;
  links: ReadonlyArray<{ href: string; label: string }>;
  /** Seconds after which the browser loads the first link. */
  refreshAfter?: number;
  /** The request's CSP nonce (proxy.ts): the page's one style element needs it. */
  nonce?: string;
}

export function plainPageHtml(p: PlainPage): string {
  const refresh =
    p.refreshAfter !== undefined && p.links[0]
      ? `\n<meta http-equiv="refresh" content="${p.refreshAfter};url=${e(p.links[0].href)}">`
      : "";
  return `<!doctype html>
<html lang="${e(p.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${refresh}
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<title>${e(p.title)} · ${e(p.siteName)}</title>
<style${p.nonce ? ` nonce="${e(p.nonce)}"` : ""}>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#292524}p.code{color:#78716c;font-size:.875rem}a{color:#115e59}</style>
</head><body>
<main>
<p class="code">${p.status}</p>
<h1>${e(p.title)}</h1>
<p>${e(p.body)}</p>
<p>${p.links.map((l) => `<a href="${e(l.href)}">${e(l.label)}</a>`).join(" · ")}</p>
</main>
</body></html>`;
}
