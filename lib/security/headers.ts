/**
 * Response headers that keep pages from being framed, sniffed or scripted by anyone else
 * (docs/decisions/0014-request-guards.md). Framework-free: next.config.ts sets the static ones on every
 * response, proxy.ts sets a page's Content-Security-Policy with a fresh nonce per request.
 */

/** On every response (pages, the JSON API, static files). */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** For everything that is not a page (JSON, files): nothing in it may load, run or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export interface PageCspOptions {
  nonce: string;
  /** `next dev`: React's dev tools need eval and Next injects styles without a nonce. */
  dev?: boolean;
  /** The site is served over https: ask browsers to load every subresource over https too. */
  https?: boolean;
}

/**
 * A page's policy: only scripts carrying this response's nonce run (Next puts it on its own inline
 * and bundle scripts when it finds it in the request's CSP header), and what they load
 * ('strict-dynamic'); no eval in production; styles from this site or with the nonce; no plugins,
 * no <base>, forms post only here, and no other site may frame the page.
 */
export function pageCsp({ nonce, dev = false, https = false }: PageCspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
