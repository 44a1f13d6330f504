import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { fetchDocument, FetchError, parseAllowHosts, type FetchErrorCode } from "./fetch.ts";
import { blockedReason } from "./address.ts";

const SIX_MB = 6 * 1024 * 1024;
let server: http.Server;
let base: string; // http://127.0.0.1:PORT
let port: number;

function route(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = req.url ?? "/";
  switch (path) {
    case "/ok.html":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end("<html><body><h1>隐私政策</h1><p>更新日期：2024年1月2日</p></body></html>");
    case "/gbk.txt":
      res.writeHead(200, { "content-type": "text/plain; charset=GBK" });
      return res.end(Buffer.from([0xd2, 0xfe, 0xcb, 0xbd])); // 隐私 in GBK
    case "/gzip.html":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      return res.end(zlib.gzipSync("<p>compressed</p>"));
    case "/bomb.html": // small on the wire, 6 MB once decompressed
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      return res.end(zlib.gzipSync(Buffer.alloc(SIX_MB, 0x61)));
    case "/big-declared.html":
      res.writeHead(200, { "content-type": "text/html", "content-length": String(SIX_MB) });
      return res.end(); // the header alone must be enough to refuse
    case "/big-streamed.html": {
      res.writeHead(200, { "content-type": "text/html" }); // chunked, no length
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const push = () => {
        while (sent < 7) {
          sent++;
          if (!res.write(chunk)) return res.once("drain", push);
        }
        res.end();
      };
      return push();
    }
    case "/slow.html":
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<p>start");
      return; // never ends
    case "/hang":
      return; // never answers
    case "/image.png":
      res.writeHead(200, { "content-type": "image/png" });
      return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    case "/pdf":
      res.writeHead(200, { "content-type": "application/pdf" });
      return res.end("%PDF-1.4");
    case "/no-type":
      res.writeHead(200);
      return res.end("hello");
    case "/missing":
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("not here");
    case "/redirect-ok":
      res.writeHead(302, { location: "/ok.html" });
      return res.end();
    case "/redirect-private":
      res.writeHead(302, { location: "http://10.0.0.1/secret" });
      return res.end();
    case "/redirect-metadata":
      res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" });
      return res.end();
    case "/redirect-localhost": // same server, but by a name that is not allow-listed
      res.writeHead(307, { location: `http://localhost:${port}/ok.html` });
      return res.end();
    case "/redirect-file":
      res.writeHead(302, { location: "file:///etc/passwd" });
      return res.end();
    default: {
      const loop = /^\/loop\/(\d+)$/.exec(path);
      if (loop) {
        res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` });
        return res.end();
      }
      const chain = /^\/chain\/(\d+)$/.exec(path); // /chain/n redirects n times, then ok
      if (chain) {
        const n = Number(chain[1]);
        res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : "/ok.html" });
        return res.end();
      }
      res.writeHead(404);
      res.end();
    }
  }
}

before(async () => {
  server = http.createServer(route);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const allowLocal = { allowHosts: ["127.0.0.1"] };

async function refused(url: string, code: FetchErrorCode, options: Parameters<typeof fetchDocument>[1] = {}) {
  await assert.rejects(fetchDocument(url, options), (error: unknown) => {
    assert.ok(error instanceof FetchError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

describe("addresses", () => {
  test("private, loopback, link-local, unique-local and multicast addresses are blocked", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd12:3456::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
      "2002:c0a8:0101::1",
      // IPv4-translated and local-use NAT64 (outside 2000::/3), Teredo, documentation, unassigned.
      "::ffff:0:10.0.0.1",
      "::ffff:0:a00:1",
      "::ffff:0:8.8.8.8",
      "64:ff9b:1::a00:1",
      "64:ff9b:1::808:808",
      "2001::1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2",
      "3fff::1",
      "4000::1",
      "::8.8.8.8",
    ]) {
      assert.ok(blockedReason(a), `${a} should be blocked`);
    }
  });
  test("public addresses pass", () => {
    for (const a of ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
      assert.equal(blockedReason(a), null, a);
    }
  });
});

describe("fetchDocument: where it may connect", () => {
  test("loopback is refused without the allow-list (before any connection)", async () => {
    await refused(`${base}/ok.html`, "blocked_address", { allowHosts: [] });
    await refused(`http://localhost:${port}/ok.html`, "blocked_address", { allowHosts: [] });
    await refused(`http://[::1]:${port}/`, "blocked_address", { allowHosts: [] });
    await refused("http://2130706433/", "blocked_address", { allowHosts: [] }); // 127.0.0.1 as a number
  });
  test("private and link-local literals are refused", async () => {
    for (const url of [
      "http://10.0.0.1/",
      "http://192.168.0.1/",
      "http://169.254.169.254/latest/",
      "http://[fd00::1]/",
      "http://[fe80::1]/",
      "http://224.0.0.1/",
    ]) {
      await refused(url, "blocked_address", { allowHosts: [] });
    }
  });
  test("a public name that resolves to a private address is refused (after DNS)", async () => {
    const resolve = () => Promise.resolve([{ address: "10.1.2.3", family: 4 }]);
    await refused("http://intranet.example.com/", "blocked_address", { allowHosts: [], resolve });
    const mixed = () =>
      Promise.resolve([
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ]);
    await refused("http://rebind.example.com/", "blocked_address", { allowHosts: [], resolve: mixed });
  });
  test("the allow-list lets a named host through", async () => {
    const doc = await fetchDocument(`${base}/ok.html`, allowLocal);
    assert.equal(doc.mediaType, "text/html");
    assert.equal(doc.charset, "utf-8");
    assert.match(Buffer.from(doc.bytes).toString("utf8"), /更新日期/);
    assert.equal(doc.filename, "ok.html");
  });
  test("ports other than 80 and 443 are refused unless the host is allowed", async () => {
    const resolve = () => Promise.resolve([{ address: "93.184.216.34", family: 4 }]);
    for (const url of ["http://example.com:8080/", "https://example.com:22/", "http://example.com:6379/"]) {
      await refused(url, "blocked_port", { allowHosts: [], resolve });
    }
    // The allowed test server runs on a random port.
    assert.equal((await fetchDocument(`${base}/ok.html`, allowLocal)).mediaType, "text/html");
  });
  test("FETCH_ALLOW_HOSTS is parsed from the environment format", () => {
    assert.deepEqual(parseAllowHosts("127.0.0.1, localhost  [::1],Example.COM."), [
      "127.0.0.1",
      "localhost",
      "::1",
      "example.com",
    ]);
    assert.deepEqual(parseAllowHosts(undefined), []);
  });
  test("only http and https", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.com/x",
      "javascript:alert(1)",
      "data:text/html,hi",
      "not a url",
      "http://user:pw@example.com/",
    ]) {
      await refused(url, "bad_url");
    }
  });
});

describe("fetchDocument: redirects", () => {
  test("a redirect to an allowed page is followed and recorded", async () => {
    const doc = await fetchDocument(`${base}/redirect-ok`, allowLocal);
    assert.equal(doc.finalUrl, `${base}/ok.html`);
  });
  test("each redirect is re-checked: to a private address, to cloud metadata, to a non-allowed name", async () => {
    await refused(`${base}/redirect-private`, "blocked_address", allowLocal);
    await refused(`${base}/redirect-metadata`, "blocked_address", allowLocal);
    await refused(`${base}/redirect-localhost`, "blocked_address", allowLocal);
    await refused(`${base}/redirect-file`, "bad_url", allowLocal);
  });
  test("at most 5 redirects", async () => {
    await fetchDocument(`${base}/chain/4`, allowLocal); // 5 redirects in all
    await refused(`${base}/chain/5`, "too_many_redirects", allowLocal);
    await refused(`${base}/loop/0`, "too_many_redirects", allowLocal);
  });
});

describe("fetchDocument: what it accepts", () => {
  test("non-text content types are refused", async () => {
    await refused(`${base}/image.png`, "bad_content_type", allowLocal);
    await refused(`${base}/pdf`, "bad_content_type", allowLocal);
    await refused(`${base}/no-type`, "bad_content_type", allowLocal);
  });
  test("error statuses are refused with the status", async () => {
    await assert.rejects(fetchDocument(`${base}/missing`, allowLocal), /404/);
  });
  test("the bytes come back undecoded, with the declared charset", async () => {
    const doc = await fetchDocument(`${base}/gbk.txt`, allowLocal);
    assert.deepEqual([...doc.bytes], [0xd2, 0xfe, 0xcb, 0xbd]);
    assert.equal(doc.charset, "GBK");
  });
  test("gzip bodies are decompressed", async () => {
    const doc = await fetchDocument(`${base}/gzip.html`, allowLocal);
    assert.equal(Buffer.from(doc.bytes).toString(), "<p>compressed</p>");
  });
});

describe("fetchDocument: limits", () => {
  test("a declared length over 5 MB is refused", async () => {
    await refused(`${base}/big-declared.html`, "too_large", allowLocal);
  });
  test("a streamed body over 5 MB is cut off", async () => {
    await refused(`${base}/big-streamed.html`, "too_large", allowLocal);
  });
  test("the cap counts decompressed bytes (gzip bomb)", async () => {
    await refused(`${base}/bomb.html`, "too_large", allowLocal);
  });
  test("a server that never answers times out", async () => {
    const started = Date.now();
    await refused(`${base}/hang`, "timeout", { ...allowLocal, timeoutMs: 300 });
    assert.ok(Date.now() - started < 2000);
  });
  test("a body that never ends times out", async () => {
    await refused(`${base}/slow.html`, "timeout", { ...allowLocal, timeoutMs: 300 });
  });
  test("a resolver that hangs times out", async () => {
    const resolve = () => new Promise<never>(() => {});
    await refused("http://slow-dns.example.com/", "timeout", { allowHosts: [], resolve, timeoutMs: 200 });
  });
});
