import assert from "node:assert/strict";
import { test } from "node:test";
import { invalidInput } from "../data/api.ts";
import { parseParams } from "../data/params.ts";
import { decodeCursor, encodeCursor, searchParamsOf, searchParamsSchema } from "./search.ts";

const parse = (query: string) => parseParams(searchParamsSchema, searchParamsOf(new URLSearchParams(query)));

test("search parameters: the query's terms, filters, a page size and a cursor", () => {
  const p = parse(
    `q=${encodeURIComponent('个人信息 "personal data"')}&policy=zh-douban-privacy&from=2021-01-01&to=2022-12-31&limit=5&cursor=${encodeCursor(40)}`,
  );
  assert.ok(p.ok);
  assert.deepEqual(
    p.data.terms.map((t) => t.folded),
    ["个人信息", "personal data"],
  );
  assert.deepEqual(
    [p.data.policy, p.data.from, p.data.to, p.data.limit, p.data.offset],
    ["zh-douban-privacy", "2021-01-01", "2022-12-31", 5, 40],
  );
  const plain = parse("q=隐私&policy=&from=");
  assert.ok(plain.ok);
  assert.deepEqual(
    [plain.data.policy, plain.data.from, plain.data.limit, plain.data.offset],
    [undefined, undefined, 20, 0],
  );
  assert.equal(decodeCursor(encodeCursor(123)), 123);
  assert.equal(decodeCursor("garbage"), null);
});

test("bad queries are a 422 in the API's error shape, naming the problem", async () => {
  const cases: [string, string][] = [
    ["q=", "empty"],
    ["", "missing"],
    ["q=%E4%B8%AA", "too_short"],
    [`q=${"隐".repeat(201)}`, "too_long"],
    [`q=${encodeURIComponent('"个人信息')}`, "unbalanced_quotes"],
  ];
  for (const [query, problem] of cases) {
    const p = parse(query);
    assert.ok(!p.ok, query);
    const response = invalidInput(p.issues);
    assert.equal(response.status, 422);
    const body = (await response.json()) as {
      error: { code: string; message: string; issues: { path: string[]; params?: { problem?: string } }[] };
    };
    assert.equal(body.error.code, "invalid_input");
    assert.match(body.error.message, /^q: /);
    assert.deepEqual(body.error.issues[0]!.path, ["q"]);
    if (problem !== "missing") assert.equal(body.error.issues[0]!.params?.problem, problem, query);
  }
  for (const query of [
    "q=隐私&from=2021-13-01",
    "q=隐私&limit=0",
    "q=隐私&limit=51",
    "q=隐私&cursor=xyz",
    "q=隐私&policy=Bad_Slug",
    "q=隐私&from=2022-01-01&to=2021-01-01",
  ]) {
    const p = parse(query);
    assert.ok(!p.ok, query);
  }
});
