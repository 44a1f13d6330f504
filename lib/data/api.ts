/**
 * JSON error bodies for the API: `{ error: { code, message, issues? } }`. Framework-free (plain
 * Response), so route handlers stay thin.
 */
import type { z } from "zod";

export type ApiErrorCode = "invalid_params" | "policy_not_found" | "version_not_found" | "internal_error";

export function jsonError(status: number, code: ApiErrorCode, message: string, issues?: z.core.$ZodIssue[]): Response {
  return Response.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

export function invalidParams(issues: z.core.$ZodIssue[]): Response {
  return jsonError(422, "invalid_params", issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), issues);
}
