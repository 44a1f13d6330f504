/**
 * Route parameters, validated. Malformed -> { ok: false, issues } (the API answers 422 invalid_input, pages 404);
 * well-formed values are then looked up and may still be unknown.
 */
import { z } from "zod";
import { slugSchema, versionKeySchema } from "../validations/common.ts";

export const policyParamsSchema = z.object({ slug: slugSchema });
export const versionParamsSchema = z.object({ slug: slugSchema, version: versionKeySchema });

export type ParamsResult<T> = { ok: true; data: T } | { ok: false; issues: z.core.$ZodIssue[] };

export function parseParams<T>(schema: z.ZodType<T>, raw: unknown): ParamsResult<T> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error.issues };
}
