import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { contentHash, ingestBytes, ingestFile, ingestText, IngestError } from "./index.ts";

const seed = (name: string) => readFileSync(new URL(`../../data/samples/seeds/${name}`, import.meta.url), "utf8");
const SEED_003 = seed("003_4ef3114d7113fb2c.txt");
const SEED_000 = seed("000_ebd95ca57e37e1f5.txt");

function refused(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof IngestError && e.code === code && e.message.length > 10);
}

describe("encodings", () => {
  // Seed 003 has full-width punctuation and CJK; seed 000 has both ASCII and CJK punctuation.
  for (const [name, text] of [
    ["003", SEED_003],
    ["000", SEED_000],
  ] as const) {
    it(`GBK bytes of seed ${name} decode exactly`, () => {
      // GBK has no NBSP (seed 003 holds some): the GBK version of the text uses plain spaces.
      const gbkText = text.replace(/\u00a0/g, " ");
      assert.equal(iconv.decode(iconv.encode(gbkText, "gbk"), "gbk"), gbkText);
      const r = ingestBytes(iconv.encode(gbkText, "gbk"), { fileName: "p.txt" });
      assert.equal(r.encoding, "gb18030");
      assert.equal(r.text, gbkText);
      assert.deepEqual(r.warnings, [{ code: "decoded_as", encoding: "GB18030" }]);
    });
    it(`GB18030 bytes of seed ${name} decode exactly`, () => {
      assert.equal(ingestBytes(iconv.encode(text, "gb18030")).text, text);
    });
    for (const enc of ["utf16le", "utf16be"] as const) {
      it(`${enc} with BOM of seed ${name} decodes exactly`, () => {
        const bytes = iconv.encode(text, enc, { addBOM: true });
        const r = ingestBytes(bytes);
        assert.equal(r.encoding, enc === "utf16le" ? "utf-16le" : "utf-16be");
        assert.equal(r.text, text);
      });
      it(`${enc} without BOM of seed ${name} decodes exactly`, () => {
        const r = ingestBytes(iconv.encode(text, enc));
        assert.equal(r.text, text);
        assert.equal(r.encoding, enc === "utf16le" ? "utf-16le" : "utf-16be");
      });
    }
  }
  it("UTF-16 without BOM made only of CJK (no NUL bytes) decodes", () => {
    const text = "隐私政策我们如何收集和使用您的个人信息".repeat(20);
    assert.equal(ingestBytes(iconv.encode(text, "utf16le")).text, text);
  });
  it("UTF-8 with BOM: BOM removed, CRLF becomes LF", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("隐私政策\r\n第一条 总则\r\n")]);
    const r = ingestBytes(bytes);
    assert.equal(r.encoding, "utf-8");
    assert.equal(r.text, "隐私政策\n第一条 总则\n");
  });
  it("a declared charset is used when it fits", () => {
    const html = `<html><head><meta charset="gbk"><title>t</title></head><body><p>隐私政策</p></body></html>`;
    const r = ingestBytes(iconv.encode(html, "gbk"), { fileName: "a.html" });
    assert.equal(r.text, "隐私政策\n");
  });
});

describe("refusals", () => {
  it("empty bytes, whitespace-only text", () => {
    refused(() => ingestBytes(new Uint8Array()), "empty");
    refused(() => ingestBytes(Buffer.from(" \n\t\u3000\n")), "empty");
    refused(() => ingestText(""), "empty");
    refused(() => ingestText("<html><body><script>x()</script></body></html>", { format: "html" }), "empty");
  });
  it("binary: PDF, PNG, ZIP that is not docx, NULs, control characters", () => {
    refused(() => ingestBytes(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj")), "binary");
    refused(() => ingestBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), "binary");
    refused(() => ingestBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), { fileName: "a.zip" }), "binary");
    refused(() => ingestBytes(Buffer.from([1, 2, 3, 0, 0, 7, 0, 200, 0, 0, 4, 9, 0, 0, 0, 1])), "binary");
    refused(() => ingestBytes(Buffer.from("abc\u0001\u0002\u0003\u0004def\u0005\u0006\u0007\u0008ghi")), "binary");
    refused(() => ingestText("abc\u0000def"), "binary");
  });
  it("too large, with the caller's limit and the 5 MB default", () => {
    refused(() => ingestBytes(Buffer.from("隐私政策".repeat(100)), { maxBytes: 100 }), "too-large");
    refused(() => ingestText("a".repeat(5 * 1024 * 1024 + 1)), "too-large");
  });
  it("a .docx through the synchronous path says to use ingestFile", () => {
    refused(
      () => ingestBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), { fileName: "a.docx" }),
      "unsupported",
    );
  });
  it("a broken .docx is refused by ingestFile", async () => {
    await assert.rejects(
      ingestFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), { fileName: "a.docx" }),
      (e: unknown) => e instanceof IngestError && e.code === "unsupported",
    );
  });
});

describe("HTML", () => {
  it("hostile markup comes out as inert text", () => {
    const html = `<html><head><script>alert(1)</script><style>p{}</style></head><body>
      <h1>隐私政策</h1>
      <p>安全<img src=x onerror="alert(2)">文本</p>
      <p><a href="javascript:alert(3)">点击这里</a> 和 <a href="https://example.com" onclick="alert(4)">链接</a></p>
      <iframe src="https://evil.example"></iframe>
      <svg onload="alert(5)"><text>svg text</text></svg>
      <noscript><img src=x></noscript><template><p>hidden</p></template>
      <p>文字 &lt;script&gt;alert(6)&lt;/script&gt; 作为文本</p>
      <script>document.write("<p>injected</p>")</script>
    </body></html>`;
    const r = ingestText(html, { format: "html" });
    assert.equal(r.format, "html");
    assert.doesNotMatch(
      r.text,
      /alert\((1|2|3|4|5)\)|onerror|onload|onclick|javascript:|<img|<iframe|<svg|svg text|hidden|injected|evil/,
    );
    assert.match(r.text, /^# 隐私政策\n安全文本\n点击这里 和 链接\n/);
    // An escaped tag in the page's own text stays text (it is what the page shows); no element is left.
    assert.match(r.text, /文字 <script>alert\(6\)<\/script> 作为文本/);
    assert.doesNotMatch(r.text.replace("<script>alert(6)</script>", ""), /<[a-z!/]/i);
  });

  it("Word HTML noise is gone", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
      <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
      <style>p.MsoNormal {mso-style-parent:""; margin:0cm}</style></head><body>
      <p class=MsoNormal style='mso-pagination:widow-orphan'><b><span style='mso-bidi-font-size:10.5pt'>第一条 总则<o:p></o:p></span></b></p>
      <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>我们会收集您的信息。<o:p>&nbsp;</o:p></span></p>
      <p class=MsoNormal><span style='mso-spacerun:yes'>&nbsp;&nbsp;&nbsp; </span>正文&nbsp;&nbsp;&nbsp;&nbsp;内容<o:p>&nbsp;</o:p></p>
      <p class=MsoNormal><span style='display:none;mso-hide:all'>隐藏</span>可见</p>
      <p class=MsoNormal><o:p>&nbsp;</o:p></p>
    </body></html>`;
    const r = ingestText(html, { format: "html" });
    assert.equal(r.text, "**第一条 总则**\n1. 我们会收集您的信息。\n正文 内容\n可见\n");
    assert.doesNotMatch(r.text, /mso|o:p|\u00a0|Print|<|隐藏/);
  });

  it("keeps block structure: headings, lists, table rows, <br>", () => {
    const html = `<body><h2>一、我们如何收集信息</h2><div>第一段<br>第二行</div>
      <ul><li>甲</li><li>乙</li></ul><ol start="3"><li>丙</li><li>丁</li></ol>
      <table><tr><th>类别</th><th>用途</th></tr><tr><td>手机号</td><td><p>注册</p><p>登录</p></td></tr></table>
      <p>中文
      换行</p><p>Latin
      words</p></body>`;
    assert.equal(
      ingestText(html, { format: "html" }).text,
      "## 一、我们如何收集信息\n第一段\n第二行\n- 甲\n- 乙\n3. 丙\n4. 丁\n类别\t用途\n手机号\t注册 登录\n中文换行\nLatin words\n",
    );
  });

  it("HTML is recognised by file name, content type or content", () => {
    const html = "<html><body><p>隐私政策</p><p>第一条</p></body></html>";
    assert.equal(ingestBytes(Buffer.from(html), { fileName: "x.htm" }).format, "html");
    assert.equal(ingestBytes(Buffer.from(html), { contentType: "text/html; charset=utf-8" }).format, "html");
    assert.equal(ingestBytes(Buffer.from(html)).format, "html");
    assert.equal(ingestText(html).text, "隐私政策\n第一条\n");
    assert.equal(ingestBytes(Buffer.from(html), { fileName: "x.txt" }).format, "text");
  });

  it("site navigation is dropped; a table row with one bold cell is a bold line", () => {
    const html =
      "<html><body><nav><a href='/'>Home</a> <a href='/help'>Help</a></nav><table><tr><td><p><b>第三章 联系我们</b></p></td><td></td></tr><tr><td>邮箱</td><td>a@b.example</td></tr></table></body></html>";
    assert.equal(ingestText(html).text, "**第三章 联系我们**\n邮箱\ta@b.example\n");
  });

  it("20k nested elements: unwrapped, no stack overflow, text kept in order", () => {
    const html = `<html><body>${"<div><span>".repeat(20_000)}深<p>浅</p>后${"</span></div>".repeat(20_000)}</body></html>`;
    assert.equal(ingestText(html).text, "深\n浅\n后\n");
  });

  it("the page <title> is the title when the text has none", () => {
    const r = ingestText("<html><head><title>Privacy Policy</title></head><body><p>We collect data.</p></body></html>");
    assert.equal(r.metadata.title, "Privacy Policy");
  });
});

describe("front matter and hashes", () => {
  it("front matter becomes metadata fields and stays in the text", () => {
    const text = "---\ntitle: 某某隐私政策 2022-01-01\ndate: 2022-06-19T16:02:58.258+08:00\n---\n\n正文第一段。\n";
    const r = ingestText(text, { fileName: "a.md" });
    assert.equal(r.text, text);
    assert.equal(r.format, "markdown");
    assert.equal(r.metadata.fields["title"], "某某隐私政策 2022-01-01");
    assert.equal(r.metadata.title, "某某隐私政策");
    assert.equal(r.metadata.publishedAt, null); // the archive's edit date is not the policy's date
  });
  it("contentHash ignores width, NBSP and whitespace runs, not wording", () => {
    assert.equal(contentHash("第一条：个人信息（1）"), contentHash("第一条:个人信息(1)"));
    assert.equal(contentHash("a\u00a0 b"), contentHash("a b"));
    assert.notEqual(contentHash("我们收集"), contentHash("我们不收集"));
    assert.match(contentHash("x"), /^[0-9a-f]{64}$/);
  });
});
