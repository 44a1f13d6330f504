/**
 * The JSON API's error bodies, one shape for every route (reads, writes, auth, the language switch):
 *
 *   { "error": { "code": "policy_not_found", "message": "No policy with slug \"x\".", ...details } }
 *
 * `code` is stable snake_case for programs, `message` a sentence for people; details depend on the
 * code (`issues` for validation errors, `field` for the input at fault, `match` for a duplicate).
 * Framework-free (plain Response), so route handlers stay thin.
 */
import type { z } from "zod";

export interface ApiErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}

export function jsonError(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  headers?: HeadersInit,
): Response {
  const body: ApiErrorBody = { error: { ...details, code, message } };
  return Response.json(body, { status, ...(headers ? { headers } : {}) });
}

/** 422 for malformed route parameters, with zod's issues. */
export function invalidParams(issues: z.core.$ZodIssue[]): Response {
  return jsonError(422, "invalid_params", issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), { issues });
}

/** 500 for a failure nobody expected: logged on the server, never sent (no stack, no message). */
export function internalError(error: unknown, what = "request"): Response {
  console.error(`[api] ${what} failed:`, error);
  return jsonError(500, "internal_error", "The server failed while answering this request. Please try again later.");
}

/** Wraps a route handler so that anything it throws becomes the JSON 500 above. */
export function withApiErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return internalError(error);
    }
  };
}
