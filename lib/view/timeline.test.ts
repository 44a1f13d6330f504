import assert from "node:assert/strict";
import { test } from "node:test";
import { timelineChart } from "./timeline.ts";

test("versions on a time axis, one bar per step, missing dates as gaps", () => {
  const chart = timelineChart({
    versions: [
      { key: "2020-01-01", publishedAt: "2020-01-01", fromPrevious: null },
      { key: "2021-01-01", publishedAt: "2021-01-01", fromPrevious: { changedRatio: 0.2 } },
      { key: "2021-01-02", publishedAt: "2021-01-02", fromPrevious: { changedRatio: 0.05 } },
    ],
    missing: ["2020-07-01"],
  });
  assert.equal(chart.points.length, 3);
  assert.equal(chart.bars.length, 2);
  assert.deepEqual(
    chart.bars.map((b) => `${b.from}>${b.to}`),
    ["2020-01-01>2021-01-01", "2021-01-01>2021-01-02"],
  );
  // Taller bar for the larger change; close versions pushed apart to stay clickable.
  assert.ok(chart.bars[0]!.height > chart.bars[1]!.height);
  assert.ok(chart.points[2]!.x - chart.points[1]!.x >= 13.9);
  assert.ok(chart.points.every((p) => p.x <= chart.right + 1e-9));
  assert.ok(chart.gaps[0]!.x > chart.points[0]!.x && chart.gaps[0]!.x < chart.points[1]!.x);
  assert.deepEqual(
    chart.ticks.map((t) => t.year),
    [2021],
  );
});
