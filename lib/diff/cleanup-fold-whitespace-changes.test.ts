// foldWhitespaceChanges (cleanup.ts), alone: before -> after, written as jsdiff-style strings
// (./testing.ts; <eq old="…">new</eq> is one kept run whose two sides differ).
import { test } from "node:test";
import assert from "node:assert/strict";
import { foldWhitespaceChanges } from "./cleanup.ts";
import { runPass } from "./testing.ts";

const fold = (marked: string) => runPass(foldWhitespaceChanges, marked);

test("a whitespace-only change joins the kept run before it, keeping both sides' characters", () => {
  assert.equal(fold("我们<ins> </ins>收集"), '<eq old="我们收集">我们 收集</eq>');
  assert.equal(fold("a<del>  </del><ins>\u3000</ins>b"), '<eq old="a  b">a\u3000b</eq>');
  assert.equal(fold("a<ins>\n</ins>b<del> </del>c"), '<eq old="ab c">a\nbc</eq>');
});

test("at the start, it joins the kept run after it", () => {
  assert.equal(fold("<del> </del>我们"), '<eq old=" 我们">我们</eq>');
});

test("a change with any visible character stays", () => {
  assert.equal(fold("我们<ins>不</ins>收集"), "我们<ins>不</ins>收集");
  assert.equal(fold("a<del> </del><ins>x</ins>b"), "a<del> </del><ins>x</ins>b");
});

test("with no kept run to join, it stays", () => {
  assert.equal(fold("<ins> </ins>"), "<ins> </ins>");
});
