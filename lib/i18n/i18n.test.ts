import assert from "node:assert/strict";
import { test } from "node:test";
import { INGEST_CONFIG } from "../ingest/config.ts";
import { format, formatDate, getMessages, LOCALES, resolveLocale } from "./index.ts";

test("Chinese is the default; unknown cookie values fall back to it", () => {
  assert.equal(resolveLocale(undefined), "zh");
  assert.equal(resolveLocale("fr"), "zh");
  assert.equal(resolveLocale("en"), "en");
});

test("every language has every message, none empty", () => {
  const leaves = (m: unknown, at = ""): [string, unknown][] =>
    typeof m === "object" && m !== null
      ? Object.entries(m).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k))
      : [[at, m]];
  const zh = leaves(getMessages("zh"))
    .map(([k]) => k)
    .sort();
  for (const locale of LOCALES) {
    const entries = leaves(getMessages(locale));
    assert.deepEqual(entries.map(([k]) => k).sort(), zh, locale);
    for (const [k, v] of entries) assert.ok(typeof v === "string" && v.trim(), `${locale}: ${k}`);
  }
});

test("placeholders and dates", () => {
  assert.equal(format("{count} 个版本", { count: 5 }), "5 个版本");
  assert.equal(format("{a} {b}", { a: 1 }), "1 {b}");
  assert.equal(formatDate("2022-06-29", "zh"), "2022年6月29日");
  assert.equal(formatDate("2022-06-29", "en"), "Jun 29, 2022");
});

test("messages that state the size limit state the real one (lib/ingest/config.ts)", () => {
  const limit = `${INGEST_CONFIG.maxBytes / 1024 / 1024} MB`;
  for (const locale of LOCALES) {
    const m = getMessages(locale).importer;
    for (const text of [m.uploadLabel, m.fileTooLarge, m.problems.tooLarge]) assert.ok(text.includes(limit), text);
  }
});
