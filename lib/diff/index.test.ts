import { test } from "node:test";
import assert from "node:assert/strict";
import { diffBlockTexts, renderSegments } from "./index.ts";
import type { IgnoreOption } from "./types.ts";

const show = (a: string, b: string, ignore: IgnoreOption[] = []) => renderSegments(diffBlockTexts(a, b, { ignore }));

test("Latin words", () => {
  assert.equal(show("New Value End", "New Data End"), "New <del>Value</del><ins>Data</ins> End");
});

test("Chinese words; a longer replaced run is refined to characters", () => {
  assert.equal(
    show("我们会收集您的个人信息。", "我们会收集您的个人敏感信息。"),
    "我们会收集您的个人<ins>敏感</ins>信息。",
  );
  assert.equal(
    show("我们会收集您的信息。", "我们将收取您的信息。"),
    "我们<del>会收集</del><ins>将收取</ins>您的信息。",
  );
});

test("short equal runs between changes are absorbed into one phrase", () => {
  assert.equal(
    show("我们会在必要时向第三方提供您的信息", "平台将在法律允许的范围内向第三方提供您的信息"),
    "<del>我们会在必要时向</del><ins>平台将在法律允许的范围内向</ins>第三方提供您的信息",
  );
});

test("an insertion slides to clause boundaries", () => {
  assert.equal(show("收集您的设备信息", "收集您的个人信息、您的设备信息"), "收集<ins>您的个人信息、</ins>您的设备信息");
});

test("width: shown as a change unless ignored", () => {
  assert.equal(
    show("（一）收集信息，", "(一)收集信息,"),
    "<del>（一）</del><ins>(一)</ins>收集信息<del>，</del><ins>,</ins>",
  );
  const segs = diffBlockTexts("（一）收集信息，", "(一)收集信息,", { ignore: ["width"] });
  assert.deepEqual(segs, [{ op: "equal", old: "（一）收集信息，", new: "(一)收集信息,", oldStart: 0, newStart: 0 }]);
});

test("numbering: a heading number is one token, equal when ignored", () => {
  assert.equal(show("一、我们如何收集", "三、我们如何收集"), "<del>一、</del><ins>三、</ins>我们如何收集");
  assert.equal(show("一、我们如何收集", "三、我们如何收集", ["numbering"]), "三、我们如何收集");
  assert.equal(show("（二）Cookie", "（十二）Cookie", ["numbering"]), "（十二）Cookie");
});

test("whitespace: shown unless ignored", () => {
  assert.equal(show("我们 收集 信息", "我们收集信息"), "我们<del> </del>收集<del> </del>信息");
  assert.equal(show("我们 收集 信息", "我们收集信息", ["whitespace"]), "我们收集信息");
  assert.equal(show("a  b\u3000c\n", "a b c\n", ["whitespace"]), "a b c\n");
});

test("offsets are absolute and segments rebuild both texts", () => {
  const a = "第一条 我们收集您的手机号码与设备信息。";
  const b = "第一条 我们仅收集您的手机号码。";
  const segs = diffBlockTexts(a, b, { oldBase: 100, newBase: 200 });
  let oldText = "";
  let newText = "";
  for (const s of segs) {
    if (s.op !== "insert") {
      assert.equal(s.oldStart, 100 + oldText.length);
      oldText += s.old;
    }
    if (s.op !== "delete") {
      assert.equal(s.newStart, 200 + newText.length);
      newText += s.new;
    }
  }
  assert.equal(oldText, a);
  assert.equal(newText, b);
});
