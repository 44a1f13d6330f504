/**
 * The passes of findHeadings (headings.ts), each on a few tiny inputs. Inputs are lines joined with "\n";
 * results are rendered as readable strings: the lines a pass marked, or the heading outline
 * ("一 引言", "  （一） 范围": two spaces per level below the first).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitUnits } from "./blocks.ts";
import {
  assignLevels,
  classifyLines,
  dropIntroducedLists,
  findHeadings,
  findMixedTocRuns,
  findPlainHeadings,
  findTocRuns,
  headingRecords,
  headingTitles,
  markPartRanks,
  readLines,
  type LineRecord,
} from "./headings.ts";

const doc = (...lines: string[]) => splitUnits(lines.join("\n") + "\n", []);

/** Every pass up to (not including) the named one. */
function linesBefore(
  pass: "markPartRanks" | "classifyLines" | "findPlainHeadings" | "toc" | "assignLevels",
  ...text: string[]
): LineRecord[] {
  const lines = readLines(doc(...text));
  if (pass === "markPartRanks") return lines;
  markPartRanks(lines);
  if (pass === "classifyLines") return lines;
  classifyLines(lines);
  if (pass === "findPlainHeadings") return lines;
  findPlainHeadings(lines);
  if (pass === "toc") return lines;
  const titles = headingTitles(lines);
  findTocRuns(lines, titles);
  dropIntroducedLists(lines);
  findMixedTocRuns(lines, titles);
  return lines;
}

/** The text of the lines where `flag` holds. */
const where = (lines: LineRecord[], flag: (l: LineRecord) => boolean) =>
  lines.filter((l) => l.reading !== null && flag(l)).map((l) => l.unit.line);

/** The heading outline findHeadings gives: "number title", indented two spaces per level. */
function outline(...text: string[]): string[] {
  return findHeadings(doc(...text)).map(
    (h) => `${"  ".repeat(h.level - 1)}${[h.reading.number, h.reading.title].filter(Boolean).join(" ")}`,
  );
}

describe("readLines: per-line facts", () => {
  it("reads number and title, heading shape and script; blank lines have no reading", () => {
    const [heading, blank, body, english] = readLines(
      doc("一、引言", "", "本政策说明我们如何处理您的个人信息。", "Sharing Your Data"),
    );
    assert.deepEqual(
      { number: heading!.reading!.number, title: heading!.reading!.title, shaped: heading!.shaped },
      { number: "一", title: "引言", shaped: true },
    );
    assert.equal(blank!.reading, null);
    assert.equal(body!.shaped, false, "a sentence is not heading-shaped");
    assert.deepEqual([heading!.latin, english!.latin], [false, true]);
  });

  it("reads a part line with its 附一-style number", () => {
    const [line] = readLines(doc("附一 儿童隐私声明"));
    assert.deepEqual([line!.part!.number, line!.part!.title], ["附一", "儿童隐私声明"]);
  });
});

describe("markPartRanks", () => {
  it("an unnumbered markdown heading at a part's # level becomes a part", () => {
    const lines = linesBefore("markPartRanks", "## 儿童隐私政策", "正文。", "## 历史版本", "旧版本。", "### 说明");
    assert.deepEqual(
      where(lines, (l) => l.part !== null),
      ["## 儿童隐私政策"],
    );
    markPartRanks(lines);
    assert.deepEqual(
      where(lines, (l) => l.part !== null),
      ["## 儿童隐私政策", "## 历史版本"],
    );
  });

  it("changes nothing without a markdown part", () => {
    const lines = linesBefore("markPartRanks", "## 引言", "正文。", "## 历史版本");
    markPartRanks(lines);
    assert.deepEqual(
      where(lines, (l) => l.part !== null),
      [],
    );
  });
});

describe("classifyLines", () => {
  const flags = (l: LineRecord) =>
    [
      l.candidate && "candidate",
      l.weak && "weak",
      l.law && "law",
      l.runIn && `runIn(${l.runIn.title} | ${l.runIn.body})`,
      l.plain && "plain",
    ]
      .filter(Boolean)
      .join(" ");

  it("strong, weak, law-style, run-in and plain shapes", () => {
    const lines = linesBefore(
      "classifyLines",
      "二、我们如何使用信息",
      "（三）安全保护措施。",
      "第一条 为了保护个人信息权益，制定本法。",
      "2. Sharing. We share data with partners.",
      "引言",
      "我们会采取合理措施保护您的信息。",
    );
    classifyLines(lines);
    assert.deepEqual(lines.map(flags), [
      "candidate",
      "weak",
      "candidate law",
      "candidate runIn(Sharing | We share data with partners.)",
      "plain",
      "",
    ]);
  });
});

describe("findPlainHeadings", () => {
  it("a plain line between a finished sentence and body is a heading when it is a preface word", () => {
    const lines = linesBefore(
      "findPlainHeadings",
      "本政策适用于本产品。",
      "引言",
      "本政策说明我们如何处理您的个人信息。",
    );
    findPlainHeadings(lines);
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      ["引言"],
    );
  });

  it("two of them keep each other company; one alone stays body", () => {
    const two = ["信息的收集", "我们会收集您主动提供的信息。", "信息的使用", "我们会将信息用于提供服务。"];
    const lines = linesBefore("findPlainHeadings", ...two);
    findPlainHeadings(lines);
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      ["信息的收集", "信息的使用"],
    );
    const alone = linesBefore("findPlainHeadings", ...two.slice(0, 2));
    findPlainHeadings(alone);
    assert.deepEqual(
      where(alone, (l) => l.candidate),
      [],
    );
  });

  it("items after a colon are not plain headings (no body follows them)", () => {
    const lines = linesBefore("findPlainHeadings", "您可以通过以下途径联系我们：", "联系客服", "拨打热线");
    findPlainHeadings(lines);
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      [],
    );
  });
});

describe("findTocRuns", () => {
  const body = ["一、引言", "本政策说明…。", "二、收集", "我们收集…。", "三、使用", "我们使用…。"];

  it("a run whose titles reappear later as headings is a TOC", () => {
    const lines = linesBefore("toc", "一、引言", "二、收集", "三、使用", "", ...body);
    findTocRuns(lines, headingTitles(lines));
    assert.deepEqual(
      lines.filter((l) => l.toc).map((l) => `${l.index}:${l.unit.line}`),
      ["0:一、引言", "1:二、收集", "2:三、使用"],
    );
  });

  it("a run after a 目录 line is a TOC even if its titles do not come back", () => {
    const lines = linesBefore("toc", "目录", "一、引言", "二、收集", "三、使用");
    findTocRuns(lines, headingTitles(lines));
    assert.deepEqual(
      where(lines, (l) => l.toc),
      ["一、引言", "二、收集", "三、使用"],
    );
  });

  it("a run of headings with body between them, or too short, is not a TOC", () => {
    const lines = linesBefore("toc", "一、引言", "二、收集", "", ...body);
    findTocRuns(lines, headingTitles(lines));
    assert.deepEqual(
      where(lines, (l) => l.toc),
      [],
    );
  });
});

describe("dropIntroducedLists", () => {
  it("a list introduced by 以下途径： is not headings", () => {
    const lines = linesBefore("toc", "您可以通过以下途径联系我们：", "1、联系客服", "2、拨打热线");
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      ["1、联系客服", "2、拨打热线"],
    );
    dropIntroducedLists(lines);
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      [],
    );
  });

  it("the same run after a finished sentence stays headings", () => {
    const lines = linesBefore("toc", "我们重视您的隐私。", "1、联系客服", "2、拨打热线");
    dropIntroducedLists(lines);
    assert.deepEqual(
      where(lines, (l) => l.candidate),
      ["1、联系客服", "2、拨打热线"],
    );
  });
});

describe("findMixedTocRuns", () => {
  it("a contents list mixing 章 and 节 whose titles come back is a TOC", () => {
    const lines = linesBefore(
      "toc",
      "第一章 总则",
      "第一节 定义",
      "第二节 范围",
      "第二章 附则",
      "本法全文如下。",
      "第一章 总则",
      "第一节 定义",
      "本法所称个人信息，是指以电子方式记录的各种信息。",
      "第二节 范围",
      "本法适用于境内的个人信息处理活动。",
      "第二章 附则",
      "本法自公布之日起施行。",
    );
    const titles = headingTitles(lines);
    findTocRuns(lines, titles);
    assert.deepEqual(
      where(lines, (l) => l.toc),
      [],
      "no single-scheme run of three",
    );
    findMixedTocRuns(lines, titles);
    assert.deepEqual(
      lines.filter((l) => l.toc).map((l) => l.index),
      [0, 1, 2, 3],
    );
  });
});

describe("assignLevels and headingRecords", () => {
  it("levels from scheme nesting: 一、 -> （一） -> 1.", () => {
    assert.deepEqual(
      outline(
        "一、引言",
        "本政策说明…。",
        "（一）范围",
        "本政策适用于…。",
        "1. 定义",
        "本政策所称…。",
        "（二）更新",
        "我们可能更新本政策。",
        "二、收集",
        "我们收集…。",
      ),
      ["一 引言", "  （一） 范围", "    1 定义", "  （二） 更新", "二 收集"],
    );
  });

  it("a numbered paragraph filling a gap 1, [2. sentence], 3 is promoted", () => {
    const text = [
      "1. 定义",
      "本政策所称个人信息…。",
      "2. 在以下情形中，我们会共享您的信息，并事先征得您的同意。",
      "3. 范围",
      "本政策适用于本产品。",
    ];
    const lines = linesBefore("assignLevels", ...text);
    assert.deepEqual(
      where(lines, (l) => l.candidate || l.weak),
      ["1. 定义", "3. 范围"],
    );
    const placed = assignLevels(lines);
    assert.deepEqual(
      where(lines, (l) => l.promoted),
      [text[2]],
    );
    assert.deepEqual(
      placed.map((p) => `${p.level} ${p.reading.number}`),
      ["1 1", "1 2", "1 3"],
    );
    assert.deepEqual(outline(...text), ["1 定义", "2", "3 范围"], "the sentence is the promoted section's body");
  });

  it("without the 3 the sentence stays a paragraph", () => {
    assert.deepEqual(
      outline("1. 定义", "本政策所称个人信息…。", "2. 在以下情形中，我们会共享您的信息，并事先征得您的同意。"),
      ["1 定义"],
    );
  });

  it("numbered paragraphs under （一） are promoted when （二） continues past headings of another scheme", () => {
    assert.deepEqual(
      outline(
        "（一）我们在以下情形中收集您的个人信息，并遵守相关法律法规的规定。",
        "1. 注册",
        "您注册时提供手机号。",
        "2. 登录",
        "您登录时提供密码。",
        "（二）使用",
        "我们使用…。",
      ),
      ["（一）", "  1 注册", "  2 登录", "（二） 使用"],
    );
  });

  it("headingRecords: a law-style clause and a run-in title keep their text as inline body", () => {
    const lines = linesBefore(
      "assignLevels",
      "第一条 为了保护个人信息权益，制定本法。",
      "第二条【定义】本法所称个人信息是指各种信息。",
      "第三条 适用范围",
    );
    const records = headingRecords(assignLevels(lines)).map((h) => [h.reading.number, h.reading.title, h.inlineBody]);
    assert.deepEqual(records, [
      ["第一条", "", "为了保护个人信息权益，制定本法。"],
      ["第二条", "定义", "本法所称个人信息是指各种信息。"],
      ["第三条", "适用范围", null],
    ]);
  });
});

describe("findHeadings", () => {
  it("marks unit kinds: toc lines, headings, the rest untouched", () => {
    const units = doc(
      "一、引言",
      "二、收集",
      "三、使用",
      "",
      "一、引言",
      "正文。",
      "二、收集",
      "正文。",
      "三、使用",
      "正文。",
    );
    findHeadings(units);
    assert.deepEqual(
      units.map((u) => u.kind),
      ["toc", "toc", "toc", "blank", "heading", "paragraph", "heading", "paragraph", "heading", "paragraph"],
    );
  });
});
