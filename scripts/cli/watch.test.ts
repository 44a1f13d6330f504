/** `policy watch check|log` and `policy backfill` against a local page server. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "../../lib/data/test-db.ts";
import { createPolicyWithVersion } from "../../lib/data/version-writes.ts";
import { contentHash } from "../../lib/ingest/hash.ts";
import { watchBodySchema } from "../../lib/validations/watch.ts";
import { setWatch } from "../../lib/watch/sources.ts";
import { fakeClock, policyPage, startPageServer, testDeps, type PageServer } from "../../lib/watch/testing.ts";
import { CliError } from "./errors.ts";
import { runBackfill, runWatch } from "./watch.ts";

// The CLI reads FETCH_ALLOW_HOSTS like the server (lib/config.ts reads the environment when first asked).
process.env.FETCH_ALLOW_HOSTS = "127.0.0.1";

let t: TestDb;
let server: PageServer;
before(async () => {
  t = await freshTestDb("cli-watch");
  server = await startPageServer();
});
after(async () => {
  await server.close();
  await t.dispose();
});

async function cli(run: typeof runWatch, args: string[]) {
  const lines: string[] = [];
  const code = await run(args, { client: t.client, out: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

test("check now prints the check; the log lists checks newest first; backfill prints each date", async () => {
  const text = "旧导入";
  await createPolicyWithVersion(
    { slug: "cli-watched", name: "示例" },
    { text, format: "text", contentHash: contentHash(text), publishedAt: null },
    t.client,
  );
  const list = "<h2>历史版本</h2><p>2024-05-01</p><p>2023-03-15</p>";
  server.set("/p", { body: policyPage(`<h1>示例</h1><p>更新日期：2024-05-01</p><p>一、收集。</p>${list}`) });
  server.set("/p?v=2023-03-15", {
    body: policyPage(`<h1>示例</h1><p>更新日期：2023-03-15</p><p>一、旧的收集。</p>${list}`),
  });
  await setWatch(
    "cli-watched",
    watchBodySchema.parse({ url: `${server.origin}/p`, intervalMinutes: 60 }),
    testDeps(t.client, fakeClock()),
  );

  const check = await cli(runWatch, ["check", "--policy", "cli-watched"]);
  assert.equal(check.code, 0);
  assert.match(check.text, /manual\s+200\s+\d+ B\s+new_version\s+version 2024-05-01/);
  server.set("/p", { status: 500, body: "oops" });
  assert.equal((await cli(runWatch, ["check", "--policy", "cli-watched"])).code, 1, "a failed check exits 1");

  const log = await cli(runWatch, ["log", "--policy", "cli-watched"]);
  assert.match(
    log.text,
    /^checks of cli-watched \(newest first\)\n.*error\s+fetch_http_status: The server answered 500.*\n.*new_version/,
  );

  const report = await cli(runBackfill, ["--policy", "cli-watched", "--template", `${server.origin}/p?v={yyyy-mm-dd}`]);
  assert.equal(report.code, 0);
  assert.match(
    report.text,
    /2024-05-01 {2}present {3}2024-05-01\n {2}2023-03-15 {2}added {5}2023-03-15\nadded 1, duplicate 0, failed 0, already stored 1$/,
  );
});

test("user errors are one line: no watch, no template, bad arguments", async () => {
  await assert.rejects(
    cli(runWatch, ["check", "--policy", "nowhere"]),
    (e: unknown) => e instanceof CliError && /no policy "nowhere"/.test(e.message),
  );
  const text = "无监视";
  await createPolicyWithVersion(
    { slug: "cli-plain", name: "P" },
    { text, format: "text", contentHash: contentHash(text), publishedAt: null },
    t.client,
  );
  await assert.rejects(cli(runWatch, ["check", "--policy", "cli-plain"]), /has no watched source/);
  await assert.rejects(cli(runBackfill, ["--policy", "cli-plain"]), /version-URL template/);
  await assert.rejects(cli(runWatch, ["nonsense"]), (e: unknown) => e instanceof CliError && e.exitCode === 2);
});
