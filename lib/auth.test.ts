import { test } from "node:test";
import assert from "node:assert/strict";
import {
  adminConfig,
  announceAdminToken,
  checkBearer,
  checkSession,
  requireAdmin,
  safeEqual,
  secureCookie,
  sessionValue,
  SESSION_TTL_SECONDS,
  signIn,
} from "./auth.ts";
import { createHmac } from "node:crypto";
import { parseConfig } from "./config.ts";

const TOKEN = "test-admin-token-0123456789";
const prod = parseConfig({ NODE_ENV: "production", ADMIN_TOKEN: TOKEN });

test("a configured token is accepted as a Bearer header, nothing else is", () => {
  assert.deepEqual(checkBearer(`Bearer ${TOKEN}`, prod), { ok: true });
  assert.deepEqual(checkBearer(`bearer ${TOKEN}`, prod), { ok: true });
  for (const header of [null, "", "Bearer", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN.slice(1)}`]) {
    const result = checkBearer(header, prod);
    assert.equal(result.ok, false, String(header));
    if (!result.ok) assert.equal(result.status, 401);
  }
});

test("production without ADMIN_TOKEN refuses writes with a clear 503, whatever is sent", async () => {
  const env = parseConfig({ NODE_ENV: "production" });
  assert.equal(adminConfig(env).state, "disabled");
  const result = checkBearer("Bearer anything", env);
  assert.ok(!result.ok && result.status === 503 && /ADMIN_TOKEN/.test(result.message));
  const response = requireAdmin(new Request("http://x/api", { headers: { authorization: "Bearer x" } }), env);
  assert.equal(response?.status, 503);
  assert.match(JSON.stringify(await response?.json()), /writes_disabled/);
});

test("a too-short ADMIN_TOKEN is never accepted as a weak credential: the configuration refuses it", () => {
  assert.throws(
    () => parseConfig({ NODE_ENV: "production", ADMIN_TOKEN: "short" }),
    /ADMIN_TOKEN: must be at least 16/,
  );
});

test("development without ADMIN_TOKEN generates one token per process and prints it once", () => {
  const env = parseConfig({ NODE_ENV: "development" });
  const a = adminConfig(env);
  const b = adminConfig(env);
  assert.ok(
    a.state === "enabled" && b.state === "enabled" && a.generated && a.token === b.token && a.token.length >= 24,
  );
  const lines: string[] = [];
  announceAdminToken(env, (l) => lines.push(l));
  announceAdminToken(env, (l) => lines.push(l));
  assert.equal(lines.filter((l) => l.includes(a.token)).length, 1);
  assert.deepEqual(checkBearer(`Bearer ${a.token}`, env), { ok: true });
});

test("the web session cookie holds an HMAC of the token, not the token", () => {
  const result = signIn(` ${TOKEN} `, prod);
  assert.ok(result.ok && result.cookie);
  assert.notEqual(result.cookie, TOKEN);
  assert.ok(!result.cookie.includes(TOKEN));
  assert.deepEqual(checkSession(result.cookie, prod), { ok: true });
  assert.equal(checkSession(TOKEN, prod).ok, false);
  assert.equal(checkSession(undefined, prod).ok, false);
  assert.equal(checkSession(sessionValue("another-token-000000000"), prod).ok, false);
  assert.equal(signIn("wrong", prod).ok, false);
});

test("safeEqual compares strings of any length", () => {
  assert.ok(safeEqual("abc", "abc"));
  assert.ok(!safeEqual("abc", "abcd"));
  assert.ok(!safeEqual("", "a"));
});

test("a web session expires after 7 days and cannot be altered or forged", () => {
  const issued = Date.UTC(2026, 0, 1);
  const day = 24 * 60 * 60 * 1000;
  const cookie = sessionValue(TOKEN, issued);
  assert.equal(SESSION_TTL_SECONDS, 7 * 24 * 60 * 60);
  assert.deepEqual(checkSession(cookie, prod, issued + 6 * day), { ok: true });
  assert.equal(checkSession(cookie, prod, issued + 7 * day).ok, false);
  assert.equal(checkSession(cookie, prod, issued - day).ok, false); // issued in the future
  // A longer expiry written into the payload breaks the signature.
  const [, mac] = cookie.split(".");
  const longer = Buffer.from(JSON.stringify({ iat: issued / 1000, exp: issued / 1000 + 3650 * 86400 })).toString(
    "base64url",
  );
  assert.equal(checkSession(`${longer}.${mac}`, prod, issued + day).ok, false);
  // The old fixed cookie (an HMAC with no expiry) is no longer a session.
  const legacy = createHmac("sha256", TOKEN).update("policy-diff admin session v1").digest("base64url");
  assert.equal(checkSession(legacy, prod, issued).ok, false);
  for (const junk of ["", ".", "a.b", `${cookie}.x`, cookie.replace(".", "")])
    assert.equal(checkSession(junk, prod, issued).ok, false, junk);
});

test("the session cookie is Secure over https or with COOKIE_SECURE=1", () => {
  assert.equal(secureCookie(true, parseConfig({})), true);
  assert.equal(secureCookie(false, parseConfig({})), false);
  assert.equal(secureCookie(false, parseConfig({ NODE_ENV: "production", COOKIE_SECURE: "1" })), true);
  assert.equal(secureCookie(false, parseConfig({ NODE_ENV: "production", COOKIE_SECURE: "0" })), false);
});
