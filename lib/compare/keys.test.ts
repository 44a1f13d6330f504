import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseDocument } from "../parse/index.ts";
import { allSectionPairs, compareDocuments } from "./index.ts";
import { documentSectionKeys } from "./keys.ts";

const XUEXI = join(import.meta.dirname, "../../data/samples/zh-xuexiqiangguo-privacy");
const read = (f: string) => parseDocument(readFileSync(join(XUEXI, f), "utf8"));

test("a document's section keys are the keys its sections get in a comparison", () => {
  const older = read("2021-09-01.txt");
  const newer = read("2021-12-30_index-latest.txt");
  const keys = documentSectionKeys(newer.sections);
  assert.ok(keys.size > 40);
  assert.equal(new Set(keys.values()).size, keys.size, "unique within a document");
  // Compared with itself: every pair is one section, keyed exactly as the document keys it.
  for (const p of allSectionPairs(compareDocuments(newer, newer))) assert.equal(p.key, keys.get(p.new!.id));
  // Compared with the previous version: a section whose title stayed has the same key on the new side.
  let same = 0;
  for (const p of allSectionPairs(compareDocuments(older, newer))) {
    if (!p.new || (p.old && p.old.title !== p.new.title)) continue;
    if (p.key === keys.get(p.new.id)) same++;
  }
  assert.ok(same >= keys.size - 3, `${same} of ${keys.size}`);
});

test("keys follow titles, not positions", () => {
  const a = parseDocument("隐私政策\n\n一、收集信息\n我们收集您的信息。\n\n二、使用信息\n我们使用您的信息。\n");
  const b = parseDocument("隐私政策\n\n一、使用信息\n我们使用您的信息。\n\n二、收集信息\n我们收集您的信息。\n");
  const ka = documentSectionKeys(a.sections);
  const kb = documentSectionKeys(b.sections);
  assert.equal(ka.get("1"), kb.get("2"));
  assert.equal(ka.get("2"), kb.get("1"));
  assert.match(ka.get("1")!, /^s-[0-9a-z]{7}$/);
});
