/**
 * Golden and synthetic tests of the comparison engine on the real parser. Every expectation below was
 * checked by reading the documents (line numbers given where it helps).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderSegments } from "../diff/index.ts";
import { allBlockPairs, allSectionPairs, compareTexts, rebuildTexts } from "./index.ts";
import type { BlockPair, CompareModel, IgnoreOption, SectionPair } from "./types.ts";

const SAMPLES = join(import.meta.dirname, "../../data/samples");
const read = (p: string) => readFileSync(join(SAMPLES, p), "utf8");
const seed = (prefix: string) =>
  read("seeds/" + readdirSync(join(SAMPLES, "seeds")).find((f) => f.startsWith(prefix))!);
const S000 = seed("000_");
const S001 = seed("001_");

const label = (p: SectionPair) =>
  `${p.status}: ${p.old ? `${p.old.number ?? ""} ${p.old.title}`.trim() : "∅"} -> ${p.new ? `${p.new.number ?? ""} ${p.new.title}`.trim() : "∅"}`;
/** Pairs with this title on either side; `number` narrows to pairs with that number on a side. */
const find = (m: CompareModel, title: string, number?: string) =>
  allSectionPairs(m).filter(
    (p) =>
      (p.new?.title === title || p.old?.title === title) &&
      (number === undefined || p.new?.number === number || p.old?.number === number),
  );
const one = (m: CompareModel, title: string, number?: string) => {
  const found = find(m, title, number);
  assert.equal(found.length, 1, `one pair for ${title}: ${found.map(label).join(" | ")}`);
  return found[0]!;
};
const changed = (m: CompareModel) =>
  allSectionPairs(m)
    .filter((p) => p.status !== "unchanged")
    .map(label);

function roundTrip(a: string, b: string, model: CompareModel) {
  const r = rebuildTexts(model);
  assert.equal(r.old, a, "old text rebuilt exactly");
  assert.equal(r.new, b, "new text rebuilt exactly");
}

test("seed 000 vs 001: the shared template aligns, product-specific parts differ", () => {
  const m = compareTexts(S000, S001, { ignore: ["width"] });
  roundTrip(S000, S001, m);
  // Top level: the summary (隐私权政策摘要 -> 摘要), the body (隐私政策正文 -> 正文), the annex 附一.
  assert.deepEqual(
    m.sections.map((p) => [p.old?.title, p.new?.title]),
    [
      ["隐私权政策摘要", "摘要"],
      ["隐私政策正文", "正文"],
      ["咪咕产品客户服务热线电话", "咪咕产品客户服务热线电话"],
    ],
  );
  // 第一部分 定义, 第二部分 with 一、…十、 matched number for number with the same titles.
  const part2 = one(m, "隐私权政策");
  assert.equal(part2.old?.number, part2.new?.number);
  assert.deepEqual(
    part2.children.map((c) => [c.old?.number, c.new?.number, c.old?.title === c.new?.title.replace(/[:：]$/, "")]),
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].map((n) => [n, n, true]),
  );
  assert.equal(one(m, "定义及名词解释").old?.title, "定义及名词解释");
  // 一、(一): the product section 咪咕云书店 faces 咪咕快游 (same place, renamed); its services differ.
  const product = one(m, "咪咕快游");
  assert.equal(product.status, "renamed");
  assert.equal(product.old?.title, "咪咕云书店");
  assert.ok(product.children.filter((c) => c.status === "added").length >= 10);
  assert.ok(product.children.filter((c) => c.status === "removed").length >= 6);
  // 8、提供个性化内容推荐服务 (000) is 6、提供个性化内容推荐服务（仅限安卓） (001).
  assert.equal(one(m, "提供个性化内容推荐服务（仅限安卓）").old?.title, "提供个性化内容推荐服务");
  // 000 has no heading 3、为您提供安全保障 (its text sits under 2、改善… lines 137-143); 001 adds it (line 149).
  const split = find(m, "改善我们所提供的产品或服务").filter((p) => p.status === "split");
  assert.deepEqual(
    split.map((p) => p.new?.title),
    ["改善我们所提供的产品或服务", "为您提供安全保障"],
  );
  assert.deepEqual(split[0]!.related, [split[1]!.key]);
  // With width ignored, sections whose text differs only by punctuation width are unchanged.
  assert.equal(one(m, "保存期限").status, "unchanged");
  // Summary: 000's "3.您如何管理您的信息" (rights, line 69) has no counterpart in 001's summary, whose
  // "三、我们如何保存及保护您的个人信息" (storage, line 52) is new there: removed + added, not a rename.
  // "隐私权政策摘要" -> "摘要" stays paired (the new title lies inside the old one).
  const summary = m.sections[0]!;
  assert.deepEqual(summary.children.filter((c) => c.status !== "renamed").map(label), [
    "added: ∅ -> 三 我们如何保存及保护您的个人信息",
    "removed: 3 您如何管理您的信息 -> ∅",
  ]);
  assert.equal(summary.status, "renamed");
});

test("seed 000 vs 001 without options: width-only differences show as changes", () => {
  const m = compareTexts(S000, S001);
  roundTrip(S000, S001, m);
  assert.equal(one(m, "保存期限").status, "modified");
});

test("学习强国 2021-09-01 -> 2021-12-30: renamed, added and renumbered sections", () => {
  const a = read("zh-xuexiqiangguo-privacy/2021-09-01.txt");
  const b = read("zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt");
  const m = compareTexts(a, b);
  roundTrip(a, b, m);
  // Body headings (lines 301/336 and 389/430): 五 and 八 renamed in the last revision.
  const rights = one(m, "您的权利");
  assert.equal(rights.status, "renamed");
  assert.equal(rights.old?.title, "您如何管理您的个人信息");
  const storage = one(m, "信息的存储");
  assert.equal(storage.status, "renamed");
  assert.equal(storage.old?.title, "您的个人信息如何在全球范围转移");
  // New services (八)(九) inserted before 客服, which becomes (十) (lines 153 -> 176).
  assert.equal(one(m, "加入同学汇").status, "added");
  assert.equal(one(m, "加入学习组织").status, "added");
  const service = one(m, "客服及问题解决");
  assert.equal(service.status, "renumbered");
  assert.deepEqual([service.old?.number, service.new?.number], ["（八）", "（十）"]);
  // Ignoring numbering, the renumbered section is unchanged.
  const m2 = compareTexts(a, b, { ignore: ["numbering"] });
  assert.equal(one(m2, "客服及问题解决").status, "unchanged");
});

test("BeReal 2026-04-21 -> 2026-05-29 (English): sections by number, list items turned table rows", () => {
  const a = read("en-bereal-privacy/2026-04-21_e35e091b.txt");
  const b = read("en-bereal-privacy/2026-05-29_eef546d1.txt");
  const m = compareTexts(a, b);
  roundTrip(a, b, m);
  // The eleven numbered sections (1\. … 11\., lines 14-335 of the old text) keep numbers and titles.
  assert.deepEqual(
    m.sections.map((p) => [p.old?.number, p.new?.number, p.old?.title === p.new?.title]),
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"].map((n) => [n, n, true]),
  );
  // 4 (Children’s data) and 11 (Update of our Privacy Policy) are word for word the same.
  assert.deepEqual(
    m.sections.filter((p) => p.status === "unchanged").map((p) => p.new?.number),
    ["4", "11"],
  );
  // 1.2's two numbered sub-items (old lines 53 and 58) became rows of a table: removed as sections.
  assert.deepEqual(one(m, "Data we collect when you use our App or visit our website").children.map(label), [
    "removed: 1 Through the use of our website -> ∅",
    "removed: 2 Through your use of the App -> ∅",
  ]);
  // Section 9 (old lines 225-321, new 185-291) was rewritten: 9.1-9.5 -> 9.1-9.8. By reading: old 9.1
  // (what we collect) is new 9.1; old 9.2 (use, "How we use information…") is new 9.3; old 9.3 (data
  // retention) has no counterpart; old 9.4 (sharing for business purposes) is new 9.4 (disclosure);
  // new 9.2 (sources) and 9.6 (sensitive information) are new. Old 9.5 holds both the rights (new 9.7)
  // and how to exercise them (new 9.8): it pairs with one half, the other is added (a split would be the
  // whole truth; its pieces are too rewritten for the split bound). Word tokens (ADR 0002).
  const s9 = one(m, "U.S. Privacy Rights").children;
  const s9labels = s9.map(label);
  for (const expected of [
    "renamed: 9.1 Information We Collect -> 9.1 Personal Information We Collect",
    "added: ∅ -> 9.2 Sources of Personal Information",
    "renamed: 9.2 Use of Personal Information -> 9.3 How We Use Personal Information",
    "removed: 9.3 Data Retention -> ∅",
    "renamed: 9.4 Sharing Personal Information -> 9.4 Disclosure of Personal Information",
    "added: ∅ -> 9.6 Sensitive Personal Information",
  ])
    assert.ok(s9labels.includes(expected), `${expected} in ${s9labels.join(" | ")}`);
  const rights = s9.find((p) => p.old?.number === "9.5")!;
  assert.ok(["9.7", "9.8"].includes(rights.new?.number ?? ""), label(rights));
  assert.equal(s9.filter((p) => p.old && p.new).length, 4, "four rewritten subsections paired, nothing else");
  // The preamble's date, and a list item that became a table row (old line 32, new line 24).
  const rendered = allBlockPairs(m).map((bp) => renderSegments(bp.segments));
  assert.ok(rendered.includes("<del>**</del>Last updated: <del>January </del><ins>May 13, </ins>2026<del>**</del>\n"));
  assert.ok(
    rendered.includes(
      "<ins>| </ins>**Chat Data**<del>: when</del><ins> | When</ins> you use the BeReals chat function, we collect the messages, photos and videos you share with your friends within the chat.<ins> |</ins>\n",
    ),
  );
});

test("BeReal 2026-04-21 -> 2026-05-29 §1.1: blank lines don't anchor paragraphs into the wrong gap", () => {
  const a = read("en-bereal-privacy/2026-04-21_e35e091b.txt");
  const b = read("en-bereal-privacy/2026-05-29_eef546d1.txt");
  const m = compareTexts(a, b);
  roundTrip(a, b, m);
  // Old §1.1 (from line 19): "**X Data**: …" paragraphs with blank lines between them; new §1.1
  // (from line 15): an intro, then a table with one row per category and no blank lines. Each old
  // category paragraph faces its own row (old line 21 -> new line 22, 32 -> 24, 34 -> 26), not the
  // table's intro (new line 17), which is added.
  const s11 = m.sections[0]!.children.find((p) => p.new?.number === "1.1")!;
  const text = (bp: BlockPair, side: "old" | "new") =>
    bp.segments
      .map((s) => (side === "old" ? (s.op === "insert" ? "" : s.old) : s.op === "delete" ? "" : s.new))
      .join("");
  const paired = s11.blocks.filter((bp) => bp.oldBlock !== null && bp.newBlock !== null && bp.kind !== "blank");
  for (const category of ["Account Creation Data", "Chat Data", "Communications with BeReal"]) {
    const bp = paired.find((p) => text(p, "old").startsWith(`**${category}**`));
    assert.ok(bp, `${category} paired`);
    assert.ok(
      text(bp, "new").startsWith(`| **${category}** |`),
      `${category} faces its row: ${text(bp, "new").slice(0, 40)}`,
    );
  }
  const intro = s11.blocks.find((bp) => text(bp, "new").startsWith("The table below details"))!;
  assert.equal(intro.status, "added");
  // Every block of both sides in exactly one pair.
  const olds = allBlockPairs(m).flatMap((bp) => (bp.oldBlock === null ? [] : [bp.oldBlock]));
  const news = allBlockPairs(m).flatMap((bp) => (bp.newBlock === null ? [] : [bp.newBlock]));
  assert.equal(new Set(olds).size, olds.length);
  assert.equal(new Set(news).size, news.length);
});

test("synthetic: blank lines removed between paragraphs (seed 004) -> paragraphs paired in place", () => {
  const a = seed("004_");
  const noBlanks = a.replace(/\n(?:[ \t\u3000]*\n)+/g, "\n");
  assert.ok(a.split("\n").length - noBlanks.split("\n").length > 300);
  for (const [x, y] of [
    [a, noBlanks],
    [noBlanks, a],
  ] as const) {
    const m = compareTexts(x, y, { ignore: ["whitespace"] });
    roundTrip(x, y, m);
    assert.deepEqual(changed(m), []);
    assert.deepEqual(
      allBlockPairs(m).filter((bp) => bp.kind !== "blank" && bp.status !== "unchanged"),
      [],
    );
  }
  // The same with every paragraph of 20+ characters edited (no exact anchors left but blank ones):
  // every paragraph still faces its own edited copy (before 1.4.0, 30 of them came out "moved").
  const edited = noBlanks
    .split("\n")
    .map((l) => (l.length >= 20 ? l.slice(0, 10) + "相关" + l.slice(12) : l))
    .join("\n");
  for (const [x, y] of [
    [a, edited],
    [edited, a],
  ] as const) {
    const m = compareTexts(x, y, { ignore: ["whitespace"] });
    roundTrip(x, y, m);
    const statuses = new Set(
      allBlockPairs(m)
        .filter((bp) => bp.kind !== "blank")
        .map((bp) => bp.status),
    );
    assert.deepEqual([...statuses].sort(), ["modified", "unchanged"]);
  }
});

test("BeReal 2026-05-29 -> 2026-07-07 (English): section 9's eight subsections pair by number", () => {
  const a = read("en-bereal-privacy/2026-05-29_eef546d1.txt");
  const b = read("en-bereal-privacy/2026-07-07_a2d152d9.txt");
  const m = compareTexts(a, b);
  roundTrip(a, b, m);
  // Same structure (lines 185-291 and 187-297): 9.1-9.8 keep number and title; 9.1, 9.2 and 9.5 edited.
  assert.deepEqual(
    one(m, "U.S. Privacy Rights").children.map((p) => [
      p.old?.number,
      p.new?.number,
      p.old?.title === p.new?.title,
      p.status,
    ]),
    [
      ["9.1", "9.1", true, "modified"],
      ["9.2", "9.2", true, "modified"],
      ["9.3", "9.3", true, "unchanged"],
      ["9.4", "9.4", true, "unchanged"],
      ["9.5", "9.5", true, "modified"],
      ["9.6", "9.6", true, "unchanged"],
      ["9.7", "9.7", true, "unchanged"],
      ["9.8", "9.8", true, "unchanged"],
    ],
  );
  // The table row "Integrations with Partners" moved from 1.2 (new line 42) to 1.3 (line 52).
  const from = one(m, "Data we collect when you use our App or visit our website");
  const to = one(m, "Information about you provided by third parties");
  const moved = allBlockPairs(m).filter((bp) => bp.movedTo || bp.movedFrom);
  assert.deepEqual(
    moved.map((bp) => [bp.movedTo ?? null, bp.movedFrom ?? null, bp.status]),
    [
      [to.key, null, "moved"],
      [null, from.key, "moved"],
    ],
  );
  assert.ok(renderSegments(moved[0]!.segments).includes("**Integrations with Partners**"));
});

test("round trip on every consecutive pair of sample versions, with and without options", () => {
  for (const dir of readdirSync(SAMPLES).filter((d) => !d.includes("."))) {
    const files = readdirSync(join(SAMPLES, dir))
      .filter((f) => f.endsWith(".txt"))
      .sort();
    for (let i = 0; i + 1 < files.length; i++) {
      const a = read(`${dir}/${files[i]}`);
      const b = read(`${dir}/${files[i + 1]}`);
      for (const ignore of [[], ["whitespace", "width", "numbering"]] as IgnoreOption[][]) {
        const m = compareTexts(a, b, { ignore });
        roundTrip(a, b, m);
        const keys = allSectionPairs(m).map((p) => p.key);
        assert.equal(new Set(keys).size, keys.length, `unique keys in ${dir}/${files[i]}`);
      }
    }
  }
});

// ---- synthetic cases made from seed 001 ----

/** The body text of a section from its heading line to the next heading (not the TOC lines). */
const sectionText = (text: string, heading: string, next: string) =>
  text.slice(text.indexOf("\n" + heading) + 1, text.indexOf("\n" + next) + 1);

test("synthetic: identical documents are unchanged", () => {
  const m = compareTexts(S001, S001);
  assert.deepEqual(changed(m), []);
  assert.equal(m.stats.changeSpans, 0);
});

test("synthetic: remove a section -> removed, and the following ones renumbered", () => {
  const minors = sectionText(S001, "七、我们如何处理未成年人的个人信息", "八、您的个人信息如何在全球范围转移");
  const b = S001.replace(minors, "")
    .replace("\n八、您的个人信息如何在全球", "\n七、您的个人信息如何在全球")
    .replace("\n九、本政策如何更新", "\n八、本政策如何更新")
    .replace("\n十、如何联系我们", "\n九、如何联系我们");
  const m = compareTexts(S001, b);
  roundTrip(S001, b, m);
  assert.equal(one(m, "我们如何处理未成年人的个人信息", "七").status, "removed");
  assert.equal(one(m, "本政策如何更新").status, "renumbered");
  assert.equal(one(m, "如何联系我们", "九").status, "renumbered");
  const m2 = compareTexts(S001, b, { ignore: ["numbering"] });
  assert.equal(one(m2, "本政策如何更新").status, "unchanged");
});

test("synthetic: add a section -> added", () => {
  const b = S001.replace(
    "\n十、如何联系我们",
    "\n十、争议解决\n因本政策引起的争议，双方应友好协商解决；协商不成的，任何一方可向被告住所地有管辖权的人民法院提起诉讼。\n十一、如何联系我们",
  );
  const m = compareTexts(S001, b, { ignore: ["numbering"] });
  roundTrip(S001, b, m);
  assert.equal(one(m, "争议解决").status, "added");
  assert.equal(one(m, "如何联系我们", "十一").status, "unchanged");
});

test("synthetic: move a section (renumbered as a new version would) -> moved, with movedFrom", () => {
  // 九、本政策如何更新 moves before 六、您的权利; the sections between shift down one number.
  const update = sectionText(S001, "九、本政策如何更新", "十、如何联系我们");
  const b = S001.replace(update, "")
    .replace("\n八、您的个人信息如何在全球", "\n九、您的个人信息如何在全球")
    .replace("\n七、我们如何处理未成年人", "\n八、我们如何处理未成年人")
    .replace("\n六、您的权利\n", "\n" + update.replace("九、", "六、") + "七、您的权利\n");
  const m = compareTexts(S001, b, { ignore: ["numbering"] });
  roundTrip(S001, b, m);
  const moved = allSectionPairs(m).filter((p) => p.status === "moved");
  assert.deepEqual(
    moved.map((p) => p.new?.title),
    ["本政策如何更新"],
  );
  assert.equal(moved[0]!.movedFrom, one(m, "您的个人信息如何在全球范围转移").key);
  assert.equal(one(m, "您的权利").status, "unchanged");
  // Without ignoring numbering the shifted sections are renumbered.
  assert.equal(one(compareTexts(S001, b), "您的权利").status, "renumbered");
});

test("synthetic: a paragraph moved to another section (and edited) -> moved on both sides, linked", () => {
  // 八's paragraph on storage in China (line 243) moves to the end of 七 (after line 239), one word changed.
  const lines = S001.split("\n");
  const from = lines.findIndex((l) => l.startsWith("我们依据本政策在中华人民共和国境内"));
  const [para] = lines.splice(from, 1);
  const to = lines.findIndex((l) => l.startsWith("（三）如果我们发现自己在未事先获得"));
  lines.splice(to + 1, 0, "", para!.replace("存储", "保存"));
  const b = lines.join("\n");
  const m = compareTexts(S001, b);
  roundTrip(S001, b, m);
  const minors = one(m, "我们如何处理未成年人的个人信息", "七");
  const transfer = one(m, "您的个人信息如何在全球范围转移", "八");
  const gone = transfer.blocks.filter((bp) => bp.status === "moved");
  const came = minors.blocks.filter((bp) => bp.status === "moved");
  assert.equal(gone.length, 1);
  assert.equal(came.length, 1);
  assert.deepEqual([gone[0]!.movedTo, gone[0]!.newBlock], [minors.key, null]);
  assert.deepEqual([came[0]!.movedFrom, came[0]!.oldBlock], [transfer.key, null]);
  assert.equal(
    allBlockPairs(m)
      .filter((bp) => bp.status === "added" || bp.status === "removed")
      .filter((bp) => bp.kind === "paragraph").length,
    0,
  );
});

test("synthetic: rename a section -> renamed", () => {
  const b = S001.replace("\n六、您的权利\n", "\n六、您享有的权利\n");
  const m = compareTexts(S001, b);
  roundTrip(S001, b, m);
  const p = one(m, "您享有的权利");
  assert.equal(p.status, "renamed");
  assert.equal(p.old?.title, "您的权利");
});

test("synthetic: merge two sections -> merged; the reverse -> split", () => {
  const b = S001.replace("3、为您提供安全保障\n", "");
  const merged = compareTexts(S001, b);
  roundTrip(S001, b, merged);
  assert.deepEqual(
    allSectionPairs(merged)
      .filter((p) => p.status === "merged")
      .map((p) => p.old?.title),
    ["改善我们所提供的产品或服务", "为您提供安全保障"],
  );
  const split = compareTexts(b, S001);
  roundTrip(b, S001, split);
  assert.deepEqual(
    allSectionPairs(split)
      .filter((p) => p.status === "split")
      .map((p) => p.new?.title),
    ["改善我们所提供的产品或服务", "为您提供安全保障"],
  );
});

test("synthetic: whitespace-only edits are unchanged when whitespace is ignored", () => {
  const b = S001.replace(/我们/g, "我们 ").replace(/，/g, "，  ");
  assert.ok(changed(compareTexts(S001, b)).length > 10);
  const m = compareTexts(S001, b, { ignore: ["whitespace"] });
  roundTrip(S001, b, m);
  assert.deepEqual(changed(m), []);
  assert.equal(m.stats.changeSpans, 0);
});

test("synthetic: punctuation-width-only edits are unchanged when width is ignored", () => {
  const b = S001.replace(/[，：；（）！？]/g, (c) => c.normalize("NFKC"));
  assert.ok(changed(compareTexts(S001, b)).length > 10);
  const m = compareTexts(S001, b, { ignore: ["width"] });
  roundTrip(S001, b, m);
  assert.deepEqual(changed(m), []);
});

test("synthetic: numbering-only edits are unchanged when numbering is ignored", () => {
  const b = S001.replace("\n九、本政策如何更新", "\n十、本政策如何更新").replace(
    "\n十、如何联系我们",
    "\n十一、如何联系我们",
  );
  assert.deepEqual(
    changed(compareTexts(S001, b)).filter((l) => !l.startsWith("renumbered")),
    [],
  );
  const m = compareTexts(S001, b, { ignore: ["numbering"] });
  roundTrip(S001, b, m);
  assert.deepEqual(changed(m), []);
});

test("section keys are stable when other sections change", () => {
  const b = S001.replace("\n六、您的权利\n", "\n六、您享有的权利\n");
  const k1 = one(compareTexts(S001, S001), "如何联系我们", "十").key;
  const k2 = one(compareTexts(S001, b), "如何联系我们", "十").key;
  assert.equal(k1, k2);
});
