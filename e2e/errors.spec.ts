import type { PolicyDetail, PolicySummary, VersionDetail } from "../lib/data/types.ts";
import { expect, jsonOf, samples, test, type ApiError } from "./fixtures";

test("an unknown policy gives the not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/p/no-such-policy");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到页面");
  await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();
});

test("an unknown version gives 404 too", async ({ page }) => {
  const response = await page.goto(`/p/${samples.douban.slug}/v/1999-01-01`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到页面");
});

test("the JSON API: lists, details, 404 and 422 with a reason", async ({ request }) => {
  const list = await request.get("/api/policies");
  expect(list.status()).toBe(200);
  const { policies } = await jsonOf<{ policies: PolicySummary[] }>(list);
  expect(policies.map((p) => p.slug)).toEqual(expect.arrayContaining([...samples.slugs]));

  const one = await request.get(`/api/policies/${samples.xuexi.slug}`);
  const { policy } = await jsonOf<{ policy: PolicyDetail }>(one);
  expect(policy.versions.map((v) => v.key)).toEqual([...samples.xuexi.versionKeys]);

  const version = await request.get(`/api/policies/${samples.douban.slug}/versions/${samples.douban.newest}`);
  expect((await jsonOf<{ version: VersionDetail }>(version)).version.text).toContain(samples.douban.newestTextSnippet);

  const missing = await request.get("/api/policies/no-such-policy");
  expect(missing.status()).toBe(404);
  expect((await jsonOf<ApiError>(missing)).error.code).toBe("policy_not_found");

  const noVersion = await request.get(`/api/policies/${samples.douban.slug}/versions/1999-01-01`);
  expect(noVersion.status()).toBe(404);
  expect((await jsonOf<ApiError>(noVersion)).error.code).toBe("version_not_found");

  const malformed = await request.get(`/api/policies/${samples.douban.slug}/versions/latest`);
  expect(malformed.status()).toBe(422);
  const body = await jsonOf<ApiError>(malformed);
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.issues?.[0]?.path).toEqual(["version"]);
});
