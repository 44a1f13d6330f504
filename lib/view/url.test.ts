import assert from "node:assert/strict";
import { test } from "node:test";
import { compareHref, decodeSafely, formatQuery, parseAddressRange, parseIgnore, parseKeyRange, parseSlug, parseViewOptions, toggleIgnore } from "./url.ts";

test("ranges parse from the path, encoded or not", () => {
  assert.deepEqual(parseKeyRange("2022-06-29...2024-09-25"), ["2022-06-29", "2024-09-25"]);
  assert.deepEqual(parseKeyRange("2022-06-29-2...undated"), ["2022-06-29-2", "undated"]);
  assert.equal(parseKeyRange("2022-06-29"), null);
  assert.equal(parseKeyRange("a...b...c"), null);
  assert.deepEqual(parseAddressRange("migu-a%402022-06-29...migu-b@2021-12-29"), [
    { slug: "migu-a", key: "2022-06-29" },
    { slug: "migu-b", key: "2021-12-29" },
  ]);
  assert.equal(parseAddressRange("migu-a...migu-b@2021"), null);
});

test("options round-trip through one canonical query", () => {
  const o = parseViewOptions(new URLSearchParams("only=changes&ignore=width,whitespace&layout=inline"));
  assert.deepEqual(o, { ignore: ["whitespace", "width"], layout: "inline", changesOnly: true });
  assert.equal(formatQuery(o), "?ignore=whitespace,width&layout=inline&only=changes");
  assert.deepEqual(parseViewOptions({ layout: "bogus" }), { ignore: [], layout: "auto", changesOnly: false });
  assert.equal(formatQuery(toggleIgnore(o, "width")), "?ignore=whitespace&layout=inline&only=changes");
  assert.deepEqual(parseIgnore("numbering,nope"), { ok: false, reason: 'unknown ignore option "nope" (expected whitespace, width, numbering)' });
});

test("same-policy and cross-policy hrefs", () => {
  const o = { ignore: [], layout: "auto", changesOnly: false } as const;
  assert.equal(
    compareHref({ slug: "p", key: "2022-06-29" }, { slug: "p", key: "2024-09-25" }, { ...o, ignore: [] }, "s-1"),
    "/p/p/compare/2022-06-29...2024-09-25#s-1",
  );
  assert.equal(
    compareHref({ slug: "a", key: "2022-06-29" }, { slug: "b", key: "2021-12-29" }, { ...o, ignore: ["numbering"] }),
    "/compare/a@2022-06-29...b@2021-12-29?ignore=numbering",
  );
});

test("malformed percent-escapes never throw: they are kept as they are, and refused where they matter", () => {
  assert.equal(decodeSafely("%"), "%");
  assert.equal(decodeSafely("%E4%B8"), "%E4%B8");
  assert.equal(decodeSafely("s-%E4%B8%80"), "s-一");
  assert.equal(parseSlug("%"), null);
  assert.equal(parseSlug("zh-douban-privacy"), "zh-douban-privacy");
  assert.equal(parseKeyRange("%...2021-01-01"), null);
  assert.equal(parseAddressRange("a@%E4...b@2021"), null);
});
