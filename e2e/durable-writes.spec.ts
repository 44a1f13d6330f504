/**
 * Writers wait, never fail, and what was acknowledged stays (docs/decisions/0014-request-guards.md):
 * the `policy import` CLI and the API writing to one SQLite file at once; a server killed with
 * SIGKILL in the middle of a burst of imports. Real processes, real files.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { contentHash } from "../lib/ingest/hash.ts";
import { expect, test } from "./fixtures";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const port = Number(process.env.E2E_PORT ?? 3100);
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? `file:./.tmp/e2e-${port}.db`;

/** A policy text of about `kb` KB, distinct per `tag`, with numbered sections and no date. */
function policyText(tag: string, kb = 8): string {
  const sections = Array.from(
    { length: Math.ceil(kb / 0.4) },
    (_, i) => `${i + 1}. 第${i + 1}节 ${tag}\n我们处理您的信息（${tag}-${i}）。`,
  );
  return `示例隐私政策 ${tag}\n\n${sections.join("\n\n")}\n`;
}

function run(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
}

test("the CLI importing a folder while the API takes writes: both complete, every version stored", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const slug = `e2e-busy-${randomUUID().slice(0, 8)}`;
  const created = await request.post("/api/policies", {
    headers: auth,
    data: { slug, name: "并发写入", version: { text: policyText("首版") } },
  });
  expect(created.status(), await created.text()).toBe(201);

  const folder = path.resolve(".tmp", `e2e-cli-${slug}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const cliFiles = 30;
  for (let i = 0; i < cliFiles; i++)
    writeFileSync(path.join(folder, `v${String(i).padStart(2, "0")}.txt`), policyText(`命令行-${i}`));

  let cliDone = false;
  const cli = run(process.execPath, ["--import", "tsx", "scripts/policy.ts", "import", "--policy", slug, folder], {
    DATABASE_URL: e2eDatabaseUrl,
  }).finally(() => (cliDone = true));

  // Six API clients post versions until the CLI has finished (and at least 60 in all).
  const statuses: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (!cliDone || n < 60) {
        const i = n++;
        const r = await request.post(`/api/policies/${slug}/versions`, {
          headers: auth,
          data: { text: policyText(`接口-${i}`) },
        });
        statuses.push(r.status());
      }
    }),
  );
  const result = await cli;
  rmSync(folder, { recursive: true, force: true });

  expect(result.code, result.err).toBe(0);
  expect(result.out).toContain(`${cliFiles} added, 0 skipped as duplicates, 0 refused`);
  expect(statuses.filter((s) => s !== 201)).toEqual([]);
  const policy = (await (await request.get(`/api/policies/${slug}`)).json()) as { policy: { versions: unknown[] } };
  expect(policy.policy.versions).toHaveLength(1 + cliFiles + statuses.length);
});

test("SIGKILL during a burst of imports loses no acknowledged write and leaves a sound database", async () => {
  test.setTimeout(180_000);
  mkdirSync(".tmp", { recursive: true });
  const serverPort = await freePort();
  const file = path.resolve(".tmp", `e2e-kill-${serverPort}.db`);
  const removeFiles = () => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  };
  removeFiles();
  const env = {
    DATABASE_URL: `file:${file}`,
    PORT: String(serverPort),
    ADMIN_TOKEN: TOKEN,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const migrated = await run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], env);
  expect(migrated.code, migrated.err).toBe(0);

  // A server of its own (the build the e2e server uses), started directly so that its pid is the server's.
  const server: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(serverPort)],
    { env: { ...process.env, ...env }, stdio: "ignore" },
  );
  const base = `http://localhost:${serverPort}`;
  try {
    await expect
      .poll(
        () =>
          fetch(`${base}/api/policies`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const slug = "kill-test";
    const first = await fetch(`${base}/api/policies`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ slug, name: "强制终止", version: { text: policyText("首版") } }),
    });
    expect(first.status).toBe(201);

    // Eight clients post versions; once 40 are acknowledged, the server is killed mid-burst.
    const acknowledged: { key: string; contentHash: string }[] = [];
    let n = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!killed) {
          const text = policyText(`突发-${n++}`, 30);
          try {
            const r = await fetch(`${base}/api/policies/${slug}/versions`, {
              method: "POST",
              headers: auth,
              body: JSON.stringify({ text }),
            });
            if (r.status !== 201) throw new Error(`status ${r.status}: ${await r.text()}`);
            const body = (await r.json()) as { version: { key: string; contentHash: string } };
            acknowledged.push({ key: body.version.key, contentHash: body.version.contentHash });
            if (acknowledged.length >= 40 && !killed) {
              killed = true;
              server.kill("SIGKILL");
            }
          } catch (error) {
            if (!killed) throw error; // before the kill every request must succeed
          }
        }
      }),
    );
    await new Promise((resolve) =>
      server.exitCode !== null || server.signalCode !== null ? resolve(null) : server.once("exit", resolve),
    );
    expect(server.signalCode).toBe("SIGKILL");

    // Opening the file recovers it from its write-ahead log, as the next server start would.
    const db = new Database(file);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const rows = db
        .prepare(
          `SELECT v."key", v."contentHash", v."originalText" FROM "Version" v JOIN "Policy" p ON p."id" = v."policyId" WHERE p."slug" = ?`,
        )
        .all(slug) as { key: string; contentHash: string; originalText: string }[];
      const stored = new Map(rows.map((r) => [r.key, r]));
      for (const ack of acknowledged) {
        expect(stored.get(ack.key)?.contentHash, `acknowledged version ${ack.key}`).toBe(ack.contentHash);
      }
      expect(rows.length).toBeGreaterThanOrEqual(1 + acknowledged.length);
      // Every stored text is whole: it still has the hash it was stored with.
      for (const r of rows) expect(contentHash(r.originalText), r.key).toBe(r.contentHash);
    } finally {
      db.close();
    }
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    removeFiles();
  }
});
