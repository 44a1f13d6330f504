import assert from "node:assert/strict";
import { test } from "node:test";
import { table } from "./report.ts";

test("tables pad text columns left and figures right, with a rule under the header", () => {
  assert.equal(
    table(
      ["series", "pair", "F1"],
      [
        ["a", "x → y", "1.000"],
        ["longer", "p", "-"],
      ],
      2,
    ),
    ["series  pair      F1", "------  -----  -----", "a       x → y  1.000", "longer  p          -"].join("\n"),
  );
});
