import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { extractMetadata, isDateLine, parseDate, scanMetadata, titleWithoutDate } from "./metadata.ts";

const read = (path: string) => readFileSync(new URL(`../../data/samples/${path}`, import.meta.url), "utf8");

/**
 * Checked by hand against each file (grep the date lines): what the text itself states.
 * 004 states its dates only at the end ("本协议更新日期为20240229日,将于20240229日生效。", line 775);
 * 002's 生效日期 2019.01.27 belongs to the appended children's statement, not the policy, and is far
 * from the top: no effective date. BeReal 2026-04-21 says "Last updated: January 2026" (no day): null.
 */
const EXPECTED: Record<
  string,
  { title: string; publishedAt: string | null; effectiveAt: string | null; listed?: string[] | number }
> = {
  "seeds/000_ebd95ca57e37e1f5.txt": {
    title: "咪咕云书店隐私政策",
    publishedAt: "2022-06-29",
    effectiveAt: "2022-06-29",
    listed: 28,
  },
  "seeds/001_027d5199da357187.txt": {
    title: "咪咕隐私权政策",
    publishedAt: "2021-12-29",
    effectiveAt: "2021-12-29",
    listed: ["2021-12-29"],
  },
  "seeds/002_f728df5d3083a661.txt": { title: "隐私权政策", publishedAt: "2022-07-11", effectiveAt: null },
  "seeds/003_4ef3114d7113fb2c.txt": { title: "隐私协议", publishedAt: "2023-09-05", effectiveAt: "2023-09-05" },
  "seeds/004_8cf391e277f1a318.txt": { title: "Miitee隐私政策", publishedAt: "2024-02-29", effectiveAt: "2024-02-29" },
  "en-bereal-privacy/2026-04-21_e35e091b.txt": { title: "Privacy Policy", publishedAt: null, effectiveAt: null },
  "en-bereal-privacy/2026-05-29_eef546d1.txt": {
    title: "Privacy Policy",
    publishedAt: "2026-05-13",
    effectiveAt: null,
  },
  "en-bereal-privacy/2026-07-07_a2d152d9.txt": {
    title: "Privacy Policy",
    publishedAt: "2026-06-30",
    effectiveAt: null,
  },
  "zh-douban-privacy/2022-02-11.txt": { title: "豆瓣个人信息保护政策", publishedAt: "2022-02-11", effectiveAt: null },
  "zh-douban-privacy/2022-04-26_index.txt": {
    title: "豆瓣个人信息保护政策",
    publishedAt: "2022-04-26",
    effectiveAt: null,
  },
  "zh-xuexiqiangguo-privacy/2020-06-17.txt": {
    title: "学习强国隐私权政策",
    publishedAt: "2020-06-10",
    effectiveAt: "2020-06-17",
  },
  "zh-xuexiqiangguo-privacy/2020-10-03.txt": {
    title: "学习强国隐私权政策",
    publishedAt: "2020-09-26",
    effectiveAt: "2020-10-03",
  },
  "zh-xuexiqiangguo-privacy/2021-03-03.txt": {
    title: "学习强国隐私权政策",
    publishedAt: "2021-02-25",
    effectiveAt: "2021-03-03",
  },
  "zh-xuexiqiangguo-privacy/2021-09-01.txt": {
    title: "学习强国隐私权政策",
    publishedAt: "2021-08-25",
    effectiveAt: "2021-09-01",
  },
  "zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt": {
    title: "学习强国隐私权政策",
    publishedAt: "2021-12-23",
    effectiveAt: "2021-12-30",
  },
};

describe("metadata of every seed and sample", () => {
  for (const [path, want] of Object.entries(EXPECTED)) {
    it(path, () => {
      const m = extractMetadata(read(path));
      assert.equal(m.title, want.title);
      assert.equal(m.publishedAt, want.publishedAt);
      assert.equal(m.effectiveAt, want.effectiveAt);
      if (typeof want.listed === "number") assert.equal(m.listedVersionDates.length, want.listed);
      else assert.deepEqual(m.listedVersionDates, want.listed ?? []);
    });
  }

  it("000's 28 listed dates, in the order given", () => {
    const dates = extractMetadata(read("seeds/000_ebd95ca57e37e1f5.txt")).listedVersionDates;
    assert.equal(dates[0], "2024-09-25");
    assert.equal(dates[23], "2022-06-29");
    assert.equal(dates[27], "2021-12-21");
  });

  it("archive metadata blocks (both syntaxes) and front matter become fields", () => {
    const xuexi = scanMetadata(read("zh-xuexiqiangguo-privacy/2021-12-30_index-latest.txt"));
    assert.equal(xuexi.metadata.fields["生效日期"], "2021-12-30");
    assert.equal(xuexi.metadata.fields["备注"], "目前最新版");
    assert.equal(xuexi.metadata.fields["editor"], "markdown");
    assert.deepEqual(
      xuexi.regions.map((r) => r.kind),
      ["front-matter", "archive-block"],
    );
    const douban = extractMetadata(read("zh-douban-privacy/2022-02-11.txt"));
    assert.equal(douban.fields["更新日期"], "2022年2月11日");
    assert.equal(
      douban.fields["url"],
      "https://web.archive.org/web/20220429081431/https://www.douban.com/about/privacy?page=2022-02-11",
    );
  });
});

describe("date patterns", () => {
  const cases: [string, string | null, string | null][] = [
    ["本版发布日期:【2022-06-29】\n生效日期:【2022-06-30】", "2022-06-29", "2022-06-30"],
    ["发布日期:2022.07.11", "2022-07-11", null],
    ["发布时间:2023年9月5日\n\n生效时间:2023年9月6日", "2023-09-05", "2023-09-06"],
    ["更新日期：2021年 02月 25日", "2021-02-25", null],
    ["最近更新：２０２２年１２月３日", "2022-12-03", null],
    ["更新时间 2024/1/5", "2024-01-05", null],
    ["版本日期：2020-01-01", "2020-01-01", null],
    ["本政策自2023年10月1日起生效。", null, "2023-10-01"],
    ["2022年4月26日更新 [查看历史版本](x)", "2022-04-26", null],
    ["Last updated: May 13, 2026", "2026-05-13", null],
    ["**Last updated: January 2026**", null, null],
    ["Effective date: 1 March 2025", null, "2025-03-01"],
    ["Last modified on Sept. 3rd, 2024. Effective as of October 1, 2024.", "2024-09-03", "2024-10-01"],
    ["更新日期：2022年2月30日", null, null], // not a calendar date
    ["我们会在2022年2月3日之后删除。", null, null], // unlabelled dates are not the document's
  ];
  for (const [text, published, effective] of cases) {
    it(JSON.stringify(text), () => {
      const m = extractMetadata(`标题\n${text}\n正文。`);
      assert.equal(m.publishedAt, published);
      assert.equal(m.effectiveAt, effective);
    });
  }
  it("parseDate and isDateLine", () => {
    assert.equal(parseDate("2024年09月25日"), "2024-09-25");
    assert.equal(parseDate("20240229日"), "2024-02-29");
    assert.equal(parseDate("June 2026"), null);
    assert.ok(isDateLine("生效日期:【2022-06-29】"));
    assert.ok(isDateLine("**Last updated: January 2026**"));
    assert.ok(!isDateLine("我们在2022年1月1日更新了本政策的第三条内容，请您仔细阅读。"));
    assert.ok(isDateLine("版本生效日期：2025年2月8日"));
  });

  it("版本更新日期 / 版本生效日期; lone CR line breaks", () => {
    const m = extractMetadata("云朵相册隐私政策\r版本更新日期：2025年2月1日\r版本生效日期：2025年2月8日\r正文。\r");
    assert.deepEqual([m.title, m.publishedAt, m.effectiveAt], ["云朵相册隐私政策", "2025-02-01", "2025-02-08"]);
  });
});

describe("titleWithoutDate", () => {
  it("drops the date an archive appended to a title, keeps a title that is more than a date", () => {
    assert.equal(titleWithoutDate("学习强国隐私权政策 2020-06-17"), "学习强国隐私权政策");
    assert.equal(titleWithoutDate("豆瓣个人信息保护政策（2022年4月26日）"), "豆瓣个人信息保护政策");
    assert.equal(titleWithoutDate("Privacy Policy"), "Privacy Policy");
    assert.equal(titleWithoutDate("2020-06-17"), "");
  });
});
