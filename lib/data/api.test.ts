import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { invalidParams, jsonError, withApiErrors } from "./api.ts";

test("every error body is {error: {code, message, ...details}}", async () => {
  const res = jsonError(409, "duplicate", "Already stored.", { match: { key: "2024-01-01", url: "/p/a/v/2024-01-01" } });
  assert.equal(res.status, 409);
  assert.deepEqual(await res.json(), {
    error: { code: "duplicate", message: "Already stored.", match: { key: "2024-01-01", url: "/p/a/v/2024-01-01" } },
  });
  // Details cannot overwrite the code or the message.
  assert.deepEqual(await jsonError(400, "a", "b", { code: "x", message: "y" }).json(), { error: { code: "a", message: "b" } });
  const parsed = z.object({ slug: z.string() }).safeParse({});
  assert.ok(!parsed.success);
  const invalid = await invalidParams(parsed.error.issues).json();
  assert.equal(invalid.error.code, "invalid_params");
  assert.deepEqual(invalid.error.issues[0].path, ["slug"]);
});

test("an unexpected failure is a JSON 500 without the stack or the error's message", async () => {
  const original = console.error;
  console.error = () => {};
  try {
    const handler = withApiErrors(async (_request: Request) => {
      throw new Error("SQLITE_CORRUPT: secret path /srv/db.sqlite");
    });
    const res = await handler(new Request("http://app/api/policies"));
    assert.equal(res.status, 500);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    const text = await res.text();
    assert.equal(JSON.parse(text).error.code, "internal_error");
    assert.doesNotMatch(text, /SQLITE|secret|\/srv|at .*\.ts/);
  } finally {
    console.error = original;
  }
});
