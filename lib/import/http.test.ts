import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import http from "node:http";
import type { AddressInfo } from "node:net";
import iconv from "iconv-lite";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { getPolicy, getVersion } from "../data/reads.ts";
import { addVersionHandler, createPolicyHandler, deleteVersionHandler, patchVersionHandler } from "./http.ts";

const TOKEN = "unit-test-admin-token-1234567890";
process.env.ADMIN_TOKEN = TOKEN;

let t: TestDb;
let server: http.Server;
let base: string;
const hostile = `<html><head><title>恶意页面</title><script>alert(1)</script></head><body>
<h1>隐私政策</h1><p>更新日期：2024年3月1日</p>
<img src=x onerror="alert(2)"><a href="javascript:alert(3)">点我</a><iframe src="https://evil.example"></iframe>
<svg onload="alert(4)"></svg><p>我们会保护您的个人信息。</p></body></html>`;

before(async () => {
  t = await freshTestDb("api-writes");
  server = http.createServer((req, res) => {
    if (req.url === "/policy.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<h1>示例隐私政策</h1><p>最近更新：2024年5月6日</p><p>生效日期：2024年5月13日</p><p>正文。</p>");
    } else if (req.url === "/archive/2024-07-08.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<h1>示例隐私政策</h1><p>没有写日期的一版。</p>");
    } else if (req.url === "/logo.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (req.url === "/to-private") {
      res.writeHead(302, { location: "http://192.168.1.1/" });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await t.dispose();
});

const opts = () => ({ client: t.client, fetch: { allowHosts: ["127.0.0.1"], timeoutMs: 2000 } });
const auth = { authorization: `Bearer ${TOKEN}` };

function json(method: string, body: unknown, headers: Record<string, string> = auth) {
  return new Request("http://app/api", {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
/** The parts of the API's answers these tests read (./http.ts; errors: ../data/api.ts). */
interface Answer {
  error: {
    code: string;
    message: string;
    field?: string;
    issues: { path: (string | number)[] }[];
    match: { key: string; publishedAt: string | null; url: string };
  };
  version: {
    key: string;
    publishedAt: string | null;
    effectiveAt: string | null;
    label: string | null;
    sourceUrl: string | null;
  };
  detected: { publishedFrom: string | null };
  deleted: { key: string };
}
async function read(res: Response) {
  return { status: res.status, body: (await res.json()) as Answer };
}
const add = async (body: unknown, slug = "acme", headers: Record<string, string> = auth) =>
  read(await addVersionHandler(json("POST", body, headers), { slug }, opts()));

describe("POST /api/policies", () => {
  test("creates a policy with its first version; the name defaults to the title", async () => {
    const r = await read(
      await createPolicyHandler(
        json("POST", {
          slug: "acme",
          version: { text: "Acme 隐私政策\n\n更新日期：2023年1月2日\n\n第一条 我们收集信息。" },
        }),
        opts(),
      ),
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version.key, "2023-01-02");
    assert.equal((await getPolicy("acme", t.client))?.name, "Acme 隐私政策");
  });
  test("refuses a bad slug, a taken slug, a missing source", async () => {
    let r = await read(
      await createPolicyHandler(json("POST", { slug: "Bad_Slug", name: "x", version: { text: "a" } }), opts()),
    );
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "invalid_input");
    assert.equal(r.body.error.field, "slug");
    assert.equal(r.body.error.issues[0]?.path[0], "slug");
    r = await read(
      await createPolicyHandler(json("POST", { slug: "acme", name: "x", version: { text: "other text" } }), opts()),
    );
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, "policy_exists");
    r = await read(await createPolicyHandler(json("POST", { slug: "new-one", name: "x", version: {} }), opts()));
    assert.equal(r.status, 422);
  });
});

describe("POST /api/policies/{slug}/versions", () => {
  test("unauthorised: no token, a wrong token -> 401 JSON; nothing stored", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const r = await add({ text: "无权写入的文本" }, "acme", headers as Record<string, string>);
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, "unauthorized");
    }
    assert.equal((await getPolicy("acme", t.client))?.versionCount, 1);
  });
  test("pasted text with detected dates; explicit metadata wins", async () => {
    let r = await add({ text: "Acme 隐私政策\n最近更新：2024年2月3日\n生效日期：2024年2月10日\n第一条 新内容。" });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version.key, "2024-02-03");
    assert.equal(r.body.version.effectiveAt, "2024-02-10");
    r = await add({ text: "第三版，没有日期。", publishedAt: "2024-06-01", label: "v3" });
    assert.equal(r.body.version.key, "2024-06-01");
    assert.equal(r.body.version.label, "v3");
  });
  test("bad inputs get 4xx JSON with the reason", async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ text: "" }, 422, /empty/i],
      [{ text: "   \n\t  " }, 422, /empty/i],
      [{ text: "PNG\u0000\u0001\u0002binary" }, 422, /binary/i],
      [{ text: "正文", publishedAt: "2023-02-30" }, 422, /real date/],
      [{ text: "正文", publishedAt: "yesterday" }, 422, /real date/],
      [{ text: "a", url: "https://example.com" }, 422, /exactly one/],
      [{ text: "正文", extra: 1 }, 422, /extra|Unrecognized/i],
      [{ url: "ftp://example.com/x" }, 422, /http/],
      [{ url: "http://10.0.0.1/policy" }, 422, /private/],
      [{ url: "http://169.254.169.254/latest/meta-data" }, 422, /link-local/],
      [{ url: `${base}/to-private` }, 422, /192\.168\.1\.1.*private/],
      [{ url: `${base}/logo.png` }, 415, /image\/png/],
      [{ url: `${base}/missing` }, 502, /404/],
    ];
    for (const [body, status, message] of cases) {
      const r = await add(body);
      assert.equal(r.status, status, `${JSON.stringify(body)} -> ${JSON.stringify(r.body)}`);
      assert.match(JSON.stringify(r.body), message, JSON.stringify(body));
    }
    const notJson = await read(await addVersionHandler(json("POST", "{not json"), { slug: "acme" }, opts()));
    assert.equal(notJson.status, 400);
    const wrongType = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: "x" }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(wrongType.status, 415);
    const big = await add({ text: "a".repeat(6 * 1024 * 1024) });
    assert.equal(big.status, 413);
    const unknown = await add({ text: "正文" }, "no-such-policy");
    assert.equal(unknown.status, 404);
    const badSlug = await add({ text: "正文" }, "../etc");
    assert.equal(badSlug.status, 422);
    assert.equal((await getPolicy("acme", t.client))?.versionCount, 3);
  });
  test("a duplicate is 409 and names the stored version", async () => {
    const r = await add({ text: "第三版，没有日期。" });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, "duplicate");
    assert.equal(r.body.error.match.key, "2024-06-01");
    assert.deepEqual(Object.keys(r.body), ["error"]);
    assert.deepEqual(r.body.error.match, { key: "2024-06-01", publishedAt: "2024-06-01", url: "/p/acme/v/2024-06-01" });
    assert.match(r.body.error.message, /2024-06-01/);
  });
  test("a URL on an allowed local server is fetched; dates detected", async () => {
    const r = await add({ url: `${base}/policy.html` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version.publishedAt, "2024-05-06");
    assert.equal(r.body.version.effectiveAt, "2024-05-13");
    assert.equal(r.body.version.sourceUrl, `${base}/policy.html`);
  });
  test("a fetched page without a date in its text takes the date in its URL's file name", async () => {
    const r = await add({ url: `${base}/archive/2024-07-08.html` });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.version.publishedAt, "2024-07-08");
    assert.equal(r.body.detected.publishedFrom, "file name");
  });
  test("multipart upload: GBK text decodes; hostile HTML is stored as inert text", async () => {
    const form = new FormData();
    form.set(
      "file",
      new Blob([
        new Uint8Array(iconv.encode("Acme 隐私政策\n更新日期：2025年1月1日\n第一条 用GBK编码的文本。", "gbk")),
      ]),
      "2025.txt",
    );
    form.set("label", "GBK upload");
    let r = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: form }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const stored = await getVersion("acme", r.body.version.key, t.client);
    assert.match(stored?.text ?? "", /用GBK编码的文本/);

    const evil = new FormData();
    evil.set("file", new Blob([hostile], { type: "text/html" }), "evil.html");
    r = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: evil }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const text = (await getVersion("acme", r.body.version.key, t.client))?.text ?? "";
    assert.match(text, /我们会保护您的个人信息/);
    assert.doesNotMatch(text, /<script|onerror|javascript:|<iframe|onload|alert\(/i);

    const png = new FormData();
    png.set(
      "file",
      new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], { type: "image/png" }),
      "shot.png",
    );
    r = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: png }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(r.status, 422);
    assert.match(r.body.error.message, /PNG/);

    const invalidGbk = new FormData(); // bytes that are neither UTF-8 nor GB18030
    invalidGbk.set(
      "file",
      new Blob([new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x80, 0x81, 0x20, 0xff, 0x80, 0x30])]),
      "bad.txt",
    );
    r = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: invalidGbk }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "encoding");

    const noFile = new FormData(); // metadata only: the same invalid_input as a JSON body's
    noFile.set("label", "no file");
    r = await read(
      await addVersionHandler(
        new Request("http://app/api", { method: "POST", headers: auth, body: noFile }),
        { slug: "acme" },
        opts(),
      ),
    );
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "invalid_input");
    assert.equal(r.body.error.field, "file");
    assert.deepEqual(r.body.error.issues[0]?.path, ["file"]);
  });
});

describe("PATCH and DELETE /api/policies/{slug}/versions/{version}", () => {
  test("edit metadata, validate, 404 for unknown", async () => {
    let r = await read(
      await patchVersionHandler(
        json("PATCH", { label: "初版", note: "imported by test" }),
        { slug: "acme", version: "2023-01-02" },
        opts(),
      ),
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.version.label, "初版");
    r = await read(
      await patchVersionHandler(
        json("PATCH", { publishedAt: "2023-13-01" }),
        { slug: "acme", version: "2023-01-02" },
        opts(),
      ),
    );
    assert.equal(r.status, 422);
    r = await read(await patchVersionHandler(json("PATCH", {}), { slug: "acme", version: "2023-01-02" }, opts()));
    assert.equal(r.status, 422);
    r = await read(
      await patchVersionHandler(json("PATCH", { label: "x" }), { slug: "acme", version: "1999-01-01" }, opts()),
    );
    assert.equal(r.status, 404);
    r = await read(
      await patchVersionHandler(json("PATCH", { label: "x" }, {}), { slug: "acme", version: "2023-01-02" }, opts()),
    );
    assert.equal(r.status, 401);
  });
  test("delete needs the token; then the version is gone (404 on a second delete)", async () => {
    const req = () => new Request("http://app/api", { method: "DELETE", headers: auth });
    let r = await read(
      await deleteVersionHandler(
        new Request("http://app/api", { method: "DELETE" }),
        { slug: "acme", version: "2024-06-01" },
        opts(),
      ),
    );
    assert.equal(r.status, 401);
    r = await read(await deleteVersionHandler(req(), { slug: "acme", version: "2024-06-01" }, opts()));
    assert.equal(r.status, 200);
    assert.equal(r.body.deleted.key, "2024-06-01");
    r = await read(await deleteVersionHandler(req(), { slug: "acme", version: "2024-06-01" }, opts()));
    assert.equal(r.status, 404);
  });
});
