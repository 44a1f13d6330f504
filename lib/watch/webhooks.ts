/**
 * Notifications: when a check adds a version, every webhook of the policy and every global webhook
 * gets a delivery row; the scheduler's tick sends due deliveries (claimed with a lease, like sources),
 * signed with HMAC-SHA256, retried with exponential backoff, logged (docs/decisions/0025-watching-sources.md).
 */
import { createHmac } from "node:crypto";
import { retryWhileBusy, type Db } from "../db.ts";
import { UnknownPolicyError } from "../data/writes.ts";
import type { StepSummary } from "../data/steps.ts";
import { checkTargetAddress, FetchError, postUnderGuard } from "../ingest/fetch.ts";
import { comparePath, policyPath, versionPath } from "../view/url.ts";
import { WEBHOOK_CONFIG } from "./config.ts";
import type { NewVersionEvent, WatchDeps } from "./check.ts";

export interface WebhookDeps extends WatchDeps {
  /** Where the app is reached (APP_ORIGIN): the body's links are absolute. */
  origin?: string;
}

export class UnknownWebhookError extends Error {
  readonly code = "webhook_not_found";
  constructor(readonly id: string) {
    super(`No webhook "${id}".`);
    this.name = "UnknownWebhookError";
  }
}

/** The signature header's value: "sha256=" and the hex HMAC-SHA256 of the body under the secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export interface WebhookView {
  id: string;
  /** The policy's slug, or null for a global webhook. */
  policy: string | null;
  url: string;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  webhookId: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt: string | null;
}

/** Adds a webhook (a policy's, or global when `slug` is null); its URL must pass the fetch guard's address checks. */
export async function addWebhook(
  slug: string | null,
  input: { url: string; secret: string },
  deps: WatchDeps,
): Promise<WebhookView> {
  let policyId: string | null = null;
  if (slug) {
    const policy = await deps.client.policy.findUnique({ where: { slug }, select: { id: true } });
    if (!policy) throw new UnknownPolicyError(slug);
    policyId = policy.id;
  }
  await checkTargetAddress(input.url, deps.fetch);
  const row = await retryWhileBusy(() =>
    deps.client.webhook.create({ data: { policyId, url: input.url, secret: input.secret } }),
  );
  return { id: row.id, policy: slug, url: row.url, createdAt: row.createdAt.toISOString() };
}

export async function deleteWebhook(id: string, client: Db): Promise<void> {
  const { count } = await retryWhileBusy(() => client.webhook.deleteMany({ where: { id } }));
  if (count !== 1) throw new UnknownWebhookError(id);
}

/** Webhooks with their latest deliveries (the delivery log), newest first. */
export async function listWebhooks(
  client: Db,
  deliveries = 20,
): Promise<(WebhookView & { deliveries: DeliveryView[] })[]> {
  const rows = await client.webhook.findMany({
    orderBy: { createdAt: "desc" },
    include: { policy: { select: { slug: true } }, deliveries: { orderBy: { createdAt: "desc" }, take: deliveries } },
  });
  return rows.map((w) => ({
    id: w.id,
    policy: w.policy?.slug ?? null,
    url: w.url,
    createdAt: w.createdAt.toISOString(),
    deliveries: w.deliveries.map((d) => ({
      id: d.id,
      webhookId: d.webhookId,
      status: d.status as DeliveryView["status"],
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  }));
}

/** The JSON body of a "version.added" notification (extended, never renamed: receivers read it). */
export interface NewVersionBody {
  event: "version.added";
  policy: { slug: string; name: string; url: string };
  /** `from`: the version before the new one by date (null for a policy's first). */
  versions: { from: { key: string; url: string } | null; to: { key: string; url: string } };
  /** The step's counts (lib/data/steps.ts StepCounts); null when no step was stored. */
  counts: StepSummary["counts"] | null;
  /** Sections added, removed or changed (at most 100). */
  changedSections: { status: string; number: string | null; title: string | null; changedRatio: number }[];
  compareUrl: string | null;
}

/** The body of a "version.added" notification. */
export async function newVersionBody(event: NewVersionEvent, deps: WebhookDeps): Promise<NewVersionBody> {
  const abs = (path: string) => (deps.origin ? new URL(path, deps.origin).href : path);
  const step = await deps.client.versionStep.findFirst({
    where: { policy: { slug: event.slug }, toVersion: { key: event.versionKey } },
    select: { json: true, fromVersion: { select: { key: true } } },
  });
  const summary = step ? (JSON.parse(step.json) as StepSummary) : null;
  const fromKey = step?.fromVersion.key ?? event.previousKey;
  const changed = (summary?.links ?? []).filter((l) => l.status !== "unchanged");
  return {
    event: "version.added",
    policy: { slug: event.slug, name: event.policyName, url: abs(policyPath(event.slug)) },
    versions: {
      from: fromKey ? { key: fromKey, url: abs(versionPath(event.slug, fromKey)) } : null,
      to: { key: event.versionKey, url: abs(versionPath(event.slug, event.versionKey)) },
    },
    counts: summary?.counts ?? null,
    changedSections: changed.slice(0, 100).map((l) => ({
      status: l.status,
      number: l.newNumber ?? l.oldNumber,
      title: l.newTitle ?? l.oldTitle,
      changedRatio: l.changedRatio,
    })),
    compareUrl: fromKey
      ? abs(comparePath({ slug: event.slug, key: fromKey }, { slug: event.slug, key: event.versionKey }))
      : null,
  };
}

/** One pending delivery per webhook of the policy and per global webhook. Returns how many. */
export async function enqueueNewVersion(event: NewVersionEvent, deps: WebhookDeps): Promise<number> {
  const hooks = await deps.client.webhook.findMany({
    where: { OR: [{ policyId: null }, { policy: { slug: event.slug } }] },
    select: { id: true },
  });
  if (hooks.length === 0) return 0;
  const body = JSON.stringify(await newVersionBody(event, deps));
  const now = deps.clock.now();
  await retryWhileBusy(() =>
    deps.client.webhookDelivery.createMany({
      data: hooks.map((h) => ({ webhookId: h.id, body, status: "pending", nextAttemptAt: now, leaseUntil: now })),
    }),
  );
  return hooks.length;
}

export function deliveryRetryMs(attempts: number): number {
  return WEBHOOK_CONFIG.firstRetryMs * 2 ** Math.max(0, attempts - 1);
}

/** Sends every due delivery once (each claimed first); returns how many were tried. */
export async function deliverDue(deps: WebhookDeps): Promise<number> {
  const { client, clock } = deps;
  const now = clock.now();
  const due = await client.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, leaseUntil: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: 20,
    select: { id: true },
  });
  let tried = 0;
  for (const { id } of due) {
    const at = clock.now();
    const { count } = await retryWhileBusy(() =>
      client.webhookDelivery.updateMany({
        where: { id, status: "pending", leaseUntil: { lte: at } },
        data: { leaseUntil: new Date(at.getTime() + WEBHOOK_CONFIG.leaseMs) },
      }),
    );
    if (count !== 1) continue;
    const delivery = await client.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { webhook: true } });
    tried++;
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await postUnderGuard(
        delivery.webhook.url,
        delivery.body,
        {
          [WEBHOOK_CONFIG.signatureHeader]: signBody(delivery.webhook.secret, delivery.body),
          [WEBHOOK_CONFIG.eventHeader]: "version.added",
          "x-policy-diff-delivery": delivery.id,
        },
        { ...deps.fetch, timeoutMs: WEBHOOK_CONFIG.timeoutMs },
      );
      if (status < 200 || status >= 300) error = `The receiver answered ${status}`;
    } catch (e) {
      error = e instanceof FetchError ? e.message : String(e);
    }
    const attempts = delivery.attempts + 1;
    const done = clock.now();
    const data =
      error === null
        ? { status: "delivered", attempts, lastStatus: status, lastError: null, deliveredAt: done, leaseUntil: done }
        : {
            status: attempts >= WEBHOOK_CONFIG.maxAttempts ? "failed" : "pending",
            attempts,
            lastStatus: status,
            lastError: error,
            nextAttemptAt: new Date(done.getTime() + deliveryRetryMs(attempts)),
            leaseUntil: done,
          };
    await retryWhileBusy(() => client.webhookDelivery.update({ where: { id }, data }));
  }
  return tried;
}
