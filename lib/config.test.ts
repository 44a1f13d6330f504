import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, databaseFile, DEFAULT_DATABASE_URL, parseConfig } from "./config.ts";

const DEFAULT_WORK = {
  threads: 1,
  timeoutMs: 20_000,
  largeMemoryMb: 640,
  queue: 8,
  perClient: 2,
  nice: 5,
  compareCacheMaxChars: 64 * 1024 * 1024,
};

test("an empty environment gives the defaults; empty values count as unset", () => {
  const expected = {
    production: false,
    databaseUrl: DEFAULT_DATABASE_URL,
    adminToken: null,
    fetchAllowHosts: [],
    cookieSecure: false,
    nextDistDir: ".next",
    appOrigin: "http://localhost:3000",
    appOriginSet: false,
    development: false,
    nextServer: false,
    work: DEFAULT_WORK,
    watchScheduler: "on",
    watchTickMs: 30_000,
  };
  assert.deepEqual(parseConfig({}), expected);
  assert.deepEqual(
    parseConfig({
      DATABASE_URL: "",
      ADMIN_TOKEN: " ",
      FETCH_ALLOW_HOSTS: "",
      COOKIE_SECURE: "",
      NEXT_DIST_DIR: "",
      PORT: "",
      APP_ORIGIN: " ",
    }),
    expected,
  );
});

test("every variable is read and normalised", () => {
  assert.deepEqual(
    parseConfig({
      NODE_ENV: "production",
      DATABASE_URL: " file:./.tmp/x.db ",
      ADMIN_TOKEN: " 0123456789abcdef ",
      FETCH_ALLOW_HOSTS: "127.0.0.1, Localhost [::1]",
      COOKIE_SECURE: "true",
      NEXT_DIST_DIR: ".next-e2e",
      APP_ORIGIN: "https://policies.example.org",
      WATCH_SCHEDULER: "off",
      WATCH_TICK_MS: "5000",
    }),
    {
      production: true,
      development: false,
      nextServer: false,
      databaseUrl: "file:./.tmp/x.db",
      adminToken: "0123456789abcdef",
      fetchAllowHosts: ["127.0.0.1", "localhost", "::1"],
      cookieSecure: true,
      nextDistDir: ".next-e2e",
      appOrigin: "https://policies.example.org",
      appOriginSet: true,
      work: DEFAULT_WORK,
      watchScheduler: "off",
      watchTickMs: 5000,
    },
  );
});

test("APP_ORIGIN: defaults to http://localhost:<PORT>, normalised to an origin", () => {
  const origin = (env: Record<string, string>) => parseConfig(env).appOrigin;
  assert.equal(origin({}), "http://localhost:3000");
  assert.equal(origin({ PORT: "3611" }), "http://localhost:3611");
  assert.equal(origin({ APP_ORIGIN: "https://Policies.Example.org/" }), "https://policies.example.org");
  assert.equal(origin({ APP_ORIGIN: "https://a.example:443", PORT: "8080" }), "https://a.example");
  assert.equal(origin({ APP_ORIGIN: "http://127.0.0.1:8080" }), "http://127.0.0.1:8080");
});

test("APP_ORIGIN: anything but an http(s) origin is refused with a readable message", () => {
  assert.throws(() => parseConfig({ APP_ORIGIN: "https://a.example/app" }), /APP_ORIGIN: .*origin only/);
  assert.throws(() => parseConfig({ APP_ORIGIN: "https://user:pw@a.example" }), /APP_ORIGIN: .*origin only/);
  assert.throws(() => parseConfig({ APP_ORIGIN: "ftp://a.example" }), /APP_ORIGIN: .*http\(s\) origin/);
  assert.throws(() => parseConfig({ APP_ORIGIN: "policies.example.org" }), /APP_ORIGIN: .*http\(s\) origin/);
  assert.throws(() => parseConfig({ PORT: "eighty" }), /PORT: must be a port number/);
});

test("a bad environment fails with every problem named, and no secret shown", () => {
  let error: unknown;
  try {
    parseConfig({
      DATABASE_URL: "mysql://db/app",
      ADMIN_TOKEN: "hunter2",
      FETCH_ALLOW_HOSTS: "localhost:3000, http://example.com/",
      COOKIE_SECURE: "yes",
    });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ConfigError);
  assert.deepEqual(
    error.problems.map((p) => p.split(":")[0]),
    ["DATABASE_URL", "ADMIN_TOKEN", "FETCH_ALLOW_HOSTS", "FETCH_ALLOW_HOSTS", "COOKIE_SECURE"],
  );
  assert.match(error.message, /ADMIN_TOKEN: must be at least 16 characters \(it has 7\)/);
  assert.doesNotMatch(error.message, /hunter2/);
});

test("the database file of a file: URL", () => {
  assert.equal(databaseFile("file::memory:"), ":memory:");
  assert.match(databaseFile("file:./data/app.db?mode=rwc"), /\/data\/app\.db$/);
});

test("WORK_* and COMPARE_CACHE_MAX_CHARS: defaults, overrides, and a readable refusal", () => {
  const d = parseConfig({}).work;
  assert.deepEqual(
    [d.threads, d.timeoutMs, d.largeMemoryMb, d.queue, d.perClient, d.nice, d.compareCacheMaxChars],
    [1, 20_000, 640, 8, 2, 5, 64 * 1024 * 1024],
  );
  const set = parseConfig({ WORK_THREADS: "2", WORK_PER_CLIENT: " 4 ", COMPARE_CACHE_MAX_CHARS: "" }).work;
  assert.deepEqual([set.threads, set.perClient, set.compareCacheMaxChars], [2, 4, 64 * 1024 * 1024]);
  assert.throws(() => parseConfig({ WORK_TIMEOUT_MS: "soon" }), /WORK_TIMEOUT_MS: must be an integer from 100/);
  assert.throws(() => parseConfig({ WORK_NICE: "40" }), /WORK_NICE: must be an integer from 0 to 19/);
});
