import assert from "node:assert/strict";
import { test } from "node:test";
import {
  compareHref,
  decodeSafely,
  DEFAULT_VIEW_OPTIONS,
  formatQuery,
  parseAddressRange,
  parseIgnore,
  parseKeyRange,
  parseSlug,
  parseViewOptions,
  toggleIgnore,
} from "./url.ts";

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
  const o = parseViewOptions(new URLSearchParams("only=changes&ignore=numbering,width,whitespace&layout=inline"));
  assert.deepEqual(o, { ignore: ["whitespace", "width", "numbering"], layout: "inline", changesOnly: true });
  assert.equal(formatQuery(o), "?ignore=whitespace,width,numbering&layout=inline&only=changes");
  assert.deepEqual(parseViewOptions({ layout: "bogus" }), {
    ignore: ["whitespace", "width"],
    layout: "auto",
    changesOnly: false,
  });
  assert.equal(formatQuery(toggleIgnore(o, "width")), "?ignore=whitespace,numbering&layout=inline&only=changes");
  assert.deepEqual(parseIgnore("numbering,nope"), {
    ok: false,
    reason: 'unknown ignore option "nope" (expected whitespace, width, numbering or none)',
  });
});

test("ignore defaults to whitespace + width: absent means the default, none means nothing", () => {
  assert.deepEqual(parseViewOptions(new URLSearchParams("")), DEFAULT_VIEW_OPTIONS);
  assert.deepEqual(DEFAULT_VIEW_OPTIONS, { ignore: ["whitespace", "width"], layout: "auto", changesOnly: false });
  assert.deepEqual(parseIgnore(undefined), { ok: true, ignore: ["whitespace", "width"] });
  assert.deepEqual(parseIgnore(null), { ok: true, ignore: ["whitespace", "width"] });
  assert.deepEqual(parseIgnore(""), { ok: true, ignore: ["whitespace", "width"] });
  assert.deepEqual(parseIgnore("none"), { ok: true, ignore: [] });
  assert.deepEqual(parseIgnore("whitespace"), { ok: true, ignore: ["whitespace"] });
  assert.deepEqual(parseIgnore("numbering,width,whitespace"), {
    ok: true,
    ignore: ["whitespace", "width", "numbering"],
  });
  assert.deepEqual(parseIgnore("none,width"), {
    ok: false,
    reason: '"none" cannot be combined with other ignore options',
  });
  // Pages are lenient: a bad value falls back to the default set.
  assert.deepEqual(parseViewOptions({ ignore: "case" }).ignore, ["whitespace", "width"]);

  // Formatting: the default set is omitted, the empty set is written as none, others listed in order.
  assert.equal(formatQuery(DEFAULT_VIEW_OPTIONS), "");
  assert.equal(formatQuery({ ...DEFAULT_VIEW_OPTIONS, ignore: ["width", "whitespace"] }), "");
  assert.equal(formatQuery({ ...DEFAULT_VIEW_OPTIONS, ignore: [] }), "?ignore=none");
  assert.equal(
    formatQuery({ ...DEFAULT_VIEW_OPTIONS, ignore: ["whitespace", "width", "numbering"] }),
    "?ignore=whitespace,width,numbering",
  );

  // The toggles, from the default view: width off, then whitespace off, then numbering on.
  const widthOff = toggleIgnore(DEFAULT_VIEW_OPTIONS, "width");
  assert.equal(formatQuery(widthOff), "?ignore=whitespace");
  const bothOff = toggleIgnore(widthOff, "whitespace");
  assert.equal(formatQuery(bothOff), "?ignore=none");
  assert.equal(formatQuery(toggleIgnore(bothOff, "numbering")), "?ignore=numbering");
  assert.equal(formatQuery(toggleIgnore(DEFAULT_VIEW_OPTIONS, "numbering")), "?ignore=whitespace,width,numbering");

  // Every formatted query parses back to the same options (the URL alone reproduces the view).
  for (const ignore of [
    [],
    ["whitespace"],
    ["width"],
    ["numbering"],
    ["whitespace", "width"],
    ["whitespace", "width", "numbering"],
  ] as const) {
    const o = { ...DEFAULT_VIEW_OPTIONS, ignore: [...ignore] };
    assert.deepEqual(parseViewOptions(new URLSearchParams(formatQuery(o))), o, formatQuery(o));
  }
});

test("same-policy and cross-policy hrefs", () => {
  const o = { ignore: [], layout: "auto", changesOnly: false } as const;
  assert.equal(
    compareHref(
      { slug: "p", key: "2022-06-29" },
      { slug: "p", key: "2024-09-25" },
      { ...o, ignore: ["whitespace", "width"] },
      "s-1",
    ),
    "/p/p/compare/2022-06-29...2024-09-25#s-1",
  );
  assert.equal(
    compareHref({ slug: "p", key: "2022-06-29" }, { slug: "p", key: "2024-09-25" }, { ...o, ignore: [] }, "s-1"),
    "/p/p/compare/2022-06-29...2024-09-25?ignore=none#s-1",
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

test("change kind and topic filters (ADR 0020): changes=substantive and topic round-trip; unknown values fall back", () => {
  const o = parseViewOptions(new URLSearchParams("changes=substantive&topic=sdk"));
  assert.equal(o.changes, "substantive");
  assert.equal(o.topic, "sdk");
  assert.equal(formatQuery(o), "?changes=substantive&topic=sdk");
  const bad = parseViewOptions(new URLSearchParams("changes=cosmetic&topic=weather"));
  assert.equal(bad.changes, undefined);
  assert.equal(bad.topic, undefined);
  assert.equal(formatQuery(bad), "");
});
