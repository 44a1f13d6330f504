import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { freshTestDb, holdWriteLock, type TestDb } from "../../lib/data/test-db.ts";
import { upsertPolicy } from "../../lib/data/writes.ts";
import { getPolicy } from "../../lib/data/reads.ts";
import { readFileCapped, runImport } from "./import.ts";
import { CliError } from "./errors.ts";

let t: TestDb;
const dir = path.resolve(".tmp", `cli-import-${process.pid}`);
const samples = path.resolve("data/samples");

before(async () => {
  t = await freshTestDb("cli-import");
  await upsertPolicy({ slug: "zh-douban-privacy", name: "豆瓣" }, t.client);
  await upsertPolicy({ slug: "en-bereal-privacy", name: "BeReal" }, t.client);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});
after(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, { client: t.client, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("a folder: one version per file, dates from the text or the file name", async () => {
  const r = await cli(["--policy", "en-bereal-privacy", path.join(samples, "en-bereal-privacy")]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /3 added, 0 skipped as duplicates, 0 refused/);
  const p = await getPolicy("en-bereal-privacy", t.client);
  assert.equal(p?.versionCount, 3);
});

test("files: added, skipped as duplicate (naming the match), refused with the reason; exit 1", async () => {
  const gbk = path.join(dir, "2022-04-26.txt"); // the same text as the sample, encoded as GBK
  writeFileSync(
    gbk,
    iconv.encode(readFileSync(path.join(samples, "zh-douban-privacy/2022-04-26_index.txt"), "utf8"), "gbk"),
  );
  const dup = path.join(dir, "copy-of-0211.txt");
  copyFileSync(path.join(samples, "zh-douban-privacy/2022-02-11.txt"), dup);
  const png = path.join(dir, "screenshot.txt");
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "  \n\t \n");
  const big = path.join(dir, "big.txt");
  writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x61));

  const r = await cli([
    "--policy",
    "zh-douban-privacy",
    path.join(samples, "zh-douban-privacy/2022-02-11.txt"),
    gbk,
    dup,
    png,
    empty,
    big,
  ]);
  assert.equal(r.code, 1);
  assert.match(r.out, /added .*2022-02-11\.txt\s+-> version 2022-02-11/);
  assert.match(r.out, /added .*2022-04-26\.txt\s+-> version 2022-04-26/);
  assert.match(r.out, /skipped .*copy-of-0211\.txt\s+\(duplicate of version 2022-02-11\)/);
  assert.match(r.err, /refused .*screenshot\.txt .*PNG/);
  assert.match(r.err, /refused .*empty\.txt .*empty/i);
  assert.match(r.err, /refused .*big\.txt .*5 MB/);
  assert.match(r.out, /2 added, 1 skipped as duplicates, 3 refused/);
  assert.equal((await getPolicy("zh-douban-privacy", t.client))?.versionCount, 2);
});

test("running the same import again skips everything as duplicates (exit 0)", async () => {
  const r = await cli(["--policy", "en-bereal-privacy", path.join(samples, "en-bereal-privacy")]);
  assert.equal(r.code, 0);
  assert.match(r.out, /0 added, 3 skipped as duplicates, 0 refused/);
});

test("user errors: unknown policy, missing arguments, missing file", async () => {
  await assert.rejects(
    cli(["--policy", "nope", path.join(samples, "zh-douban-privacy/2022-02-11.txt")]),
    (e: unknown) => e instanceof CliError && /no policy "nope"/.test(e.message),
  );
  await assert.rejects(cli([path.join(samples, "zh-douban-privacy")]), CliError);
  await assert.rejects(cli(["--policy", "zh-douban-privacy"]), CliError);
  await assert.rejects(cli(["--policy", "zh-douban-privacy", "/no/such/file.txt"]), /no such file/);
  await assert.rejects(cli(["--policy", "Bad Slug!", "x"]), /not a policy slug/);
  // A device is neither a file nor a folder (reading /dev/zero would never end).
  await assert.rejects(cli(["--policy", "zh-douban-privacy", "/dev/zero"]), /not a regular file/);
});

test("files are read through a size cap", async () => {
  const file = path.join(dir, "capped.txt");
  writeFileSync(file, "x".repeat(100));
  assert.equal((await readFileCapped(file, 100)).length, 100);
  await assert.rejects(readFileCapped(file, 99), /larger than/);
  await assert.rejects(readFileCapped("/dev/zero", 10), /not a regular file/);
});

test("while another process holds the database's write lock, the import waits and adds every file", async () => {
  await upsertPolicy({ slug: "busy-privacy", name: "忙" }, t.client);
  const folder = path.join(dir, "busy");
  mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= 3; i++)
    writeFileSync(path.join(folder, `2020-0${i}-01.txt`), `第${i}版\n\n一、内容\n文本 ${i}。`);
  const other = await holdWriteLock(t.url);
  try {
    await other.exec(`UPDATE "Policy" SET "description" = 'other writer' WHERE "slug" = 'busy-privacy'`);
    const release = setTimeout(() => void other.commit(), 500);
    const r = await cli(["--policy", "busy-privacy", folder]);
    clearTimeout(release);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /3 added, 0 skipped as duplicates, 0 refused/);
    const p = await getPolicy("busy-privacy", t.client);
    assert.equal(p?.versionCount, 3);
    assert.equal(p?.description, "other writer");
  } finally {
    await other.close();
  }
});
