import assert from "node:assert/strict";
import { test } from "node:test";
import { localPath, localPathSchema } from "./redirect.ts";

test("same-site paths pass, normalised", () => {
  assert.equal(localPath("/"), "/");
  assert.equal(localPath("/p/zh-douban-privacy?added=2024-01-01#top"), "/p/zh-douban-privacy?added=2024-01-01#top");
  assert.equal(localPath("/p/./x/../y"), "/p/y");
  assert.equal(localPathSchema.parse("/signin"), "/signin");
});

test("anything that can leave the site is refused", () => {
  for (const bad of [
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r/evil.com",
    "\t//evil.com",
    "/\u0000/evil.com",
    "/\u0085/evil.com",
    "//evil.com",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "https://evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
    " /x",
    null,
    undefined,
    42,
    ["/x"],
  ]) {
    assert.equal(localPath(bad), null, JSON.stringify(bad));
  }
  assert.equal(localPathSchema.safeParse("/\t/evil.com").success, false);
});
