import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import type { Outline } from "./outline.ts";

const root = new URL("../../", import.meta.url).pathname;
const cli = (...args: string[]) =>
  spawnSync("node", ["--import", "tsx", "scripts/policy.ts", "outline", ...args], { cwd: root, encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "outline-"));

describe("policy outline", () => {
  it("--json prints the documented shape", () => {
    const out = execFileSync(
      "node",
      ["--import", "tsx", "scripts/policy.ts", "outline", "data/samples/seeds/003_4ef3114d7113fb2c.txt", "--json"],
      { cwd: root, encoding: "utf8" },
    );
    const json = JSON.parse(out) as Outline;
    assert.deepEqual(Object.keys(json), ["title", "publishedAt", "effectiveAt", "sections"]);
    assert.equal(json.title, "隐私协议");
    assert.equal(json.effectiveAt, "2023-09-05");
    const first = json.sections[0]!;
    assert.deepEqual(Object.keys(first), ["kind", "number", "title", "level", "children"]);
    assert.deepEqual([first.number, first.title, first.level], ["一", "我们如何收集和使用您的个人信息", 1]);
  });
  it("reads GBK HTML and prints an indented outline", () => {
    const file = join(dir, "p.html");
    writeFileSync(
      file,
      iconv.encode(
        "<html><head><meta charset=gbk></head><body><h1>隐私政策</h1><p><b>一、总则</b></p><p>正文。</p><p>（一）范围</p><p>正文。</p></body></html>",
        "gbk",
      ),
    );
    const r = cli(file);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^隐私政策\n.*\n\n一 总则\n {2}（一） 范围\n$/);
  });
  for (const [name, setup, pattern] of [
    ["missing file", () => join(dir, "nope.txt"), /no such file/],
    ["empty file", () => (writeFileSync(join(dir, "e.txt"), ""), join(dir, "e.txt")), /empty/],
    [
      "binary file",
      () => (writeFileSync(join(dir, "b.txt"), Buffer.from("%PDF-1.4\n\u0000\u0001")), join(dir, "b.txt")),
      /PDF file, not text/,
    ],
    ["a folder", () => dir, /folder/],
  ] as const) {
    it(`${name}: one clear line, non-zero exit, no stack`, () => {
      const r = cli(setup());
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, pattern);
      assert.equal(
        r.stderr
          .trim()
          .split("\n")
          .filter((l) => !l.startsWith("npm warn")).length,
        1,
      );
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }
});
