import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { localAdminToken } from "./local-admin-token.ts";

const dir = mkdtempSync(path.join(tmpdir(), "token-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the first local start creates an owner-only token file; later starts reuse it", () => {
  const file = path.join(dir, ".admin-token");
  const first = localAdminToken(file);
  assert.equal(first.created, true);
  assert.ok(first.token.length >= 16);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(localAdminToken(file), { token: first.token, created: false });
  assert.equal(readFileSync(file, "utf8").trim(), first.token);
});

test("a stored token too short to be accepted is replaced", () => {
  const file = path.join(dir, "short");
  writeFileSync(file, "short\n");
  const r = localAdminToken(file);
  assert.equal(r.created, true);
  assert.notEqual(r.token, "short");
});
