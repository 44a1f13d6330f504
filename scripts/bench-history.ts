/**
 * `npm run bench:history` (docs/decisions/0019-history.md): a synthetic 30-version series made from
 * seed 000 by successive real-looking edits (scripts/bench-pairs.ts editCopy: 8 word-level edits and a
 * moved paragraph per version; every 7th version also takes in a paragraph of seed 001), stored in a
 * fresh SQLite file through the same writes as the app (addNewVersion, which computes the new steps).
 * Prints, with the load average:
 *   - adding the 30th version: the whole write; the same text stored as the only version of another
 *     policy (the import with no step); its step computed alone from a cold compare cache;
 *   - the timeline and a section history (the functions the API routes call): the first call of the
 *     process (cold) and the median of 20 warm calls;
 *   - the worst case: no step stored (a database from before the steps), the first timeline read
 *     computes all 29.
 * Figures only; nothing here fails on a slow run.
 */
import { loadavg } from "node:os";
import { contentHash } from "../lib/ingest/index.ts";
import { getSectionHistory, getTimeline } from "../lib/data/history.ts";
import { readSteps, refreshSteps } from "../lib/data/steps.ts";
import { freshTestDb } from "../lib/data/test-db.ts";
import { addNewVersion, createPolicyWithVersion, deleteVersion } from "../lib/data/version-writes.ts";
import { editCopy, seed } from "./bench-pairs.ts";

const VERSIONS = 30;
const SLUG = "bench-history";
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

function series(): string[] {
  const extra = seed(1)
    .split("\n")
    .filter((l) => l.length > 80);
  const texts = [seed(0)];
  for (let k = 1; k < VERSIONS; k++) {
    let next = editCopy(texts[k - 1]!, 8, 1000 + k);
    if (k % 7 === 0) {
      const lines = next.split("\n");
      lines.splice(Math.floor(lines.length / 2), 0, "", extra[k % extra.length]!);
      next = lines.join("\n");
    }
    texts.push(next);
  }
  return texts;
}

const date = (k: number) => new Date(Date.UTC(2020, 0, 1) + k * 45 * 86_400_000).toISOString().slice(0, 10);
const input = (text: string, k: number) => ({
  publishedAt: date(k),
  text,
  format: "text",
  contentHash: contentHash(text),
});

const t = await freshTestDb("bench-history");
try {
  const texts = series();
  console.log(
    `bench:history — ${VERSIONS} versions of ~${Math.round(texts[0]!.length / 1000)}K chars; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  await createPolicyWithVersion({ slug: SLUG, name: "Bench history" }, input(texts[0]!, 0), t.client);
  const adds: number[] = [];
  for (let k = 1; k < VERSIONS - 1; k++)
    adds.push((await time(() => addNewVersion(SLUG, input(texts[k]!, k), t.client)))[0]);
  console.log(`versions 2-${VERSIONS - 1}: add (with its step) median ${ms(median(adds))}`);

  // The 30th, five times (deleted and added again; the median): the whole write (with its step), the
  // same import as the only version of a new policy (no step), and the step alone from a cold compare
  // cache (the engine's per-text caches, as in the app, stay warm).
  const whole: number[] = [];
  const alone: number[] = [];
  const stepOnly: number[] = [];
  const text30 = input(texts[VERSIONS - 1]!, VERSIONS - 1);
  for (let r = 0; r < 5; r++) {
    if (r > 0) await deleteVersion(SLUG, text30.publishedAt, t.client);
    whole.push((await time(() => addNewVersion(SLUG, text30, t.client)))[0]);
    alone.push(
      (await time(() => createPolicyWithVersion({ slug: `${SLUG}-alone-${r}`, name: "Alone" }, text30, t.client)))[0],
    );
    const row = await t.client.version.findFirstOrThrow({
      where: { key: text30.publishedAt, policy: { slug: SLUG } },
      select: { id: true },
    });
    await t.client.versionStep.deleteMany({ where: { toVersionId: row.id } });
    await t.client.compareCache.deleteMany({ where: { toVersionId: row.id } });
    stepOnly.push((await time(() => refreshSteps(SLUG, t.client)))[0]);
  }
  const v30 = { key: text30.publishedAt };
  console.log(
    `add the 30th version (median of 5): ${ms(median(whole))} in all; the same import with no step ${ms(median(alone))} ` +
      `(so the step adds ≈ ${ms(median(whole) - median(alone))}); its step alone, cold compare cache: ${ms(median(stepOnly))} (target ≤ 200 ms beyond the import)`,
  );

  const steps = (await readSteps(SLUG, t.client))!;
  const link =
    steps.steps.at(-1)!.links.find((l) => l.newId && l.oldId && l.status !== "unchanged") ??
    steps.steps.at(-1)!.links[0]!;
  const history = () => getSectionHistory(SLUG, link.key, v30.key, t.client);
  const timeline = () => getTimeline(SLUG, t.client);
  const [tlCold] = await time(timeline);
  const [hiCold, h] = await time(history);
  const tlWarm: number[] = [];
  const hiWarm: number[] = [];
  for (let i = 0; i < 20; i++) {
    tlWarm.push((await time(timeline))[0]);
    hiWarm.push((await time(history))[0]);
  }
  console.log(`timeline: cold ${ms(tlCold)}, warm median ${ms(median(tlWarm))} (targets ≤ 500 / ≤ 50 ms)`);
  console.log(
    `history of ${link.key} (${h.ok ? `${h.history.entries.length} entries` : h.reason}): cold ${ms(hiCold)}, warm median ${ms(median(hiWarm))} (targets ≤ 500 / ≤ 50 ms)`,
  );

  // Worst case: a database whose steps were never computed (and an empty compare cache).
  await t.client.versionStep.deleteMany({});
  await t.client.compareCache.deleteMany({});
  const [rebuild] = await time(timeline);
  console.log(`timeline with no step stored (all ${VERSIONS - 1} computed on the first read): ${ms(rebuild)}`);
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await t.dispose();
}
