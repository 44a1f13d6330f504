/**
 * The JSON API's error bodies, one shape for every route (reads, writes, auth, the language switch):
 *
 *   { "error": { "code": "policy_not_found", "message": "No policy with slug \"x\".", ...details } }
 *
 * `code` is stable snake_case for programs (ApiErrorCode below is the whole vocabulary; the README's
 * "Errors" table gives each one's status and details), `message` a sentence for people. Input that
 * fails validation, wherever it is (path, query, JSON body, form fields), is always 422 `invalid_input`
 * with zod's `issues` (docs/decisions/0013-app-conventions.md). Framework-free (plain Response), so
 * route handlers stay thin.
 */
import type { z } from "zod";
import type { FetchErrorCode } from "../ingest/fetch.ts";
import type { IngestErrorCode } from "../ingest/errors.ts";

/** Every code the API sends. */
export type ApiErrorCode =
  // The request
  | "invalid_input" // 422: a parameter, query value, body or form field fails validation (issues)
  | "invalid_path" // 400: the URL path holds a malformed percent-escape (proxy.ts)
  | "bad_json" // 400: the body is not UTF-8 JSON
  | "bad_multipart" // 400: the multipart body cannot be read
  | "unsupported_media_type" // 415: neither JSON nor multipart where one is needed
  | "too_large" // 413: the request or the document is larger than the limit
  | "length_required" // 411: a form post without Content-Length (proxy.ts)
  | "forbidden_origin" // 403: a form post from another origin than APP_ORIGIN (proxy.ts)
  | "not_found" // 404: no such export file name
  // The document (lib/ingest's refusals, snake_case)
  | Exclude<IngestErrorCode, "too-large">
  | `fetch_${FetchErrorCode}`
  // Credentials
  | "unauthorized"
  | "writes_disabled"
  | "too_many_attempts" // 429 with Retry-After: too many wrong admin tokens
  // The store
  | "policy_not_found"
  | "version_not_found"
  | "version_gone" // 410: the version was deleted; its key is kept so that its links say so (ADR 0023)
  | "section_not_found" // 404: the history's section key is in no step next to its version (ADR 0019)
  | "policy_exists"
  | "duplicate"
  | "conflict"
  | "name_required"
  | "database_busy" // 503: another writer held the database for too long; nothing was stored
  // Watching and backfill (docs/decisions/0025-watching-sources.md)
  | "not_watched" // 404: the policy has no watched source
  | "too_many_sources" // 422: the host already has the most watched sources allowed
  | "no_template" // 422: backfill without a version-URL template (given or set on the watch)
  | "no_known_versions" // 422: backfill of a policy whose page lists no version dates
  | "webhook_not_found" // 404: no such webhook
  // Bounded work (docs/decisions/0021-bounded-work.md)
  | "busy" // 503 with Retry-After: the queue of uncached computations is full, or this client has enough under way
  | "compare_too_large" // 422: the comparison needs more time, memory or size than the server allows (reason)
  | "export_too_large" // 422: the export file likewise
  | "internal_error";

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string } & Record<string, unknown>;
}

export function jsonError(
  status: number,
  code: ApiErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  headers?: HeadersInit,
): Response {
  const body: ApiErrorBody = { error: { ...details, code, message } };
  return Response.json(body, { status, ...(headers ? { headers } : {}) });
}

/** "slug: A slug has at least 2 characters.; version: ..." */
export function issuesMessage(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** 422 `invalid_input` with zod's issues (and any further details); the message lists them unless given. */
export function invalidInput(
  issues: z.core.$ZodIssue[],
  message: string = issuesMessage(issues),
  details: Record<string, unknown> = {},
): Response {
  return jsonError(422, "invalid_input", message, { ...details, issues });
}

/**
 * 422 `invalid_input` for parameters checked by hand (not by a zod schema): each problem becomes an
 * issue at its field, `fields` names them (as on /api/compare), the message joins the sentences.
 */
export function invalidParameters(problems: readonly { field: string; message: string }[]): Response {
  const issues = problems.map((p) => ({ code: "custom" as const, path: [p.field], message: p.message, input: undefined }));
  return invalidInput(issues, problems.map((p) => p.message).join("; "), {
    fields: [...new Set(problems.map((p) => p.field))],
  });
}

/** 500 for a failure nobody expected: logged on the server, never sent (no stack, no message). */
export function internalError(error: unknown, what = "request"): Response {
  console.error(`[api] ${what} failed:`, error);
  return jsonError(500, "internal_error", "The server failed while answering this request. Please try again later.");
}

/** Wraps a route handler so that anything it throws becomes the JSON 500 above. */
export function withApiErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return internalError(error);
    }
  };
}
