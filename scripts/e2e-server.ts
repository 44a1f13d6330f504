/**
 * The server Playwright tests run against (playwright.config.ts `webServer`): a fresh database file
 * under .tmp/ (or a fresh PostgreSQL database when E2E_DATABASE_URL is a postgres:// URL), migrated and seeded, a production build, then `next start`.
 *
 * Everything that could collide with a concurrent run comes from the environment:
 *   E2E_PORT (default 3100), NEXT_DIST_DIR (default .next), E2E_DATABASE_URL (default
 *   file:./.tmp/e2e-<port>.db). Set E2E_SKIP_BUILD=1 to reuse an existing build.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createDb } from "../lib/db.ts";
import { databaseFile } from "../lib/config.ts";
import { seedSamples } from "../lib/data/samples.ts";
import { applyPendingMigrations } from "../lib/migrate/index.ts";
import { createDatabase, dropDatabase } from "../lib/migrate/postgres-cluster.ts";
import { providerOf } from "../lib/migrate/providers.ts";

const port = process.env.E2E_PORT ?? "3100";
const url = process.env.E2E_DATABASE_URL ?? `file:./.tmp/e2e-${port}.db`;
const env = { ...process.env, DATABASE_URL: url, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

mkdirSync(".tmp", { recursive: true });
if (providerOf(url) === "postgresql") {
  // A PostgreSQL URL (npm run test:postgres): its database is dropped and made again, empty.
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await dropDatabase(url, name);
  await createDatabase(url, name);
} else {
  const file = databaseFile(url);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}
const { applied } = await applyPendingMigrations(url);
const client = createDb(url);
const seeded = await seedSamples(client);
await client.$disconnect();
console.log(`e2e-server: ${url}: ${applied.length} migrations, ${seeded.created} versions seeded`);

if (process.env.E2E_SKIP_BUILD !== "1") await run("next", ["build"]);
const server = spawn("next", ["start", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
