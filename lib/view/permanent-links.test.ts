import assert from "node:assert/strict";
import { test } from "node:test";
import { keyedUrl } from "./permanent-links.ts";

/** The addresses a URL names, and the URL with each key suffixed "-new". */
function rekey(url: string): { addresses: string[]; api: boolean; moved: string } | null {
  const u = new URL(url, "http://x");
  const keyed = keyedUrl(u.pathname, u.searchParams);
  if (!keyed) return null;
  return {
    addresses: keyed.addresses.map((a) => `${a.slug}@${a.key}`),
    api: keyed.api,
    moved: keyed.withKeys(keyed.addresses.map((a) => `${a.key}-new`)),
  };
}

test("version pages, with their sub-pages and queries, keep their shape", () => {
  assert.deepEqual(rekey("/p/acme/v/2022-01-01"), {
    addresses: ["acme@2022-01-01"],
    api: false,
    moved: "/p/acme/v/2022-01-01-new",
  });
  assert.equal(rekey("/p/acme/v/2022-01-01/edit?part=2")?.moved, "/p/acme/v/2022-01-01-new/edit?part=2");
});

test("compare ranges re-key either side, and their export files too", () => {
  assert.deepEqual(rekey("/p/acme/compare/2021-01-01...2022-01-01?layout=inline"), {
    addresses: ["acme@2021-01-01", "acme@2022-01-01"],
    api: false,
    moved: "/p/acme/compare/2021-01-01-new...2022-01-01-new?layout=inline",
  });
  assert.equal(
    rekey("/p/acme/compare/2021-01-01...2022-01-01/export.md")?.moved,
    "/p/acme/compare/2021-01-01-new...2022-01-01-new/export.md",
  );
  assert.deepEqual(rekey("/compare/acme@2021-01-01...beta@undated/export.csv"), {
    addresses: ["acme@2021-01-01", "beta@undated"],
    api: false,
    moved: "/compare/acme@2021-01-01-new...beta@undated-new/export.csv",
  });
});

test("a section's history at a version re-keys its `at`", () => {
  assert.equal(rekey("/p/acme/history/s1?at=2022-01-01")?.moved, "/p/acme/history/s1?at=2022-01-01-new");
  assert.equal(rekey("/p/acme/history/s1"), null);
});

test("the JSON API's version read and compare queries are API addresses", () => {
  assert.deepEqual(rekey("/api/policies/acme/versions/2022-01-01"), {
    addresses: ["acme@2022-01-01"],
    api: true,
    moved: "/api/policies/acme/versions/2022-01-01-new",
  });
  assert.equal(
    rekey("/api/compare/export?from=acme@2021-01-01&to=acme@2022-01-01&format=md")?.moved,
    "/api/compare/export?from=acme%402021-01-01-new&to=acme%402022-01-01-new&format=md",
  );
});

test("URLs that name no version, or name one malformed, are left alone", () => {
  for (const url of [
    "/",
    "/p/acme",
    "/p/acme/add",
    "/p/acme/compare?from=a&to=b",
    "/p/acme/compare/2021-01-01",
    "/compare/acme...beta",
    "/p/acme/v/%E4%B8",
    "/api/policies/acme/versions",
    "/api/compare?from=acme",
    "/search?q=2022-01-01",
  ])
    assert.equal(rekey(url), null, url);
});
