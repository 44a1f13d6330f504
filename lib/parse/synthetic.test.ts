/**
 * Synthetic documents written for habits the real samples lack (fixtures/synthetic/): English
 * Article/Section/ARTICLE I/run-in titles/Title Case and ALL-CAPS headings, law-style 第X章/第X节/第X条
 * with inline body, five-deep Chinese nesting, half-width numbers, 摘要/正文/附录/an appended statement,
 * semantic and Word-exported HTML, a text without headings. Each `<case>.outline.txt` is the outline
 * written by hand ("# key: value" lines state metadata; "# sections: 0" states an empty outline).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ingestText } from "../ingest/index.ts";
import { parseDocument } from "./index.ts";
import { checkInvariants, outlineLines } from "./testing.ts";

const dir = new URL("./fixtures/synthetic/", import.meta.url);
const CASES = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f) && !f.endsWith(".outline.txt"));

function load(file: string): string {
  const raw = readFileSync(new URL(file, dir), "utf8");
  return file.endsWith(".html") ? ingestText(raw, { fileName: file }).text : raw;
}

describe("synthetic documents: the hand-written outline", () => {
  assert.ok(CASES.length >= 10);
  for (const file of CASES) {
    it(file, () => {
      const tree = parseDocument(load(file));
      checkInvariants(tree);
      const expected = readFileSync(new URL(file.replace(/\.(txt|html)$/, ".outline.txt"), dir), "utf8")
        .split("\n")
        .filter((l) => l !== "");
      const meta = Object.fromEntries(
        expected.filter((l) => l.startsWith("# ")).map((l) => l.slice(2).split(": ") as [string, string]),
      );
      assert.deepEqual(
        outlineLines(tree),
        expected.filter((l) => !l.startsWith("# ")),
      );
      if ("title" in meta) assert.equal(tree.metadata.title, meta["title"]);
      if ("published" in meta) assert.equal(tree.metadata.publishedAt, meta["published"]);
      if ("effective" in meta) assert.equal(tree.metadata.effectiveAt, meta["effective"]);
    });
  }
});

describe("synthetic documents: rules in detail", () => {
  it("a law-style article keeps its text as body: the heading block is only the number", () => {
    const tree = parseDocument(load("zh-law-style.txt"));
    const first = tree.sections[0]!.children[0]!;
    assert.equal(tree.blocks[first.headingBlock]!.text, "第一条　");
    assert.match(tree.blocks[first.bodyBlocks[0]!]!.text, /^为了规范星河出行平台/);
    const third = tree.sections[0]!.children[2]!;
    assert.equal(tree.blocks[third.headingBlock]!.text, "第三条【定义】");
    assert.equal(tree.blocks.filter((b) => b.kind === "toc").length, 4, "the 目录 lines are a TOC");
  });

  it("a run-in English title: heading block up to the title's full stop", () => {
    const tree = parseDocument(load("en-decimal-runin.txt"));
    const s = tree.sections[0]!.children[0]!;
    assert.equal(tree.blocks[s.headingBlock]!.text, "1.1 Account Data. ");
    assert.deepEqual(s.numberPath, [1, 1]);
    assert.deepEqual(tree.sections[1]!.children[0]!.numberPath, [2, 1], "2.a -> [2, 1]");
  });

  it("no headings: zero sections, every block in the preamble", () => {
    const tree = parseDocument(load("no-headings.txt"));
    assert.equal(tree.sections.length, 0);
    assert.equal(tree.preambleBlocks.length, tree.blocks.length);
  });

  it("mixed CRLF / CR / LF line breaks give the same outline as LF", () => {
    for (const file of ["zh-five-deep.txt", "en-articles-roman.txt", "zh-summary-appendix.txt"]) {
      const text = load(file);
      let k = 0;
      const mixed = text.replace(/\n/g, () => ["\r\n", "\r", "\n"][k++ % 3]!);
      const a = parseDocument(text);
      const b = parseDocument(mixed);
      checkInvariants(b);
      assert.deepEqual(outlineLines(b), outlineLines(a), file);
      assert.equal(b.metadata.title, a.metadata.title);
    }
  });

  it("a very long single line is one paragraph, not a heading", () => {
    const line = "我们会按照法律法规的要求保护您的个人信息，并采取合理可行的安全措施。".repeat(6000);
    const tree = parseDocument(`${line}\n`);
    checkInvariants(tree);
    assert.equal(tree.sections.length, 0);
    const numbered = parseDocument(`1. ${line}\n2. 短标题\n正文。\n`);
    checkInvariants(numbered);
  });

  it("a number alone on its line takes the next line as its title", () => {
    const tree = parseDocument("ARTICLE I\nDEFINITIONS\nText.\nARTICLE II\nSCOPE\nText.\n");
    assert.deepEqual(outlineLines(tree), ["ARTICLE I|DEFINITIONS", "ARTICLE II|SCOPE"]);
    assert.equal(tree.blocks[tree.sections[0]!.headingBlock]!.text, "ARTICLE I\nDEFINITIONS\n");
  });
});
