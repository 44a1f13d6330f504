/**
 * End-to-end tests against the production server, driven through Debian's Chromium.
 * Port, build folder and database come from the environment, so several runs can share a checkout:
 *   E2E_PORT (3100), NEXT_DIST_DIR (.next), E2E_DATABASE_URL (file:./.tmp/e2e-<port>.db),
 *   CHROMIUM_PATH (/usr/bin/chromium).
 */
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: `playwright-report/e2e-${port}` }]],
  outputDir: `test-results/e2e-${port}`,
  use: {
    baseURL,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/policies`,
    timeout: 600_000, // a production build on a busy 2-core machine takes minutes
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_PORT: String(port),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // Writes need the admin token (e2e/import-fixtures.ts uses the same); URL-fetch tests use a local server.
      ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef",
      FETCH_ALLOW_HOSTS: "127.0.0.1,localhost",
      // A small compare cache, so e2e/bounded.spec.ts can show that a model too large for it is served
      // without being stored, and evicts nothing.
      COMPARE_CACHE_MAX_CHARS: "8000000",
      // The scheduler of watched sources looks for due ones every 2 s (e2e/watch.spec.ts waits for it).
      WATCH_TICK_MS: "2000",
    },
  },
});
