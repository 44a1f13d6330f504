import assert from "node:assert/strict";
import { test } from "node:test";
import { dateFromFileName } from "./source.ts";

test("a date written in a file name: ISO, underscores, dots, compact, in a folder", () => {
  assert.equal(dateFromFileName("2022-02-11.txt"), "2022-02-11");
  assert.equal(dateFromFileName("privacy_2022_2_11.html"), "2022-02-11");
  assert.equal(dateFromFileName("policy.2022.2.11.md"), "2022-02-11");
  assert.equal(dateFromFileName("20220211-privacy.docx"), "2022-02-11");
  assert.equal(dateFromFileName("C:\\archive\\2021-12-30_index-latest.txt"), "2021-12-30");
  assert.equal(dateFromFileName("2019-01-01/privacy.txt"), null, "only the file's own name counts");
});

test("no date, or not a real one: null", () => {
  assert.equal(dateFromFileName("000_ebd95ca57e37e1f5.txt"), null);
  assert.equal(dateFromFileName("privacy-2022-13-40.txt"), null);
  assert.equal(dateFromFileName("v12345678.txt"), null);
});
