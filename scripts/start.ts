/**
 * `npm start` after `db:migrate` and `db:seed`: builds only when the sources changed since the last
 * build (scripts/build-stamp.ts), settles the admin token of a local start (scripts/local-admin-token.ts),
 * then runs `next start` on PORT. See docs/decisions/0023-permanent-links-and-first-run.md.
 *
 * A local start is one whose environment does not say NODE_ENV=production. Without ADMIN_TOKEN it
 * gets the token stored in .admin-token (created on first use) and prints it with the sign-in URL.
 * With NODE_ENV=production and no ADMIN_TOKEN, nothing is generated and writes are refused.
 */
import { spawn } from "node:child_process";
import { config, DEFAULT_PORT } from "../lib/config.ts";
import { buildIsCurrent, sourceStamp, writeStamp } from "./build-stamp.ts";
import { LOCAL_TOKEN_FILE, localAdminToken } from "./local-admin-token.ts";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const settings = config();
const distDir = settings.nextDistDir;
// Validated by config() above.
const port = process.env.PORT?.trim() || DEFAULT_PORT;
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" };

const started = performance.now();
if (buildIsCurrent(distDir, sourceStamp("."))) {
  console.log(`start: the build in ${distDir} matches the sources; not rebuilding`);
} else {
  console.log(`start: the sources changed since the last build in ${distDir} (or there is none); building`);
  const code = await run("next", ["build"], env);
  if (code !== 0) process.exit(code);
  // Hashed after the build: a build with a custom NEXT_DIST_DIR rewrites tsconfig.json.
  writeStamp(distDir, sourceStamp("."));
  console.log(`start: built in ${Math.round((performance.now() - started) / 1000)} s`);
}

const local = process.env.NODE_ENV !== "production";
if (!settings.adminToken && local) {
  const { token, created } = localAdminToken();
  env.ADMIN_TOKEN = token;
  console.log(
    `start: ADMIN_TOKEN is not set; this local start uses the token in ${LOCAL_TOKEN_FILE}` +
      `${created ? " (just created)" : ""}: ${token}`,
  );
  console.log(`start: sign in at http://localhost:${port}/signin to add and edit versions`);
} else if (!settings.adminToken) {
  console.log("start: NODE_ENV=production and no ADMIN_TOKEN: writes are refused until one is configured");
}

process.exit(await run("next", ["start", "--port", port], env));
