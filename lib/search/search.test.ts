import assert from "node:assert/strict";
import { test } from "node:test";
import { bigramsOf, foldForSearch } from "./fold.ts";
import { matchesAll, matchExpressions, parseSearchQuery } from "./query.ts";
import { makeSnippet, snippetHtml } from "./snippet.ts";

test("folding: width, case, markdown bold and whitespace runs", () => {
  assert.equal(foldForSearch(" Ｃｏｏｋｉｅ  and\tAPP "), "cookie and app");
  // No spaces next to Chinese: a line break inside a word is layout.
  assert.equal(foldForSearch("Cookie 和  APP\n使用个人\n信息"), "cookie和app使用个人信息");
  assert.equal(foldForSearch("同时，您**可以向“学习强国”反馈"), "同时,您可以向“学习强国”反馈");
  assert.equal(foldForSearch("a\u200bb\u3000c"), "ab c");
});

test("folding keeps a map back to the original characters", () => {
  const source = "  Ｐersonal **data**\n\nhere";
  const f = foldForSearch(source, true);
  assert.equal(f.text, "personal data here");
  const at = f.text.indexOf("data");
  assert.equal(source.slice(f.start[at], f.end[at + 3]), "data");
  assert.equal(source.slice(f.start[0], f.end[0]), "Ｐ");
});

test("the two-character index holds each pair of adjacent letters or digits once", () => {
  assert.equal(bigramsOf(foldForSearch("隐私政策，隐私 App")), "隐私 私政 政策 私a ap pp");
  assert.equal(bigramsOf("a b"), "");
});

test("queries: words, phrases, Chinese substrings, and what is refused", () => {
  const q = parseSearchQuery('个人信息 "Personal  Data" 隐私 id');
  assert.ok(q.ok);
  assert.deepEqual(
    q.terms.map((t) => [t.folded, t.index]),
    [
      ["个人信息", "trigram"],
      ["personal data", "trigram"],
      ["隐私", "bigram"],
      ["id", "bigram"],
    ],
  );
  assert.deepEqual(matchExpressions(q.terms), {
    trigram: '"个人信息" AND "personal data"',
    bigram: '"隐私" AND "id"',
  });
  assert.ok(matchesAll("收集个人信息 personal data 隐私 android", q.terms));
  assert.ok(!matchesAll("收集个人信息 personal  data 隐私", q.terms));
  // Curly quotes are text, not phrase marks; full-width ＂ is a phrase mark.
  const curly = parseSearchQuery("向“学习强国”反馈");
  assert.ok(curly.ok && curly.terms.length === 1 && curly.terms[0]!.folded === "向“学习强国”反馈");
  const fw = parseSearchQuery("＂personal data＂");
  assert.ok(fw.ok && fw.terms[0]!.folded === "personal data");
  // An FTS5 quote inside a term is doubled, never closes the string.
  assert.deepEqual(matchExpressions([{ raw: "", folded: 'ab"c', index: "trigram" }]), {
    trigram: '"ab""c"',
    bigram: null,
  });

  const problem = (s: string) => {
    const r = parseSearchQuery(s);
    return r.ok ? "ok" : r.problem;
  };
  assert.equal(problem(""), "empty");
  assert.equal(problem('  ""  '), "empty");
  assert.equal(problem("个"), "too_short");
  assert.equal(problem("个人 的"), "too_short");
  assert.equal(problem("a,"), "too_short");
  assert.equal(problem('"个人信息'), "unbalanced_quotes");
  assert.equal(problem("隐".repeat(201)), "too_long");
  assert.equal(problem("aa bb cc dd ee ff gg hh ii"), "too_many_terms");
  assert.equal(problem("隐私"), "ok");
});

test("snippets: a window around the first match, matches marked, text escaped", () => {
  const text = "前言。".repeat(30) + "我们会<b>收集</b>您的**个人信息**，包括个人\n信息的副本。" + "结尾。".repeat(30);
  const parts = makeSnippet(text, ["个人信息"]);
  const html = snippetHtml(parts);
  assert.match(html, /^…/);
  assert.match(html, /…$/);
  assert.match(html, /&lt;b&gt;收集&lt;\/b&gt;您的<mark>个人信息<\/mark>，包括<mark>个人信息<\/mark>的副本/);
  assert.ok(!html.includes("**"));
  // Original characters are shown, not their folded forms.
  assert.equal(snippetHtml(makeSnippet("使用ＡＰＰ时", ["app"])), "使用<mark>ＡＰＰ</mark>时");
});
