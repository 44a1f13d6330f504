import assert from "node:assert/strict";
import { test } from "node:test";
import { compareVersions, newestFirst, nextVersionKey } from "./version-key.ts";

test("the key is the published date, with -2, -3 for later versions of the same date", () => {
  assert.equal(nextVersionKey([], "2022-06-29"), "2022-06-29");
  assert.equal(nextVersionKey(["2022-06-29"], "2022-06-29"), "2022-06-29-2");
  assert.equal(nextVersionKey(["2022-06-29", "2022-06-29-2"], "2022-06-29"), "2022-06-29-3");
  assert.equal(nextVersionKey(["2022-06-29"], "2022-07-01"), "2022-07-01");
});

test("a version without a date is 'undated'", () => {
  assert.equal(nextVersionKey([], null), "undated");
  assert.equal(nextVersionKey(["undated"], null), "undated-2");
});

test("versions sort by published date (undated first), then import time", () => {
  const v = (key: string, publishedAt: string | null, importedAt: string) => ({ key, publishedAt, importedAt });
  const list = [
    v("2021-01-01-2", "2021-01-01", "2024-01-02T00:00:00.000Z"),
    v("2022-01-01", "2022-01-01", "2024-01-01T00:00:00.000Z"),
    v("undated", null, "2024-01-05T00:00:00.000Z"),
    v("2021-01-01", "2021-01-01", "2024-01-01T00:00:00.000Z"),
  ];
  assert.deepEqual(
    list.sort(compareVersions).map((x) => x.key),
    ["undated", "2021-01-01", "2021-01-01-2", "2022-01-01"],
  );
  assert.deepEqual(
    newestFirst(list).map((x) => x.key),
    ["2022-01-01", "2021-01-01-2", "2021-01-01", "undated"],
  );
});
