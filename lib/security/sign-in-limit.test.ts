import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { requireAdmin } from "../auth.ts";
import { parseConfig } from "../config.ts";
import { TokenBuckets } from "./rate-limit.ts";
import { clientAddress, recordWrongToken, resetSignInLimits, signInWaitSeconds } from "./sign-in-limit.ts";

const env = parseConfig({ ADMIN_TOKEN: "right-token-0123456789", NODE_ENV: "production" });

beforeEach(() => resetSignInLimits());

test("token buckets refill over time and forget keys beyond their bound", () => {
  const b = new TokenBuckets({ capacity: 2, refillPerSecond: 0.5, maxKeys: 3 });
  const t0 = 1_000_000;
  b.take("a", t0);
  assert.equal(b.waitSeconds("a", t0), 0);
  b.take("a", t0);
  assert.equal(b.waitSeconds("a", t0), 2);
  assert.equal(b.waitSeconds("a", t0 + 1_000), 1);
  assert.equal(b.waitSeconds("a", t0 + 2_000), 0);
  for (const k of ["b", "c", "d", "e"]) b.take(k, t0);
  assert.ok(b.size <= 3);
});

test("the client address is the last X-Forwarded-For entry", () => {
  assert.equal(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" })), "203.0.113.9");
  assert.equal(clientAddress(new Headers({ "x-forwarded-for": "::1" })), "::1");
  assert.equal(clientAddress(new Headers()), "unknown");
});

test("sign-in: five wrong tokens from one address, then a wait; other addresses are not affected", () => {
  const t0 = 2_000_000;
  for (let i = 0; i < 5; i++) {
    assert.equal(signInWaitSeconds("203.0.113.1", t0), 0);
    recordWrongToken("203.0.113.1", t0);
  }
  assert.equal(signInWaitSeconds("203.0.113.1", t0), 60);
  assert.equal(signInWaitSeconds("203.0.113.1", t0 + 60_000), 0);
  assert.equal(signInWaitSeconds("203.0.113.2", t0), 0);
});

test("sign-in: invented addresses run into the overall limit", () => {
  const t0 = 3_000_000;
  for (let i = 0; i < 100; i++) recordWrongToken(`198.51.100.${i}`, t0);
  assert.ok(signInWaitSeconds("192.0.2.1", t0) > 0);
});

test("the API's Bearer check counts wrong tokens and answers 429 with Retry-After while limited", () => {
  const req = (token: string) =>
    new Request("http://x/api/policies", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.50" },
    });
  for (let i = 0; i < 5; i++) assert.equal(requireAdmin(req("wrong-token-000000000"), env)?.status, 401);
  const limited = requireAdmin(req("right-token-0123456789"), env);
  assert.equal(limited?.status, 429, "while limited, not even the right token is checked");
  assert.equal(limited?.headers.get("retry-after"), "60");
  // No header is no guess: 401, not counted.
  assert.equal(
    requireAdmin(new Request("http://x/api", { headers: { "x-forwarded-for": "203.0.113.51" } }), env)?.status,
    401,
  );
  assert.equal(signInWaitSeconds("203.0.113.51"), 0);
  assert.equal(requireAdmin(req("right-token-0123456789").clone(), env)?.status, 429);
  resetSignInLimits();
  assert.equal(requireAdmin(req("right-token-0123456789"), env), null);
});
