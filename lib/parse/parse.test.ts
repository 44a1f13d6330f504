import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseDocument } from "./index.ts";
import { checkInvariants, outlineLines } from "./testing.ts";
import type { SectionNode } from "./types.ts";

const samples = new URL("../../data/samples/", import.meta.url);
const fixtures = new URL("./fixtures/outline/", import.meta.url);
const FILES = readdirSync(samples, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(new URL(`${d.name}/`, samples))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `${d.name}/${f}`),
  );

interface Golden {
  kind: string;
  number: string | null;
  title: string;
  children?: Golden[];
}
const toGolden = (n: SectionNode, depth: number): Golden => ({
  kind: n.kind,
  number: n.number,
  title: n.title,
  ...(depth < 3 ? { children: n.children.map((c) => toGolden(c, depth + 1)) } : {}),
});

describe("every seed and sample", () => {
  assert.ok(FILES.length >= 15);
  for (const file of FILES) {
    it(`${file}: partition, ownership, and the hand-checked outline`, () => {
      const tree = parseDocument(readFileSync(new URL(file, samples), "utf8"));
      checkInvariants(tree);
      const golden = JSON.parse(
        readFileSync(new URL(`${file.replace("/", "__").replace(/\.txt$/, "")}.json`, fixtures), "utf8"),
      ) as { sections: Golden[] };
      assert.deepEqual(
        tree.sections.map((s) => toGolden(s, 1)),
        golden.sections,
      );
    });
  }
  it("the same text with CRLF line breaks parses to the same outline", () => {
    const text = readFileSync(new URL("seeds/003_4ef3114d7113fb2c.txt", samples), "utf8");
    const a = parseDocument(text);
    const b = parseDocument(text.replace(/\n/g, "\r\n"));
    checkInvariants(b);
    assert.deepEqual(
      b.sections.map((s) => toGolden(s, 1)),
      a.sections.map((s) => toGolden(s, 1)),
    );
  });
});

const outline = (text: string) => {
  const tree = parseDocument(text);
  checkInvariants(tree);
  return { tree, lines: outlineLines(tree) };
};

describe("rules", () => {
  it("numbering schemes: numbers as printed, value paths", () => {
    const { tree } = outline(
      "第一条 定义\n正文。\n第二条 范围\n正文。\n（一）甲\n正文。\n（二）乙\n正文。\n1.1 小节\n正文。\n1.2 小节\n正文。\n(1) 项\n正文。\n① 圈\n正文。\n",
    );
    const flat: SectionNode[] = [];
    const walk = (n: SectionNode) => (flat.push(n), n.children.forEach(walk));
    tree.sections.forEach(walk);
    assert.deepEqual(
      flat.map((n) => [n.number, n.scheme, n.numberPath.join(".")]),
      [
        ["第一条", "article", "1"],
        ["第二条", "article", "2"],
        ["（一）", "cn-paren", "1"],
        ["（二）", "cn-paren", "2"],
        ["1.1", "decimal", "1.1"],
        ["1.2", "decimal", "1.2"],
        ["(1)", "arabic-paren", "1"],
        ["①", "circled", "1"],
      ],
    );
  });

  it("levels come from nesting in this document, not a fixed table", () => {
    // Here 1. is outermost and 一、 nests inside it: the opposite of the usual Chinese order.
    const { lines } = outline(
      "1. 总则\n正文。\n一、目的\n正文。\n二、范围\n正文。\n2. 信息\n正文。\n一、收集\n正文。\n",
    );
    assert.deepEqual(lines, ["1|总则", "  一|目的", "  二|范围", "2|信息", "  一|收集"]);
  });

  it("markdown # counts set levels; bold lines are headings; titles lose markup and trailing colon", () => {
    const { tree, lines } = outline(
      "# Terms\n\n## 1. Scope:\ntext.\n### 1.1. Details\ntext.\n**Definitions**\ntext.\n## 2. Data\ntext.\n",
    );
    // "# Terms" is the document's title line (meta), so the ## headings are the top level.
    assert.deepEqual(lines, ["1|Scope", "  1.1|Details", "    |Definitions", "2|Data"]);
    assert.equal(tree.metadata.title, "Terms");
  });

  it("a TOC run is toc, not sections; the real headings follow", () => {
    const { tree, lines } = outline(
      "本政策将帮助您了解以下内容：\n1. 收集。\n2. 使用。\n3. 联系。\n一、收集\n正文。\n二、使用\n正文。\n三、联系\n正文。\n",
    );
    assert.deepEqual(lines, ["一|收集", "二|使用", "三|联系"]);
    assert.equal(tree.blocks.filter((b) => b.kind === "toc").length, 3);
  });

  it("numbered sentences and introduced lists are paragraphs, not headings", () => {
    const { lines } = outline(
      "一、共享\n我们不会共享，除非：\n1、在获取明确同意的情况下共享：获得您的明确同意后，我们会与其他方共享您的个人信息。\n2、与国家安全有关的；\n二、投诉\n您可以通过以下途径投诉：\n1、联系在线客服\n2、拨打热线\n3、发送邮件\n三、联系\n正文。\n",
    );
    assert.deepEqual(lines, ["一|共享", "二|投诉", "三|联系"]);
  });

  it("parts: 摘要/正文/附一/an appended statement at top level; 第X部分 inside 正文", () => {
    const { lines } = outline(
      "某某隐私政策\n摘要\n一、收集\n正文。\n正文\n第一部分 定义\n正文。\n第二部分 政策\n一、收集\n正文。\n附一：热线\n10086。\n儿童个人信息保护规则\n一、儿童\n正文。\n",
    );
    assert.deepEqual(lines, [
      "[P] |摘要",
      "  一|收集",
      "[P] |正文",
      "  [P] 第一部分|定义",
      "  [P] 第二部分|政策",
      "    一|收集",
      "[P] 附一|热线",
      "[P] |儿童个人信息保护规则",
      "  一|儿童",
    ]);
  });

  it("version-date lists, date lines, front matter and the title line are meta", () => {
    const { tree } = outline(
      "---\ntitle: X\n---\nX\n- 2024年09月25日\n- 2024年09月10日\n本版发布日期:【2022-06-29】\n一、总则\n正文。\n",
    );
    assert.deepEqual(
      tree.blocks.map((b) => b.kind),
      ["meta", "meta", "meta", "meta", "heading", "paragraph"],
    );
    assert.deepEqual(tree.metadata.listedVersionDates, ["2024-09-25", "2024-09-10"]);
  });

  it("a line joined by extraction is cut where the next heading starts", () => {
    const { tree, lines } = outline(
      "目录：\n一、甲\n二、乙\n三、丙 - 一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n",
    );
    assert.deepEqual(lines, ["一|甲", "二|乙", "三|丙"]);
    assert.ok(tree.blocks.some((b) => b.text === "三、丙 - " && b.kind === "toc"));
  });

  it("empty and heading-less texts", () => {
    assert.deepEqual(parseDocument("").sections, []);
    const { tree } = outline("只有一段话。\n");
    assert.deepEqual(tree.preambleBlocks, [0]);
  });
});
