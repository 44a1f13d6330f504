import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { buildIsCurrent, sourceStamp, writeStamp } from "./build-stamp.ts";

const root = mkdtempSync(path.join(tmpdir(), "stamp-"));
after(() => rmSync(root, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

test("the stamp changes with a source's content or name, not with files the build does not read", () => {
  write("app/page.tsx", "a");
  write("package-lock.json", "{}");
  const first = sourceStamp(root);
  write("README.md", "docs");
  write("app/.hidden", "x");
  assert.equal(sourceStamp(root), first);
  write("app/page.tsx", "b");
  const second = sourceStamp(root);
  assert.notEqual(second, first);
  rmSync(path.join(root, "app/page.tsx"));
  write("app/other.tsx", "b");
  assert.notEqual(sourceStamp(root), second);
});

test("a build is current only when it is finished and stamped with the same sources", () => {
  const dist = path.join(root, ".next-test");
  mkdirSync(dist, { recursive: true });
  const stamp = sourceStamp(root);
  assert.equal(buildIsCurrent(dist, stamp), false);
  writeStamp(dist, stamp);
  assert.equal(buildIsCurrent(dist, stamp), false, "no BUILD_ID: the build did not finish");
  writeFileSync(path.join(dist, "BUILD_ID"), "x");
  assert.equal(buildIsCurrent(dist, stamp), true);
  assert.equal(buildIsCurrent(dist, "other"), false);
});
