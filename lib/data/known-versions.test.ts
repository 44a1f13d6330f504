import assert from "node:assert/strict";
import { test } from "node:test";
import { knownVersionsView } from "./known-versions.ts";

test("known versions: newest first, each date once, stored ones linked to their version", () => {
  const view = knownVersionsView({
    knownVersionDates: ["2021-01-01", "2023-03-03", "2022-02-02", "2021-01-01"],
    versions: [
      { key: "2022-02-02-2", publishedAt: "2022-02-02" },
      { key: "2022-02-02", publishedAt: "2022-02-02" },
      { key: "undated", publishedAt: null },
      { key: "2021-01-01", publishedAt: "2021-01-01" },
    ],
  });
  assert.deepEqual(view, {
    dates: [
      { date: "2023-03-03", key: null },
      { date: "2022-02-02", key: "2022-02-02" },
      { date: "2021-01-01", key: "2021-01-01" },
    ],
    stored: 2,
    missing: 1,
  });
  assert.equal(knownVersionsView({ knownVersionDates: [], versions: [] }), null);
});
