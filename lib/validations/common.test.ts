import assert from "node:assert/strict";
import { test } from "node:test";
import { policyParamsSchema, versionParamsSchema } from "../data/params.ts";
import { isHttpUrl, isoDateSchema, slugSchema, versionKeySchema } from "./common.ts";
import { createPolicyBodySchema } from "./policy.ts";

const SLUGS = [
  "zh-douban-privacy",
  "ab",
  "a1",
  "x".repeat(63),
  "acme-",
  "-acme",
  "a--b",
  "a",
  "Acme",
  "a_b",
  "x".repeat(64),
  "../etc",
  "a b",
];

test("slugs: lowercase letters and digits joined by single hyphens, 2-63 characters", () => {
  for (const ok of ["zh-douban-privacy", "ab", "a1", "en-bereal-privacy", "x".repeat(63)])
    assert.ok(slugSchema.safeParse(ok).success, ok);
  for (const bad of ["acme-", "-acme", "a--b", "a", "Acme", "a_b", "x".repeat(64), "../etc", "a b", ""]) {
    assert.ok(!slugSchema.safeParse(bad).success, bad);
  }
});

test("a slug a policy can be created with is exactly a slug it can be opened by", () => {
  for (const slug of SLUGS) {
    const created = createPolicyBodySchema.safeParse({ slug, name: "x", version: { text: "正文" } }).success;
    const opened = policyParamsSchema.safeParse({ slug }).success;
    assert.equal(created, opened, slug);
    assert.equal(versionParamsSchema.safeParse({ slug, version: "2022-06-29" }).success, opened, slug);
  }
});

test("version keys and dates", () => {
  for (const ok of ["2022-06-29", "2022-06-29-2", "2022-06-29-12", "undated", "undated-3"])
    assert.ok(versionKeySchema.safeParse(ok).success, ok);
  for (const bad of ["", "latest", "2022-6-29", "2022-06-29-1", "2022-06-29-0", "../etc", "2022-06-29-x"]) {
    assert.ok(!versionKeySchema.safeParse(bad).success, bad);
  }
  assert.ok(isoDateSchema.safeParse("2024-02-29").success);
  assert.ok(!isoDateSchema.safeParse("2023-02-29").success);
});

test("only http(s) URLs count as web links", () => {
  for (const ok of ["https://example.com/privacy", "http://example.com"]) assert.ok(isHttpUrl(ok), ok);
  for (const bad of [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,x",
    "/p/x",
    "example.com",
    "vbscript:x",
    "",
  ]) {
    assert.ok(!isHttpUrl(bad), bad);
  }
});
