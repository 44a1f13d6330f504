/**
 * The watching API's handlers, as plain Request -> Response functions (routes stay thin):
 *
 *   GET    /api/policies/{slug}/watch          the watched source (404 not_watched)
 *   PUT    /api/policies/{slug}/watch          set or change it: {url, intervalMinutes, selector?, startMarker?, endMarker?, versionUrlTemplate?}
 *   DELETE /api/policies/{slug}/watch          stop watching (the log and snapshots stay)
 *   POST   /api/policies/{slug}/watch/check    check now; answers the check's record
 *   GET    /api/policies/{slug}/checks         the check log, newest first
 *   POST   /api/policies/{slug}/backfill       fetch the listed versions missing: {versionUrlTemplate?}; the per-date report
 *   GET    /api/webhooks                       webhooks with their delivery logs
 *   POST   /api/webhooks                       add one: {url, secret, policy?}
 *   DELETE /api/webhooks/{id}                  remove one
 *
 * All of them need the admin token (401 without it); errors have the API's one shape (lib/data/api.ts).
 */
import { z } from "zod";
import { requireAdmin } from "../auth.ts";
import { guard, readJson } from "../import/http.ts";
import type { WriteProblem } from "../import/errors.ts";
import { slugSchema } from "../validations/common.ts";
import { backfillBodySchema, watchBodySchema, webhookBodySchema } from "../validations/watch.ts";
import { versionPath } from "../view/url.ts";
import { backfill, NoKnownVersionsError, NoTemplateError } from "./backfill.ts";
import type { CheckRecord } from "./check.ts";
import { SelectorError } from "./extract.ts";
import {
  checkNow,
  CheckInProgressError,
  getWatch,
  listChecks,
  NotWatchedError,
  removeWatch,
  setWatch,
  TooManySourcesError,
} from "./sources.ts";
import { addWebhook, deleteWebhook, listWebhooks, UnknownWebhookError, type WebhookDeps } from "./webhooks.ts";

const policyParams = z.object({ slug: slugSchema });
const webhookParams = z.object({ id: z.string().min(1).max(64) });

function describeWatchError(error: unknown): WriteProblem | null {
  if (error instanceof NotWatchedError) return { status: 404, code: error.code, message: error.message };
  if (error instanceof UnknownWebhookError) return { status: 404, code: error.code, message: error.message };
  if (error instanceof CheckInProgressError) return { status: 409, code: error.code, message: error.message };
  if (error instanceof TooManySourcesError)
    return { status: 422, code: error.code, message: error.message, field: "url" };
  if (error instanceof NoTemplateError)
    return { status: 422, code: error.code, message: error.message, field: "versionUrlTemplate" };
  if (error instanceof NoKnownVersionsError) return { status: 422, code: error.code, message: error.message };
  if (error instanceof SelectorError)
    return { status: 422, code: "invalid_input", message: error.message, field: "selector" };
  return null;
}

/** Admin only, errors mapped: the frame of every handler here. */
function adminHandler(request: Request, run: () => Promise<Response>): Promise<Response> {
  return guard(async () => requireAdmin(request) ?? (await run()), describeWatchError);
}

const withVersionUrl = (slug: string, check: CheckRecord) => ({
  ...check,
  versionUrl: check.versionKey ? versionPath(slug, check.versionKey) : null,
});

export function getWatchHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    const watch = await getWatch(slug, deps.client);
    if (!watch) throw new NotWatchedError(slug);
    return Response.json({ watch });
  });
}

export function putWatchHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    const input = watchBodySchema.parse(await readJson(request));
    const { watch, created, event } = await setWatch(slug, input, deps);
    return Response.json({ watch, event }, { status: created ? 201 : 200 });
  });
}

export function deleteWatchHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    if (!(await removeWatch(slug, deps.client))) throw new NotWatchedError(slug);
    return Response.json({ deleted: true });
  });
}

export function checkNowHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    return Response.json({ check: withVersionUrl(slug, await checkNow(slug, deps)) });
  });
}

export function listChecksHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    const checks = await listChecks(slug, deps.client);
    return Response.json({
      watch: await getWatch(slug, deps.client),
      checks: checks.map((c) => withVersionUrl(slug, c)),
    });
  });
}

export function backfillHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { slug } = policyParams.parse(rawParams);
    const hasBody =
      (request.headers.get("content-length") ?? "0") !== "0" || request.headers.get("content-type") !== null;
    const body = backfillBodySchema.parse(hasBody ? await readJson(request) : undefined);
    const report = await backfill(slug, deps, { template: body.versionUrlTemplate });
    return Response.json({ report });
  });
}

export function listWebhooksHandler(request: Request, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => Response.json({ webhooks: await listWebhooks(deps.client) }));
}

export function addWebhookHandler(request: Request, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const body = webhookBodySchema
      .extend({ policy: slugSchema.optional() })
      .strict()
      .parse(await readJson(request));
    const webhook = await addWebhook(body.policy ?? null, body, deps);
    return Response.json({ webhook }, { status: 201 });
  });
}

export function deleteWebhookHandler(request: Request, rawParams: unknown, deps: WebhookDeps): Promise<Response> {
  return adminHandler(request, async () => {
    const { id } = webhookParams.parse(rawParams);
    await deleteWebhook(id, deps.client);
    return Response.json({ deleted: true });
  });
}
