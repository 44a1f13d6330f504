/**
 * `npm run -s test:postgres`: the data-layer unit tests and the end-to-end suite again, on PostgreSQL
 * (docs/decisions/0017-postgresql.md). Starts a throwaway cluster (lib/migrate/postgres-cluster.ts; as
 * root it runs as the `postgres` user), runs
 *   1. every unit test that uses a database (those importing lib/data/test-db.ts) and lib/migrate's,
 *      with TEST_DATABASE_PROVIDER=postgresql, and
 *   2. the Playwright suite against a server on a fresh PostgreSQL database (E2E_DATABASE_URL),
 * then stops and deletes the cluster. Prints the time of each part. POSTGRES_TEST_URL, when set, is used
 * instead of a cluster of its own. E2E_SKIP_BUILD=1 reuses the build of a run just before (.ci/run).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { databaseUrl, startPostgresCluster } from "../lib/migrate/postgres-cluster.ts";
import { displayUrl } from "../lib/migrate/providers.ts";

function run(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** The unit tests that use a database: they import the test database helper, or are the migrations'. */
const dataLayerTests = [...testFiles("lib"), ...testFiles("scripts")]
  .filter(
    (f) =>
      f.startsWith(path.join("lib", "migrate")) ||
      /from "[./]+(lib\/)?(data\/)?test-db\.ts"/.test(readFileSync(f, "utf8")),
  )
  .sort();

const cluster = process.env.POSTGRES_TEST_URL ? null : await startPostgresCluster();
const server = process.env.POSTGRES_TEST_URL ?? cluster!.url;
let failed: number | undefined;
try {
  console.log(`test:postgres: PostgreSQL at ${displayUrl(server)}; ${dataLayerTests.length} unit test files`);
  let t0 = performance.now();
  const unit = await run(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=3", "--test-reporter=spec", ...dataLayerTests],
    {
      TEST_DATABASE_PROVIDER: "postgresql",
      POSTGRES_TEST_URL: server,
    },
  );
  console.log(
    `test:postgres: unit tests ${unit === 0 ? "passed" : "FAILED"} (${Math.round((performance.now() - t0) / 1000)} s)`,
  );
  t0 = performance.now();
  const e2e = await run("playwright", ["test"], {
    E2E_DATABASE_URL: databaseUrl(server, `e2e_${process.env.E2E_PORT ?? 3100}`),
    POSTGRES_TEST_URL: server,
  });
  console.log(
    `test:postgres: e2e ${e2e === 0 ? "passed" : "FAILED"} (${Math.round((performance.now() - t0) / 1000)} s)`,
  );
  failed = unit || e2e;
} finally {
  cluster?.stop();
}
process.exitCode = failed ? 1 : 0;
