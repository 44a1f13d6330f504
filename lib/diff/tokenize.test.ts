import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createTokenCache, prepareTokens, tokenize } from "./tokenize.ts";

const SAMPLES = join(import.meta.dirname, "../../data/samples");

function sampleTexts(dir = SAMPLES): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sampleTexts(p);
    return f.endsWith(".txt") ? [readFileSync(p, "utf8")] : [];
  });
}

/** Token end offsets of one line segmented whole, whitespace runs merged (as tokenize merges them). */
const seg = new Intl.Segmenter("zh", { granularity: "word" });
function lineTokenEnds(line: string): number[] {
  const ends: number[] = [];
  let lastSpace = false;
  for (const s of seg.segment(line)) {
    const space = /^\s+$/.test(s.segment);
    if (space && lastSpace) ends[ends.length - 1] = s.index + s.segment.length;
    else ends.push(s.index + s.segment.length);
    lastSpace = space;
  }
  return ends;
}

test("segmenting clause by clause gives the words of segmenting line by line (every sample line)", () => {
  let lines = 0;
  for (const text of sampleTexts()) {
    for (const line of text.split("\n")) {
      if (!/\S/.test(line)) continue;
      const cache = createTokenCache();
      const prepared = prepareTokens(line, cache);
      if (prepared.number) continue; // a leading number is one token by design
      lines++;
      assert.deepEqual(tokenize(prepared, cache).ends, lineTokenEnds(line), line);
    }
  }
  assert.ok(lines > 2000, `${lines} lines`);
});

test("a clause unchanged on the other side is one token; changed ones are words", () => {
  const cache = createTokenCache();
  const p = prepareTokens("我们会收集您的信息，用于注册账号。", cache);
  const atomic = new Uint8Array(p.kinds.length);
  atomic[p.kinds.indexOf(1)] = 1;
  const t = tokenize(p, cache, atomic);
  const words = t.starts.map((s, i) => p.text.slice(s, t.ends[i]));
  assert.equal(words[0], "我们会收集您的信息，");
  assert.deepEqual(
    words.slice(1),
    [...seg.segment("用于注册账号。")].map((s) => s.segment),
  );
});

test("a full-width comma inside a number does not cut a clause", () => {
  const cache = createTokenCache();
  const p = prepareTokens("共1，000人，其中", cache);
  assert.deepEqual(
    p.starts.map((s, k) => p.text.slice(s, p.ends[k])),
    ["共1，000人，", "其中"],
  );
});
