/** Webhooks: a receiver gets a correctly signed body for a new version; failures are retried with backoff. */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import { freshTestDb, type TestDb } from "../data/test-db.ts";
import { createPolicyWithVersion } from "../data/version-writes.ts";
import { contentHash } from "../ingest/hash.ts";
import { FetchError } from "../ingest/fetch.ts";
import { watchBodySchema } from "../validations/watch.ts";
import { WEBHOOK_CONFIG } from "./config.ts";
import { checkNow, setWatch } from "./sources.ts";
import {
  addWebhook,
  deliverDue,
  enqueueNewVersion,
  listWebhooks,
  type NewVersionBody,
  type WebhookDeps,
} from "./webhooks.ts";
import { fakeClock, policyPage, startPageServer, testDeps, type PageServer } from "./testing.ts";

let t: TestDb;
let pages: PageServer;
let receiver: http.Server;
let receiverUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;

before(async () => {
  t = await freshTestDb("webhooks");
  pages = await startPageServer();
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
after(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await pages.close();
  await t.dispose();
});

const SECRET = "s3cret-s3cret-s3cret";

test("a webhook receiver gets a body signed with HMAC-SHA256, naming the versions, counts and compare URL", async () => {
  const clock = fakeClock();
  const deps: WebhookDeps = { ...testDeps(t.client, clock), origin: "https://policies.example.org" };
  deps.onNewVersion = async (event) => {
    await enqueueNewVersion(event, deps);
  };
  const oldText =
    "# 示例隐私政策\n更新日期：2025年1月1日\n## 一、收集\n我们收集您的手机号码。\n## 二、共享\n我们不共享。\n";
  await createPolicyWithVersion(
    { slug: "hooked", name: "示例隐私政策" },
    { text: oldText, format: "markdown", contentHash: contentHash(oldText), publishedAt: "2025-01-01" },
    t.client,
  );
  await addWebhook("hooked", { url: receiverUrl, secret: SECRET }, deps);
  pages.set("/hooked", {
    body: policyPage(
      "<h1>示例隐私政策</h1><p>更新日期：2025年6月1日</p><h2>一、收集</h2><p>我们收集您的手机号码和位置信息。</p><h2>二、共享</h2><p>我们不共享。</p>",
    ),
  });
  await setWatch("hooked", watchBodySchema.parse({ url: `${pages.origin}/hooked`, intervalMinutes: 60 }), deps);
  assert.equal((await checkNow("hooked", deps)).outcome, "new_version");

  assert.equal(await deliverDue(deps), 1);
  assert.equal(received.length, 1);
  const [hit] = received;
  const expected = `sha256=${createHmac("sha256", SECRET).update(hit!.body).digest("hex")}`;
  assert.equal(hit!.headers[WEBHOOK_CONFIG.signatureHeader], expected);
  assert.equal(hit!.headers[WEBHOOK_CONFIG.eventHeader], "version.added");
  const body = JSON.parse(hit!.body) as NewVersionBody;
  assert.equal(body.event, "version.added");
  assert.equal(body.policy.slug, "hooked");
  assert.equal(body.versions.from?.key, "2025-01-01");
  assert.equal(body.versions.to.key, "2025-06-01");
  assert.equal(body.compareUrl, "https://policies.example.org/p/hooked/compare/2025-01-01...2025-06-01");
  assert.equal(body.counts?.modified, 1);
  assert.deepEqual(
    body.changedSections.map((s) => [s.title, s.status]),
    [["收集", "modified"]],
  );
  assert.equal(await deliverDue(deps), 0, "delivered once");
  const [hook] = await listWebhooks(t.client);
  assert.equal(hook?.deliveries[0]?.status, "delivered");
});

test("a failing receiver is retried with exponential backoff, then given up; every attempt is logged", async () => {
  const clock = fakeClock();
  const deps: WebhookDeps = testDeps(t.client, clock);
  await t.client.webhook.deleteMany();
  await addWebhook(null, { url: receiverUrl, secret: SECRET }, deps);
  answer = 500;
  await enqueueNewVersion(
    { slug: "hooked", policyName: "示例", versionKey: "2025-06-01", previousKey: "2025-01-01" },
    deps,
  );
  for (let attempt = 1; attempt <= WEBHOOK_CONFIG.maxAttempts; attempt++) {
    assert.equal(await deliverDue(deps), 1, `attempt ${attempt}`);
    assert.equal(await deliverDue(deps), 0, "not before the backoff ends");
    clock.advance(WEBHOOK_CONFIG.firstRetryMs * 2 ** (attempt - 1));
  }
  const [hook] = await listWebhooks(t.client);
  assert.equal(hook?.deliveries[0]?.status, "failed");
  assert.equal(hook?.deliveries[0]?.attempts, WEBHOOK_CONFIG.maxAttempts);
  assert.equal(hook?.deliveries[0]?.lastError, "The receiver answered 500");
  answer = 200;
});

test("webhook targets pass the fetch guard's address checks", async () => {
  const deps = testDeps(t.client, fakeClock(), { fetch: { allowHosts: [] } });
  await assert.rejects(
    addWebhook(null, { url: "http://127.0.0.1:9/hook", secret: SECRET }, deps),
    (e: unknown) => e instanceof FetchError && e.code === "blocked_address",
  );
  await assert.rejects(addWebhook(null, { url: "http://10.0.0.8/hook", secret: SECRET }, deps), FetchError);
});
