/**
 * The failure classes found on documents the engine had never seen (issue "The engine on documents it
 * has never seen"), each pinned on a real document: a sample, a seed or a development-corpus file,
 * rewritten where needed by the metamorphic suite's transformations (whose answers are known by
 * construction). The CLI-through-a-pipe class is scripts/cli/pipe.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ALIGN_CONFIG } from "../align/config.ts";
import { compareDocuments, type CompareModel, type SectionPair } from "../compare/index.ts";
import { ingestText } from "../ingest/index.ts";
import { parseDocument } from "../parse/index.ts";
import { readDocument, type EvalDocument } from "./documents.ts";
import { runCase } from "./metamorphic.ts";
import { skeletonOf } from "./skeleton.ts";
import { TRANSFORMATIONS } from "./transforms.ts";

const root = new URL("../../", import.meta.url).pathname;
const sample = (path: string) => readDocument(root, path, "sample", "sample");
const corpus = (series: string, file: string) =>
  readDocument(root, `lib/eval/corpus/${series}/${file}`, "corpus", series);

const XUEXI = "data/samples/zh-xuexiqiangguo-privacy/2021-09-01.txt";
const SEED = "data/samples/seeds/003_4ef3114d7113fb2c.txt";

function transform(doc: EvalDocument, name: string) {
  const t = TRANSFORMATIONS.find((x) => x.name === name);
  assert.ok(t, `no transformation ${name}`);
  const result = runCase(doc, skeletonOf(doc.tree), t);
  assert.ok(result, `${name} does not apply to ${doc.path}`);
  return result;
}

function pairs(model: CompareModel): SectionPair[] {
  const out: SectionPair[] = [];
  const walk = (list: SectionPair[]) => list.forEach((p) => (out.push(p), walk(p.children)));
  walk(model.sections);
  return out;
}

const changed = (model: CompareModel) => pairs(model).filter((p) => p.status !== "unchanged");
const titles = (text: string) => parseDocument(ingestText(text).text).sections.map((s) => [s.number, s.title] as const);

describe("failure class 1: number and title in separate markup runs", () => {
  it("reads '**一、** **引言**', '**一、**引言' and '<b>一、</b><b>引言</b>' as the heading 一 引言", () => {
    const body = "\n\n我们收集您的信息。\n\n";
    for (const heading of ["**一、** **引言**", "**一、**引言", "一、引言"]) {
      assert.deepEqual(titles(`${heading}${body}**二、** **收集**${body}`), [
        ["一", "引言"],
        ["二", "收集"],
      ]);
    }
    const html = ingestText(
      "<p><b>一、</b><b>引言</b></p><p>我们收集您的信息。</p><p><b>二、</b><b>收集</b></p><p>正文。</p>",
      {
        format: "html",
      },
    );
    assert.deepEqual(
      parseDocument(html.text).sections.map((s) => [s.number, s.title]),
      [
        ["一", "引言"],
        ["二", "收集"],
      ],
    );
  });

  for (const name of ["bold-split", "html-b"]) {
    it(`学习强国 2021-09-01 restyled "${name}" parses back and pairs every section with the original`, () => {
      const result = transform(sample(XUEXI), name);
      assert.deepEqual(result.failures, []);
      assert.equal(result.pairs.tp, result.pairs.gold);
    });
  }
});

describe("failure class 2: no status without its evidence", () => {
  const series = [
    ["zh-law-company-law", "2018-10-26_ad3fc7a7.md", "2023-12-29_318d6245.md"],
    ["zh-law-administrative-reconsideration-law", "2017-09-01_9692a67d.md", "2023-09-01_318d6245.md"],
    ["en-match-privacy-html", "2023-09-07_b9ffc773.html", "2024-07-10_a784b4bf.html"],
    ["en-tiktok-privacy", "2024-04-17_6175f676.md", "2024-10-02_5d6afe1b.md"],
  ] as const;
  for (const [name, a, b] of series) {
    it(`${name}: splits and merges carry at least their containment threshold; weak in-place pairs say so`, () => {
      const model = compareDocuments(corpus(name, a).tree, corpus(name, b).tree, { ignore: ["whitespace", "width"] });
      for (const p of pairs(model)) {
        if (p.status === "split" || p.status === "merged")
          assert.ok(p.similarity >= ALIGN_CONFIG.splitContainMin, `${p.status} ${p.old?.title} at ${p.similarity}`);
        const inPlace = p.old && p.new && p.status !== "moved" && p.status !== "split" && p.status !== "merged";
        if (inPlace && p.similarity < ALIGN_CONFIG.sectionMatchMin)
          assert.equal(p.confidence, "low", `${p.old?.title} → ${p.new?.title} at ${p.similarity}`);
      }
    });
  }

  it("TikTok 2024-04-17 → 2024-10-02: sections regrouped under a new heading are paired with themselves, nothing merged", () => {
    const old = corpus("en-tiktok-privacy", "2024-04-17_6175f676.md");
    const neu = corpus("en-tiktok-privacy", "2024-10-02_5d6afe1b.md");
    const model = compareDocuments(old.tree, neu.tree, { ignore: ["whitespace", "width"] });
    const all = pairs(model);
    assert.equal(all.filter((p) => p.status === "merged" || p.status === "split").length, 0);
    const regrouped = all.find((p) => p.new?.title === "What Information We Collect from Children");
    assert.equal(regrouped?.old?.title, "What Information We Collect from Children");
  });
});

describe("failure class 3: numbers from list markup", () => {
  it("Starlink: headings numbered only by ordered-list markers ('1. #### What…') are the sections 1-10", () => {
    const doc = corpus("en-starlink-privacy", "2025-04-09_709ec774.md");
    assert.deepEqual(
      doc.tree.sections.map((s) => s.number),
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    );
    assert.equal(doc.tree.sections[0]!.title, "What Personal Information Do We Collect?");
  });

  for (const name of ["list-markers", "list-markers-odd", "list-literal"]) {
    it(`seed 003 renumbered by "${name}": same sections, nothing changed with numbering ignored`, () => {
      const result = transform(sample(SEED), name);
      assert.equal(result.pairs.tp, result.pairs.gold, result.failures.join("\n"));
      assert.equal(result.changedIgnoringNumbers, 0);
    });
  }

  it("Telegram: empty anchor links before the number ('### [](#1-introduction)1\\. Introduction') are no part of it", () => {
    const doc = corpus("en-telegram-privacy", "2022-07-11_10dff665.md");
    assert.deepEqual([doc.tree.sections[0]!.number, doc.tree.sections[0]!.title], ["1", "Introduction"]);
  });
});

describe("failure class 4: crawler and dataset wrappers", () => {
  it("学习强国 2021-09-01 as plain lines inside one <pre> block parses back and pairs every section", () => {
    const result = transform(sample(XUEXI), "html-pre");
    assert.equal(result.pairs.tp, result.pairs.gold, result.failures.join("\n"));
  });

  it("a page flattened onto one line (去哪充电 .txt) is cut back into its blocks and sections", () => {
    const doc = corpus("zh-quchongdian-privacy", "2024-12-11_e35706e2.txt");
    assert.ok(doc.tree.sections.length >= 4, `${doc.tree.sections.length} sections`);
    assert.equal(doc.tree.sections[0]!.title, "我们如何收集和使用您的个人信息");
  });

  it("in a flattened page a numbered heading after a finished sentence and one space still starts a section", () => {
    // "…8、法律法规规定的其他情形。 四、我们如何使用 Cookie 和其他追踪技术  为确保…": one space only.
    const doc = corpus("zh-quchongdian-privacy", "2024-12-11_e35706e2.txt");
    assert.deepEqual(
      doc.tree.sections.map((s) => s.number),
      ["一", "二", "三", "四", "五"],
    );
    assert.equal(doc.tree.sections[3]!.title, "我们如何使用 Cookie 和其他追踪技术");
  });

  it("a zero-width joiner before a bold heading hides nothing (Discord 2022-12-01: '\u200D**_With your consent_**')", () => {
    const doc = corpus("en-discord-privacy", "2022-12-01_c5669630.md");
    const use = doc.tree.sections.find((s) => s.title === "How we use your information");
    assert.ok(use);
    assert.deepEqual(
      use.children.map((s) => s.title),
      [
        "To fulfill our contract with you",
        "For our legitimate business interests",
        "To comply with our legal obligations",
        "With your consent",
        "To protect someone’s vital interests",
      ],
    );
  });

  it("a full WordPress page (Jdate) is read from its <main>: no site navigation, the policy's title is the title", () => {
    const doc = corpus("en-jdate-privacy-html", "2023-09-09_94d383d3.html");
    assert.ok(!doc.text.includes("Skip to content"));
    assert.equal(doc.tree.metadata.title, "Privacy Policy");
    assert.equal(doc.tree.sections[0]!.title, "INTRODUCTION");
  });
});

describe("failure class 5: identical bodies are not reported changed", () => {
  it("学习强国 2021-09-01 wrapped in crawler furniture (header fields, separators, back-to-top links): 0 sections changed", () => {
    const result = transform(sample(XUEXI), "furniture");
    assert.equal(result.pairs.tp, result.pairs.gold, result.failures.join("\n"));
    assert.equal(result.status.correct, result.status.total);
  });

  it("Reddit 2024-09-25 → 2024-10-01 (setext → ATX, ### → #####, link targets): nothing changed but one full stop", () => {
    const a = corpus("en-reddit-terms-format", "2024-09-25_6b98e632.md");
    const b = corpus("en-reddit-terms-format", "2024-10-01_6482f147.md");
    const model = compareDocuments(a.tree, b.tree, { ignore: ["whitespace", "width"] });
    assert.deepEqual(
      changed(model).map((p) => p.old?.title),
      ["Reddit User Agreement if you live in the United States or outside the EEA, United Kingdom, and Switzerland"],
    );
  });

  it("民法典 总则, article separators U+2002×2 → one space, and blank lines of U+200B: 0 sections changed", () => {
    const a = corpus("zh-law-civil-code-general-format", "2022-03-03_d803fa2b.md");
    const b = corpus("zh-law-civil-code-general-format", "2022-03-07_3653af4a.md");
    assert.equal(changed(compareDocuments(a.tree, b.tree, { ignore: ["whitespace", "width"] })).length, 0);
  });
});
