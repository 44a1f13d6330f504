import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DuplicateVersionError } from "../data/version-writes.ts";
import { getMessages } from "../i18n/index.ts";
import { IngestError } from "../ingest/errors.ts";
import { FetchError } from "../ingest/fetch.ts";
import { MAX_DOCUMENT_BYTES } from "../validations/common.ts";
import {
  deniedState,
  detectionFromForm,
  failureState,
  formValues,
  parseNewPolicy,
  parseNewVersion,
  parseSource,
  parseVersionDelete,
  parseVersionEdit,
  saveStep,
  type Parsed,
} from "./form.ts";
import type { FormState } from "./form-state.ts";
import { warningMessage } from "./messages.ts";

const t = getMessages("en");
const m = t.importer;

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

function refused<T>(r: Parsed<T>): FormState {
  assert.ok(!r.ok, "expected a refusal");
  return r.state;
}

function accepted<T>(r: Parsed<T>): T {
  assert.ok(r.ok, r.ok ? "" : JSON.stringify(r.state));
  return r.data;
}

/** What the detect step posts back with the save step. */
const posted = {
  format: "text",
  encoding: "utf-8",
  title: "Acme 隐私政策",
  publishedAt: "2024-02-03",
  effectiveAt: null,
  publishedFrom: "text",
  listedVersionDates: ["2023-01-02"],
  warnings: [],
  sourceUrl: null,
  duplicateOf: { key: "2023-01-02" },
};

describe("form values put back after an error", () => {
  test("every string field but the document and React's own fields", () => {
    const f = form({ mode: "add", slug: "acme", text: "long text", $ACTION_ID_1: "x", label: "v2" });
    f.set("file", new File(["x"], "a.txt"));
    assert.deepEqual(formValues(f), { mode: "add", slug: "acme", label: "v2" });
    assert.deepEqual(formValues(f, ["file"]), { mode: "add", slug: "acme", text: "long text", label: "v2" });
  });
});

describe("step 1: the source", () => {
  test("pasted text, an uploaded file, a URL", async () => {
    assert.deepEqual(accepted(await parseSource(form({ sourceKind: "paste", text: "隐私政策" }), t)), {
      kind: "text",
      text: "隐私政策",
    });
    const file = accepted(
      await parseSource(
        form({ sourceKind: "upload", file: new File(["abc"], "2022-02-11.txt", { type: "text/plain" }) }),
        t,
      ),
    );
    assert.ok(file.kind === "file");
    assert.deepEqual(
      [file.fileName, file.contentType, [...file.bytes]],
      ["2022-02-11.txt", "text/plain", [97, 98, 99]],
    );
    assert.deepEqual(accepted(await parseSource(form({ sourceKind: "url", url: " https://example.com/p " }), t)), {
      kind: "url",
      url: "https://example.com/p",
    });
  });

  test("each refusal names its field, in the user's language, and keeps what was typed", async () => {
    const empty = refused(await parseSource(form({ sourceKind: "paste", text: "  ", note: "n" }), t));
    assert.equal(empty.status, "error");
    assert.equal(empty.message, m.problems.empty);
    assert.deepEqual(empty.errors, { text: [m.problems.empty] });
    assert.deepEqual(empty.values, { sourceKind: "paste", text: "  ", note: "n" });
    assert.equal(typeof empty.nonce, "number");

    const noFile = refused(await parseSource(form({ sourceKind: "upload" }), t));
    assert.deepEqual(noFile.errors, { file: [m.chooseFile] });
    const big = new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1)], "big.txt");
    assert.deepEqual(refused(await parseSource(form({ sourceKind: "upload", file: big }), t)).errors, {
      file: [m.fileTooLarge],
    });

    assert.deepEqual(refused(await parseSource(form({ sourceKind: "url", url: "" }), t)).errors, {
      url: [m.enterUrl],
    });
    assert.deepEqual(refused(await parseSource(form({ sourceKind: "url", url: "file:///etc/passwd" }), t)).errors, {
      url: [m.problems.fetchBadUrl],
    });
  });

  test("every answer has a new nonce (the form re-mounts with it)", async () => {
    const a = refused(await parseSource(form({ sourceKind: "url" }), t));
    const b = refused(await parseSource(form({ sourceKind: "url" }), t));
    assert.ok((b.nonce ?? 0) > (a.nonce ?? 0));
  });
});

describe("step 2: saving", () => {
  const saveFields = {
    mode: "add",
    slug: "acme",
    text: "Acme 隐私政策\n第一条",
    format: "html",
    listedVersionDates: '["2023-01-02"]',
    publishedAt: "2024-02-03",
    effectiveAt: "",
    label: " v2 ",
    sourceUrl: "",
    note: "",
    detection: JSON.stringify(posted),
  };

  test("a new version: the slug, the cleaned text as its source, the metadata as left", () => {
    const f = form(saveFields);
    assert.deepEqual(accepted(parseNewVersion(f, t, saveStep(f))), {
      slug: "acme",
      source: { kind: "text", text: "Acme 隐私政策\n第一条", format: "text" },
      meta: {
        format: "html",
        listedVersionDates: ["2023-01-02"],
        publishedAt: "2024-02-03",
        effectiveAt: null,
        label: "v2",
        sourceUrl: null,
        note: null,
      },
    });
  });

  test("the detection posted back is checked, and the duplicate's link rebuilt for the policy", () => {
    const f = form(saveFields);
    const detection = detectionFromForm(f);
    assert.equal(detection?.title, "Acme 隐私政策");
    assert.equal(detection?.text, saveFields.text);
    assert.deepEqual(detection?.duplicateOf, { key: "2023-01-02", url: "/p/acme/v/2023-01-02" });
    const tampered = { ...posted, duplicateOf: { key: "2023-01-02", url: "https://evil.example/" } };
    assert.deepEqual(
      detectionFromForm(form({ ...saveFields, detection: JSON.stringify(tampered) }))?.duplicateOf,
      { key: "2023-01-02", url: "/p/acme/v/2023-01-02" },
      "the posted URL is ignored",
    );
    assert.equal(detectionFromForm(form({ ...saveFields, detection: "{not json" })), null);
    assert.equal(
      detectionFromForm(form({ ...saveFields, detection: JSON.stringify({ ...posted, format: "exe" }) })),
      null,
    );
    assert.equal(detectionFromForm(form({ ...saveFields, mode: "create" }))?.duplicateOf, null);
  });

  test("invalid fields: one message per field, the values and the detection kept", () => {
    const f = form({ ...saveFields, publishedAt: "2023-02-30", sourceUrl: "javascript:alert(1)" });
    const state = refused(parseNewVersion(f, t, saveStep(f)));
    assert.equal(state.status, "error");
    assert.equal(state.message, m.fixErrors);
    assert.deepEqual(Object.keys(state.errors ?? {}).sort(), ["publishedAt", "sourceUrl"]);
    assert.equal(state.values?.publishedAt, "2023-02-30");
    assert.equal(state.values?.text, undefined, "the text is not echoed back");
    assert.equal(state.values?.detection, undefined);
    assert.equal(state.detection?.title, "Acme 隐私政策");
  });

  test("field messages and details are the catalogue's, in the user's language (not zod's or the engine's English)", () => {
    const zh = getMessages("zh");
    const f = form({
      ...saveFields,
      publishedAt: "2023-02-30",
      sourceUrl: "javascript:alert(1)",
      label: "x".repeat(300),
    });
    const state = refused(parseNewVersion(f, zh, saveStep(f)));
    assert.deepEqual(state.errors, {
      publishedAt: [zh.importer.problems.badDate],
      sourceUrl: [zh.importer.problems.fetchBadUrl],
      label: ["最多 200 个字符。"],
    });
    const dns = new FetchError("dns", "Could not resolve nowhere.invalid (ENOTFOUND)", undefined, {
      host: "nowhere.invalid",
      reason: "ENOTFOUND",
    });
    const failed = failureState(dns, zh, undefined, "url");
    assert.equal(failed.message, zh.importer.problems.fetchFailed);
    assert.equal(failed.detail, "无法解析域名 nowhere.invalid（ENOTFOUND）。");
    assert.equal(
      failureState(
        new FetchError("http_status", "The server answered 404", undefined, { status: 404 }),
        zh,
        undefined,
        "url",
      ).detail,
      "服务器返回 HTTP 404。",
    );
  });

  test("a note on how the document was read is said in the user's language", () => {
    assert.equal(
      warningMessage({ code: "decoded_as", encoding: "GB18030" }, getMessages("zh").importer),
      "文件不是 UTF-8 编码，已按 GB18030 解码。",
    );
    assert.equal(
      warningMessage({ code: "decoded_as", encoding: "GB18030" }, m),
      "The file is not UTF-8; it was decoded as GB18030.",
    );
  });

  test("a new policy: its URL comes from policySourceUrl; a bad slug is the slug's error", () => {
    const fields = {
      ...saveFields,
      mode: "create",
      slug: "acme-new",
      name: "",
      policySourceUrl: "https://acme.example/privacy",
      sourceUrl: "https://acme.example/privacy/v2",
    };
    const ok = accepted(parseNewPolicy(form(fields), t, saveStep(form(fields))));
    assert.equal(ok.policy.slug, "acme-new");
    assert.equal(ok.policy.sourceUrl, "https://acme.example/privacy");
    assert.equal(ok.meta.sourceUrl, "https://acme.example/privacy/v2");
    const bad = form({ ...fields, slug: "Acme!" });
    assert.deepEqual(Object.keys(refused(parseNewPolicy(bad, t, saveStep(bad))).errors ?? {}), ["slug"]);
  });
});

describe("editing and deleting", () => {
  test("edit: which version and the change; a bad date is its field's error", () => {
    const f = form({
      slug: "acme",
      key: "2024-02-03",
      publishedAt: "2024-02-04",
      effectiveAt: "",
      label: "",
      sourceUrl: "",
      note: "x",
    });
    assert.deepEqual(accepted(parseVersionEdit(f, t)), {
      slug: "acme",
      key: "2024-02-03",
      change: { publishedAt: "2024-02-04", effectiveAt: null, label: null, sourceUrl: null, note: "x" },
    });
    const bad = refused(parseVersionEdit(form({ slug: "acme", key: "2024-02-03", publishedAt: "soon" }), t));
    assert.deepEqual(Object.keys(bad.errors ?? {}), ["publishedAt"]);
    assert.equal(bad.values?.publishedAt, "soon");
  });

  test("delete: only with the key repeated in confirm", () => {
    assert.deepEqual(accepted(parseVersionDelete(form({ slug: "acme", key: "undated-2", confirm: "undated-2" }), t)), {
      slug: "acme",
      key: "undated-2",
    });
    assert.equal(refused(parseVersionDelete(form({ slug: "acme", key: "undated-2" }), t)).message, m.problems.invalid);
    assert.deepEqual(Object.keys(refused(parseVersionDelete(form({ slug: "acme", key: "latest" }), t)).errors ?? {}), [
      "key",
    ]);
  });
});

describe("refusals as form states", () => {
  test("a duplicate names the stored version and links to it", () => {
    const state = failureState(new DuplicateVersionError("acme", { key: "2022-01-10", publishedAt: "2022-01-10" }), t, {
      slug: "acme",
    });
    assert.equal(state.status, "error");
    assert.match(state.message ?? "", /2022-01-10/);
    assert.deepEqual(state.duplicate, { key: "2022-01-10", url: "/p/acme/v/2022-01-10" });
    assert.deepEqual(state.values, { slug: "acme" });
  });

  test("an ingest refusal: the user's sentence at the source field, never the engine's English", () => {
    const state = failureState(new IngestError("encoding", "Not UTF-8, UTF-16 or GB18030."), t, undefined, "file");
    assert.equal(state.message, m.problems.encoding);
    assert.equal(state.detail, null);
    assert.deepEqual(state.errors, { file: [m.problems.encoding] });
  });

  test("anything unexpected is logged and shown as nothing saved", () => {
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const state = failureState(new Error("disk full"), t);
      assert.equal(state.message, m.problems.failed);
      assert.equal(JSON.stringify(state).includes("disk full"), false);
      assert.equal(logged.length, 1);
    } finally {
      console.error = original;
    }
  });

  test("no session, or writes disabled", () => {
    const signedOut = deniedState({ ok: false, status: 401, code: "unauthorized", message: "" }, t, { a: "1" });
    assert.equal(signedOut.message, m.needSignIn);
    assert.deepEqual(signedOut.values, { a: "1" });
    assert.equal(
      deniedState({ ok: false, status: 503, code: "writes_disabled", message: "" }, t).message,
      m.writesDisabled,
    );
  });
});
