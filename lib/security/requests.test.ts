import assert from "node:assert/strict";
import { test } from "node:test";
import { NON_PAGE_CSP, pageCsp } from "./headers.ts";
import { checkPageWrite, hasMalformedEscape, isPageWrite } from "./requests.ts";

const ORIGIN = "http://localhost:3000";

test("malformed percent-escapes are told from well-formed ones", () => {
  for (const bad of ["/p/%E4%B8", "/p/%ZZ", "/p/x/v/%", "/%C0%AF"]) assert.equal(hasMalformedEscape(bad), true, bad);
  for (const good of ["/p/zh-douban-privacy", "/p/%E4%B8%AD", "/compare/a@2022-01-01...b@undated", "/%2F"])
    assert.equal(hasMalformedEscape(good), false, good);
});

test("a page write (server action) needs the app's origin and a declared body within the limit", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  assert.equal(isPageWrite("GET"), false);
  assert.equal(isPageWrite("HEAD"), false);
  assert.equal(isPageWrite("POST"), true);
  assert.equal(checkPageWrite(h({ origin: ORIGIN, "content-length": "100" }), ORIGIN, 1000), null);
  assert.equal(checkPageWrite(h({ origin: "https://evil.example", "content-length": "1" }), ORIGIN)?.status, 403);
  assert.equal(checkPageWrite(h({ "content-length": "1" }), ORIGIN)?.status, 403, "no Origin");
  assert.equal(checkPageWrite(h({ origin: "null", "content-length": "1" }), ORIGIN)?.status, 403);
  // Host and X-Forwarded-Host play no part.
  const forged = h({ origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "evil.example" });
  assert.equal(checkPageWrite(forged, ORIGIN)?.code, "forbidden_origin");
  assert.equal(checkPageWrite(h({ origin: ORIGIN }), ORIGIN)?.status, 411);
  assert.equal(checkPageWrite(h({ origin: ORIGIN, "content-length": "1001" }), ORIGIN, 1000)?.status, 413);
});

test("page CSP: nonce-only scripts, no eval in production, no framing; https adds upgrade-insecure-requests", () => {
  const csp = pageCsp({ nonce: "abc" });
  assert.match(csp, /script-src 'self' 'nonce-abc' 'strict-dynamic';/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /upgrade-insecure-requests/);
  assert.match(pageCsp({ nonce: "abc", https: true }), /upgrade-insecure-requests/);
  assert.match(pageCsp({ nonce: "abc", dev: true }), /'unsafe-eval'/);
  assert.match(NON_PAGE_CSP, /default-src 'none'.*frame-ancestors 'none'/);
});
