import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { compareTexts } from "../compare/index.ts";
import { analyzeChanges, kindOfTexts, keyTermsOf, sectionTopics } from "./index.ts";

const sample = (p: string) => readFileSync(`data/samples/${p}`, "utf8");

describe("change kinds", () => {
  it("width-only and punctuation-width edits are cosmetic", () => {
    assert.equal(kindOfTexts("我们会收集您的手机号,用于登录。", "我们会收集您的手机号，用于登录。"), "cosmetic");
    assert.equal(kindOfTexts("ＩＭＥＩ和“ＯＡＩＤ”", 'IMEI和"OAID"'), "cosmetic");
  });
  it("numbering-only and markup-only edits are cosmetic", () => {
    assert.equal(kindOfTexts("3. 我们如何使用Cookie", "4. 我们如何使用Cookie", true), "cosmetic");
    assert.equal(kindOfTexts("**一、** **引言**", "二、引言", true), "cosmetic");
  });
  it("a date or version line change is date", () => {
    assert.equal(kindOfTexts("更新日期：2021年9月1日", "更新日期：2021年12月30日"), "date");
    assert.equal(kindOfTexts("Last updated: April 21, 2026 (v3.1)", "Last updated: May 29, 2026 (v3.2)"), "date");
  });
  it("a changed word is substantive", () => {
    assert.equal(kindOfTexts("我们保存180天。", "我们保存3年。"), "substantive");
  });
  it("the model's summary counts kinds apart and marks pairs", () => {
    const a = "1. 引言\n本政策更新于2021年9月1日。\n2. 收集\n我们收集手机号,用于登录。\n3. 共享\n我们不共享。";
    const b =
      "1. 引言\n本政策更新于2021年12月30日。\n2. 收集\n我们收集手机号，用于登录。\n3. 共享\n我们与合作方共享设备信息。";
    const m = analyzeChanges(compareTexts(a, b));
    assert.deepEqual(m.digest.counts, { cosmetic: 1, date: 1, substantive: 1 });
    const kinds = m.sections.map((s) => s.changeKind);
    assert.deepEqual(kinds, ["date", "cosmetic", "substantive"]);
    assert.equal(m.sections[2]!.blocks.find((b) => b.status !== "unchanged")?.changeKind, "substantive");
  });
});

describe("topics", () => {
  it("reads a title and a body in Chinese and English", () => {
    assert.deepEqual(sectionTopics("我们如何处理未成年人的个人信息", ""), ["minors"]);
    assert.ok(sectionTopics("Cookies", "We use cookies and web beacons. Cookies help us.").includes("cookies"));
    assert.ok(sectionTopics("跨境传输", "").includes("cross-border"));
  });
});

describe("key terms", () => {
  it("a synthetic edit adding a permission and an SDK shows both as added", () => {
    const a = "1. 权限\n我们会申请存储权限。\n2. 第三方\n我们接入了友盟SDK。";
    const b = "1. 权限\n我们会申请存储权限和麦克风权限。\n2. 第三方\n我们接入了友盟SDK和高德地图SDK。";
    const m = analyzeChanges(compareTexts(a, b));
    const added = m.keyTerms.filter((t) => t.change === "added").map((t) => `${t.category}:${t.term}`);
    assert.deepEqual(added.sort(), ["permission:麦克风", "sdk:高德地图 SDK"]);
    assert.ok(m.keyTerms.every((t) => t.keys.length > 0));
    assert.match(m.digest.text, /新增权限：麦克风/);
    assert.match(m.digest.text, /新增SDK：高德地图 SDK/);
  });
  it("finds retention periods, contacts and URLs", () => {
    const terms = keyTermsOf(
      "我们将保存您的信息180天。请联系 privacy@example.com 或 400-123-4567，详见 https://a.example/p。",
    )
      .map((t) => `${t.category}:${t.term}`)
      .sort();
    assert.deepEqual(terms, [
      "contact:400-123-4567",
      "contact:privacy@example.com",
      "retention:180天",
      "url:https://a.example/p",
    ]);
  });
});

describe("digests of real documents", () => {
  it("学习强国 2021-09-01 → 2021-12-30 names the added sections and their topics", () => {
    const m = analyzeChanges(
      compareTexts(
        sample("zh-xuexiqiangguo-privacy/2021-09-01.txt"),
        sample("zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt"),
      ),
      "zh",
    );
    assert.match(m.digest.text, /（九） 加入学习组织：新增；涉及：个人信息收集；新增个人信息：手机号、真实姓名/);
    assert.match(m.digest.text, /（十二） 基于系统权限的附加服务：新增；涉及：个人信息收集、设备权限/);
    assert.match(m.digest.text, /（八） 加入同学汇：新增/);
    // Substantive first: the date-only group comes last.
    assert.equal(m.digest.groups.at(-1)!.title, "仅日期");
    assert.match(m.digest.markdown, /^## 更新说明\n/);
  });
  it("English on BeReal", () => {
    const m = analyzeChanges(
      compareTexts(
        sample("en-bereal-privacy/2026-04-21_e35e091b.txt"),
        sample("en-bereal-privacy/2026-05-29_eef546d1.txt"),
      ),
      "en",
    );
    assert.match(m.digest.text, /^What changed\n/);
    assert.ok(m.digest.groups.length > 0);
    for (const g of m.digest.groups)
      for (const e of g.entries)
        assert.match(e.line, /: (Modified|Added|Removed|Renamed|Moved|Renumbered|Split|Merged)/);
  });
});
