import { test } from "node:test";
import assert from "node:assert/strict";
import { compareDocuments, rebuildTexts } from "../compare/engine.ts";
import { miniParse } from "./testing.ts";

const A = `前言文字。
# 一、我们如何收集信息
我们会收集您的手机号码，用于注册账号。
我们会收集您的设备信息，用于保障您的账号和交易安全。
# 二、我们如何使用Cookie
我们使用Cookie来记住您的偏好设置，并提供个性化服务。
# 三、我们如何保护信息
我们采用加密技术保护您的个人信息安全。
## （一）安全措施
我们建立了数据安全管理制度，对员工进行培训。
`;
const B = `前言文字。
# 一、我们如何收集信息
我们会收集您的设备信息与位置信息，用于保障您的账号和交易安全。
我们会收集您的手机号码，用于注册账号。
# 二、我们如何保护信息
我们采用加密技术保护您的个人信息安全。
## （一）安全措施
我们建立了数据安全管理制度，对员工进行培训。
# 三、我们如何使用Cookie
我们使用Cookie来记住您的偏好设置，并提供个性化服务。
`;

test("small trees: a paragraph moved and edited, renumbered, moved, children aligned", () => {
  const m = compareDocuments(miniParse(A), miniParse(B));
  assert.deepEqual(
    m.sections.map((p) => [p.status, p.old?.number, p.new?.number, p.children.map((c) => c.status)]),
    [
      ["modified", "一、", "一、", []],
      ["renumbered", "三、", "二、", ["unchanged"]],
      ["moved", "二、", "三、", []],
    ],
  );
  assert.deepEqual(
    m.sections[0]!.blocks.map((b) => b.status),
    ["moved", "unchanged"],
  );
  const r = rebuildTexts(m);
  assert.equal(r.old, A);
  assert.equal(r.new, B);
  assert.equal(m.stats.sections.moved, 1);
});
