import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { invalidInput, invalidParameters, jsonError, withApiErrors, type ApiErrorBody } from "./api.ts";

const body = async (res: Response) => (await res.json()) as ApiErrorBody;

test("every error body is {error: {code, message, ...details}}", async () => {
  const res = jsonError(409, "duplicate", "Already stored.", { match: { key: "2024-01-01", url: "/p/a/v/2024-01-01" } });
  assert.equal(res.status, 409);
  assert.deepEqual(await res.json(), {
    error: { code: "duplicate", message: "Already stored.", match: { key: "2024-01-01", url: "/p/a/v/2024-01-01" } },
  });
  // Details cannot overwrite the code or the message.
  assert.deepEqual(await jsonError(409, "conflict", "b", { code: "x", message: "y" }).json(), {
    error: { code: "conflict", message: "b" },
  });
});

test("invalid input, wherever it is: 422 invalid_input with zod's issues", async () => {
  const parsed = z.object({ slug: z.string(), n: z.number() }).safeParse({ n: "1" });
  assert.ok(!parsed.success);
  const res = invalidInput(parsed.error.issues);
  assert.equal(res.status, 422);
  const { error } = await body(res);
  assert.equal(error.code, "invalid_input");
  const issues = error.issues as z.core.$ZodIssue[];
  assert.deepEqual(
    issues.map((i) => i.path),
    [["slug"], ["n"]],
  );
  assert.match(error.message, /^slug: .*; n: /);
  // A message and further details may be given; the issues stay.
  const custom = await body(invalidInput(parsed.error.issues, "Fix it.", { fields: ["slug", "n"] }));
  assert.equal(custom.error.message, "Fix it.");
  assert.deepEqual(custom.error.fields, ["slug", "n"]);
  assert.equal((custom.error.issues as unknown[]).length, 2);
});

test("parameters checked by hand give the same invalid_input: one issue per problem, the fields named", async () => {
  const res = invalidParameters([
    { field: "format", message: '"format" must be docx, redline, csv or md' },
    { field: "only", message: '"only" must be changes or all' },
  ]);
  assert.equal(res.status, 422);
  const { error } = await body(res);
  assert.equal(error.code, "invalid_input");
  assert.equal(error.message, '"format" must be docx, redline, csv or md; "only" must be changes or all');
  assert.deepEqual(error.fields, ["format", "only"]);
  assert.deepEqual(
    (error.issues as z.core.$ZodIssue[]).map((i) => [i.path, i.code]),
    [
      [["format"], "custom"],
      [["only"], "custom"],
    ],
  );
});

test("an unexpected failure is a JSON 500 without the stack or the error's message", async () => {
  const original = console.error;
  console.error = () => {};
  try {
    const handler = withApiErrors((_request: Request): Promise<Response> => {
      throw new Error("SQLITE_CORRUPT: secret path /srv/db.sqlite");
    });
    const res = await handler(new Request("http://app/api/policies"));
    assert.equal(res.status, 500);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    const text = await res.text();
    assert.equal((JSON.parse(text) as ApiErrorBody).error.code, "internal_error");
    assert.doesNotMatch(text, /SQLITE|secret|\/srv|at .*\.ts/);
  } finally {
    console.error = original;
  }
});
