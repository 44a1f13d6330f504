/**
 * Route parameters, validated. Malformed -> { ok: false, issues } (the API answers 422 invalid_input, pages 404);
 * well-formed values are then looked up and may still be unknown.
 */
import { z } from "zod";
import { slugSchema, versionKeySchema } from "../validations/common.ts";

export const policyParamsSchema = z.object({ slug: slugSchema });
export const versionParamsSchema = z.object({ slug: slugSchema, version: versionKeySchema });

/** A section pair key of the compare model (lib/compare/engine.ts assignKeys): "s-" + base-36 hash, maybe "-2". */
export const sectionKeySchema = z.string().regex(/^s-[0-9a-z]{1,16}(-[1-9]\d*)?$/, "Not a section key (expected e.g. s-18qcfth).");

/** GET /api/policies/{slug}/history?section=&at= and the history page. */
export const historyParamsSchema = z.object({ slug: slugSchema, section: sectionKeySchema, at: versionKeySchema });

export type ParamsResult<T> = { ok: true; data: T } | { ok: false; issues: z.core.$ZodIssue[] };

export function parseParams<T>(schema: z.ZodType<T>, raw: unknown): ParamsResult<T> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: r.error.issues };
}
