/**
 * Two app servers on one database (docs/decisions/0017-postgresql.md): a second `next start` from the
 * same build on the e2e database (PostgreSQL in `npm run test:postgres`, the SQLite file otherwise);
 * versions written through both at once are all stored once, and each server shows the other's writes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { expect, test } from "./fixtures";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const port = Number(process.env.E2E_PORT ?? 3100);
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? `file:./.tmp/e2e-${port}.db`;

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

const text = (tag: string) =>
  `双服务器隐私政策 ${tag}\n\n1. 收集\n我们收集（${tag}）所需的信息。\n\n2. 使用\n用于${tag}。\n`;

test("two servers on one database: writes through both at once are all stored, once, and seen by both", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const secondPort = await freePort();
  const second: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(secondPort)],
    {
      env: {
        ...process.env,
        DATABASE_URL: e2eDatabaseUrl,
        PORT: String(secondPort),
        ADMIN_TOKEN: TOKEN,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    },
  );
  const servers = [`http://localhost:${port}`, `http://localhost:${secondPort}`];
  try {
    await expect
      .poll(
        () =>
          fetch(`${servers[1]}/api/policies`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const slug = `e2e-two-${randomUUID().slice(0, 8)}`;
    const created = await request.post(`${servers[1]}/api/policies`, {
      headers: auth,
      data: { slug, name: "双服务器", version: { text: text("首版") } },
    });
    expect(created.status(), await created.text()).toBe(201);

    // Six clients, each alternating between the servers, post 36 distinct versions.
    const statuses: number[] = [];
    let n = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, client) => {
        while (n < 36) {
          const i = n++;
          const r = await request.post(`${servers[(client + i) % 2]}/api/policies/${slug}/versions`, {
            headers: auth,
            data: { text: text(`版本-${i}`) },
          });
          statuses.push(r.status());
        }
      }),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    // One text sent to both servers at once: stored once, the other answer names it as a duplicate.
    const same = await Promise.all(
      servers.map((base) =>
        request.post(`${base}/api/policies/${slug}/versions`, { headers: auth, data: { text: text("同一份") } }),
      ),
    );
    expect(same.map((r) => r.status()).sort()).toEqual([201, 409]);

    for (const base of servers) {
      const body = (await (await request.get(`${base}/api/policies/${slug}`)).json()) as {
        policy: { versions: { key: string }[] };
      };
      expect(body.policy.versions, base).toHaveLength(1 + 36 + 1);
      expect(new Set(body.policy.versions.map((v) => v.key)).size).toBe(38);
    }
  } finally {
    second.kill("SIGTERM");
  }
});
