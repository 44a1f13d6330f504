import assert from "node:assert/strict";
import { test } from "node:test";
import { appOrigin } from "./config.ts";

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

test("APP_ORIGIN: defaults to http://localhost:<PORT>, normalised to an origin", () => {
  assert.equal(appOrigin(env({})), "http://localhost:3000");
  assert.equal(appOrigin(env({ PORT: "3611" })), "http://localhost:3611");
  assert.equal(appOrigin(env({ APP_ORIGIN: "https://Policies.Example.org/" })), "https://policies.example.org");
  assert.equal(appOrigin(env({ APP_ORIGIN: "https://a.example:443", PORT: "8080" })), "https://a.example");
  assert.equal(appOrigin(env({ APP_ORIGIN: "http://127.0.0.1:8080" })), "http://127.0.0.1:8080");
});

test("APP_ORIGIN: anything but an http(s) origin is refused with a readable message", () => {
  assert.throws(() => appOrigin(env({ APP_ORIGIN: "https://a.example/app" })), /origin only/);
  assert.throws(() => appOrigin(env({ APP_ORIGIN: "https://user:pw@a.example" })), /origin only/);
  assert.throws(() => appOrigin(env({ APP_ORIGIN: "ftp://a.example" })), /http\(s\) origin/);
  assert.throws(() => appOrigin(env({ APP_ORIGIN: "policies.example.org" })), /http\(s\) origin/);
  assert.throws(() => appOrigin(env({ PORT: "eighty" })), /PORT/);
});
