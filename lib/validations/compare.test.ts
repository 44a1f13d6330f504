import assert from "node:assert/strict";
import { test } from "node:test";
import { compareQuerySchema } from "./compare.ts";

const from = "zh-migu-bookstore-privacy@2022-06-29";
const to = "zh-migu-kuaiyou-privacy@2021-12-29";

test("two addresses and the ignore list; absent ignore is the view's default", () => {
  assert.deepEqual(compareQuerySchema.parse({ from, to, ignore: null }), {
    from: { slug: "zh-migu-bookstore-privacy", key: "2022-06-29" },
    to: { slug: "zh-migu-kuaiyou-privacy", key: "2021-12-29" },
    ignore: ["whitespace", "width"],
  });
  assert.deepEqual(compareQuerySchema.parse({ from, to, ignore: "numbering,whitespace" }).ignore, [
    "whitespace",
    "numbering",
  ]);
  assert.deepEqual(compareQuerySchema.parse({ from, to, ignore: "none" }).ignore, []);
});

test("each malformed value is one issue at its parameter", () => {
  const r = compareQuerySchema.safeParse({ from: "nope", to: "x@%E4%B8", ignore: "case" });
  assert.ok(!r.success);
  assert.deepEqual(
    r.error.issues.map((i) => i.path),
    [["from"], ["to"], ["ignore"]],
  );
  assert.match(r.error.issues[2]!.message, /"case"/);
  assert.ok(!compareQuerySchema.safeParse({ from, to, ignore: "none,width" }).success);
});
