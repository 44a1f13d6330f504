import assert from "node:assert/strict";
import { test } from "node:test";
import { postedDetectionSchema } from "../validations/version.ts";
import { toDetectionView } from "./view.ts";

const posted = {
  format: "html",
  encoding: "utf-8",
  title: "示例隐私政策",
  publishedAt: "2024-01-02",
  effectiveAt: null,
  publishedFrom: "text",
  listedVersionDates: ["2023-01-01"],
  warnings: [],
  sourceUrl: "https://example.com/privacy",
  duplicateOf: { key: "2024-01-02", url: "javascript:alert(1)" },
};

test("a detection posted back by the form is validated and its duplicate link rebuilt", () => {
  const parsed = postedDetectionSchema.parse(posted);
  const view = toDetectionView({ ...parsed, text: "正文" }, "acme-privacy");
  assert.deepEqual(view.duplicateOf, { key: "2024-01-02", url: "/p/acme-privacy/v/2024-01-02" });
  assert.equal(view.text, "正文");
  // Creating a policy: no policy to link to.
  assert.equal(toDetectionView({ ...parsed, text: "" }, null).duplicateOf, null);
});

test("a tampered detection is refused", () => {
  for (const bad of [
    { ...posted, duplicateOf: { key: "javascript:alert(1)" } },
    { ...posted, sourceUrl: "javascript:alert(1)" },
    { ...posted, publishedAt: "tomorrow" },
    { ...posted, listedVersionDates: "2024-01-01" },
    { ...posted, format: "exe" },
    { ...posted, warnings: [{ code: "unknown_type", declared: "x".repeat(501), format: "text" }] },
    { ...posted, warnings: ["Decoded as GB18030."] },
  ]) {
    assert.equal(postedDetectionSchema.safeParse(bad).success, false, JSON.stringify(bad).slice(0, 120));
  }
});
