import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";

const root = new URL("../../", import.meta.url).pathname;

describe("policy CLI through a pipe", () => {
  it("compare --json writes the whole model before exiting (far more than a pipe's 64 KB buffer)", () => {
    // A slow reader on the other end of a real pipe: `sleep` lets the buffer fill before `cat` drains it.
    const r = spawnSync(
      "sh",
      [
        "-c",
        "node --import tsx scripts/policy.ts compare data/samples/seeds/000_ebd95ca57e37e1f5.txt data/samples/seeds/001_027d5199da357187.txt --json | (sleep 1; cat)",
      ],
      { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 256 * 1024, `only ${r.stdout.length} characters arrived`);
    const model = JSON.parse(r.stdout) as { sections: unknown[] };
    assert.ok(model.sections.length > 0);
  });
});
