import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { contentHash } from "../ingest/index.ts";
import { getSectionHistory, getTimeline, type SectionHistory } from "./history.ts";
import { moveSix, realLines, splitNine } from "./history-fixtures.ts";
import { seedSamples } from "./samples.ts";
import { readSteps } from "./steps.ts";
import { freshTestDb, type TestDb } from "./test-db.ts";
import { addNewVersion, createPolicyWithVersion, deleteVersion, updateVersionMeta } from "./version-writes.ts";

const XUEXI = "zh-xuexiqiangguo-privacy";
let t: TestDb;
let dir: string;

before(async () => {
  t = await freshTestDb("history");
  // The 学习强国 sample alone (the seed computes its steps).
  dir = mkdtempSync(path.join(os.tmpdir(), "history-"));
  const manifest = JSON.parse(readFileSync("data/samples/manifest.json", "utf8")) as { policies: { slug: string }[] };
  manifest.policies = manifest.policies.filter((p) => p.slug === XUEXI);
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  symlinkSync(path.resolve("data/samples", XUEXI), path.join(dir, XUEXI));
  const report = await seedSamples(t.client, dir);
  assert.equal(report.steps, 4);
  // The synthetic series: the real latest text, then section 六 moved, then section 九 split.
  const input = (lines: string[], publishedAt: string) => {
    const text = lines.join("\n");
    return { publishedAt, text, format: "text", contentHash: contentHash(text) };
  };
  const v1 = realLines();
  const v2 = moveSix(v1);
  await createPolicyWithVersion({ slug: "synthetic", name: "Synthetic" }, input(v1, "2022-01-01"), t.client);
  await addNewVersion("synthetic", input(v2, "2022-02-01"), t.client);
  await addNewVersion("synthetic", input(splitNine(v2), "2022-03-01"), t.client);
});
after(async () => {
  await t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const line = (h: SectionHistory) => h.entries.map((e) => `${e.version} ${e.status} ${e.number ?? ""}${e.title ?? ""}`);

async function history(slug: string, key: string, at: string): Promise<SectionHistory> {
  const r = await getSectionHistory(slug, key, at, t.client);
  assert.ok(r.ok, `history of ${key} at ${at}: ${r.ok ? "" : r.reason}`);
  return r.history;
}

describe("section history", () => {
  test("follows 学习强国's section 五 through its rename (2021-09-01 → 2021-12-30 sample)", async () => {
    const h = await history(XUEXI, "s-18qcfth", "2021-12-23");
    assert.deepEqual(line(h), [
      "2020-06-10 first 五您如何管理您的个人信息",
      "2020-09-26 unchanged 五您如何管理您的个人信息",
      "2021-02-25 unchanged 五您如何管理您的个人信息",
      "2021-08-25 unchanged 五您如何管理您的个人信息",
      "2021-12-23 renamed 五您的权利",
    ]);
    assert.deepEqual(h.section, { key: "s-18qcfth", at: "2021-12-23", number: "五", title: "您的权利" });
  });

  test("follows a renumbered section forwards from the oldest version", async () => {
    const h = await history(XUEXI, "s-10gl4ku", "2020-06-10");
    assert.deepEqual(
      h.entries.map((e) => `${e.status} ${e.number}`),
      ["first （五）", "renumbered （六）", "renumbered （八）", "modified （八）", "renumbered （十）"],
    );
    assert.ok(h.entries[3]!.changedRatio > 0);
  });

  test("follows a moved section, and both halves of a split back to one section", async () => {
    const moved = await history("synthetic", "s-10lkpfa", "2022-02-01");
    assert.deepEqual(line(moved), ["2022-01-01 first 六对第三方的责任声明", "2022-02-01 moved 八对第三方的责任声明", "2022-03-01 unchanged 八对第三方的责任声明"]);
    const half = await history("synthetic", "s-1sx5knw", "2022-03-01");
    assert.deepEqual(line(half).slice(-1), ["2022-03-01 split 十本隐私权政策的重大变更"]);
    // Backwards, the new half leads to the one section it came from.
    assert.deepEqual(line(half).slice(0, 2), ["2022-01-01 first 九本隐私权政策如何更新", "2022-02-01 unchanged 九本隐私权政策如何更新"]);
    // From before the split, forwards: one section becomes two.
    const whole = await history("synthetic", "s-0stpzht", "2022-02-01");
    assert.deepEqual(whole.entries.at(-1)!.pairs.sort(), ["s-0stpzht", "s-1sx5knw"]);
  });

  test("unknown policy, version or section", async () => {
    assert.deepEqual(await getSectionHistory("nope", "s-1", "2020-06-10", t.client), { ok: false, reason: "policy-not-found" });
    assert.deepEqual(await getSectionHistory(XUEXI, "s-1", "1999-01-01", t.client), { ok: false, reason: "version-not-found" });
    assert.deepEqual(await getSectionHistory(XUEXI, "s-nothing", "2020-06-10", t.client), { ok: false, reason: "section-not-found" });
  });
});

describe("timeline and steps", () => {
  test("the timeline lists every version with its step from the previous one", async () => {
    const tl = (await getTimeline(XUEXI, t.client))!;
    assert.deepEqual(
      tl.versions.map((v) => v.key),
      ["2020-06-10", "2020-09-26", "2021-02-25", "2021-08-25", "2021-12-23"],
    );
    assert.equal(tl.versions[0]!.fromPrevious, null);
    assert.ok(tl.versions.slice(1).every((v) => v.fromPrevious && v.fromPrevious.changedRatio > 0));
    assert.equal(tl.versions[4]!.fromPrevious!.renamed, 2);
    assert.ok(tl.versions.every((v) => v.chars > 1000 && (v.sections ?? 0) > 10));
    assert.ok(Array.isArray(tl.missing));
  });

  test("deleting or re-dating a version recomputes the steps around it", async () => {
    const text = realLines().join("\n") + "\n\n本版新增一段说明。";
    const input = { publishedAt: "2022-04-01", text, format: "text", contentHash: contentHash(text) };
    await addNewVersion("synthetic", input, t.client);
    assert.equal((await readSteps("synthetic", t.client))!.steps.length, 3);
    await deleteVersion("synthetic", "2022-02-01", t.client);
    let steps = await t.client.versionStep.findMany({ where: { policy: { slug: "synthetic" } }, include: { fromVersion: true, toVersion: true } });
    assert.deepEqual(steps.map((s) => `${s.fromVersion.key}>${s.toVersion.key}`).sort(), ["2022-01-01>2022-03-01", "2022-03-01>2022-04-01"]);
    // Re-dated before the first version: the order is now 04-01 (re-dated to 2021-12-01), 01-01, 03-01.
    await updateVersionMeta("synthetic", "2022-04-01", { publishedAt: "2021-12-01" }, t.client);
    steps = await t.client.versionStep.findMany({ where: { policy: { slug: "synthetic" } }, include: { fromVersion: true, toVersion: true } });
    assert.deepEqual(steps.map((s) => `${s.fromVersion.key}>${s.toVersion.key}`).sort(), ["2021-12-01>2022-01-01", "2022-01-01>2022-03-01"]);
  });
});
