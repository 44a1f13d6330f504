import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseDocument } from "../parse/index.ts";
import { textToHtml } from "./render.ts";
import { type Skeleton, skeletonOf } from "./skeleton.ts";
import { TRANSFORMATIONS, type Transformed } from "./transforms.ts";

/**
 * Golden files: lib/eval/fixtures/transforms/<doc>.<transformation>.(md|html) is the transformed text
 * of <doc>.md, read and checked by a person. UPDATE_FIXTURES=1 rewrites them from the code (then read
 * the diff before committing).
 */
const DIR = join(import.meta.dirname, "fixtures/transforms");
const DOCS = ["policy", "law"];
/** Transformations that do not apply: the law's chapters have no own text and its articles no title. */
const NOT_APPLICABLE = new Set(["law.rename", "law.split"]);

const skeleton = (doc: string): Skeleton => skeletonOf(parseDocument(readFileSync(join(DIR, `${doc}.md`), "utf8")));
const pairs = (t: Transformed) => t.pairs.map((p) => `${p.old ?? "∅"}→${p.new ?? "∅"} ${p.statuses.join("|")}`);
const apply = (doc: string, name: string) => TRANSFORMATIONS.find((t) => t.name === name)!.apply(skeleton(doc));

for (const doc of DOCS) {
  for (const t of TRANSFORMATIONS) {
    test(`${t.name} of ${doc}.md writes the expected text`, () => {
      const out = t.apply(skeleton(doc));
      if (NOT_APPLICABLE.has(`${doc}.${t.name}`)) {
        assert.equal(out, null);
        return;
      }
      assert.ok(out, "applies");
      const file = join(DIR, `${doc}.${t.name}.${out.format === "html" ? "html" : "md"}`);
      if (process.env.UPDATE_FIXTURES === "1") writeFileSync(file, out.text);
      assert.ok(existsSync(file), `${file} exists`);
      assert.equal(out.text, readFileSync(file, "utf8"));
    });
  }
}

test("identity writes the original text back exactly", () => {
  for (const doc of DOCS) {
    const original = readFileSync(join(DIR, `${doc}.md`), "utf8");
    assert.equal(apply(doc, "identity")!.text, original);
  }
});

test("formatting transformations pair every section with itself; renumbered where the printed number changed", () => {
  assert.deepEqual(pairs(apply("policy", "bold-split")!), [
    "1→1 unchanged",
    "2→2 unchanged",
    "2.1→2.1 unchanged",
    "2.2→2.2 unchanged",
    "3→3 unchanged",
  ]);
  // The list markers replace 一、二、三、 (top level only); （一）（二） stay.
  assert.deepEqual(pairs(apply("policy", "list-markers-odd")!), [
    "1→1 renumbered",
    "2→2 renumbered",
    "2.1→2.1 unchanged",
    "2.2→2.2 unchanged",
    "3→3 renumbered",
  ]);
});

test("structural transformations: added, removed, renumbered, moved, renamed, split and merged by construction", () => {
  // An article inserted in chapter 1: articles are renumbered through the whole law.
  assert.deepEqual(pairs(apply("law", "insert-second")!), [
    "1→1 unchanged",
    "1.1→1.1 unchanged",
    "∅→new-1 added",
    "1.2→1.2 renumbered",
    "2→2 unchanged",
    "2.1→2.1 renumbered",
  ]);
  assert.deepEqual(pairs(apply("policy", "delete-top")!), [
    "1→1 unchanged",
    "3→3 renumbered",
    "2→∅ removed",
    "2.1→∅ removed",
    "2.2→∅ removed",
  ]);
  assert.deepEqual(pairs(apply("policy", "swap-top")!), [
    "1→1 unchanged",
    "3→3 moved|renumbered",
    "2→2 moved|renumbered",
    "2.1→2.1 unchanged",
    "2.2→2.2 unchanged",
  ]);
  assert.deepEqual(pairs(apply("policy", "rename")!).at(-1), "3→3 renamed");
  assert.deepEqual(pairs(apply("policy", "split")!).slice(-2), ["2.1→2.1 split", "2.1→new-split split"]);
  assert.deepEqual(pairs(apply("law", "merge")!), [
    "1→1 unchanged",
    "2→2 unchanged",
    "2.1→2.1 renumbered",
    "1.1→1.1 merged",
    "1.2→1.1 merged",
  ]);
  // Furniture lands in the last section's body: modified is accepted there.
  assert.deepEqual(pairs(apply("law", "furniture")!).at(-1), "2.1→2.1 unchanged|modified");
});

test("markdown-ish text to HTML: headings, setext, rules, paragraphs with line breaks, escaping", () => {
  assert.equal(
    textToHtml("# T\n\nline 1\nline <2>\n\nSub\n---\n\n------\n\na & b\n"),
    "<h1>T</h1>\n<p>line 1<br>\nline &lt;2&gt;</p>\n<h2>Sub</h2>\n<hr>\n<p>a &amp; b</p>",
  );
});
