/**
 * The app's data layer: reads and writes that return domain types. Server only.
 * (Scripts running under tsx import ./reads.ts and ./writes.ts directly.)
 */
import "server-only";
import { cache } from "react";
import { parseParams, policyParamsSchema, versionParamsSchema } from "./params.ts";
import * as reads from "./reads.ts";
import type { PolicyDetail, VersionDetail } from "./types.ts";

export * from "./types.ts";
export { listPolicies } from "./reads.ts";
export { compareVersions, newestFirst } from "./version-key.ts";
export { upsertPolicy, addVersion, UnknownPolicyError } from "./writes.ts";
export { slugSchema, versionKeySchema } from "../validations/common.ts";
export { policyParamsSchema, versionParamsSchema, historyParamsSchema, sectionKeySchema, parseParams } from "./params.ts";
export { getTimeline, getSectionHistory, sectionKeysOf } from "./history.ts";
export type { Timeline, TimelineVersion, SectionHistory, HistoryEntry, HistoryLookup } from "./history.ts";
export { jsonError, invalidInput, invalidParameters, internalError, withApiErrors } from "./api.ts";

/**
 * One policy / one version, memoised per request (React cache): a route's layout checks that the
 * thing exists before anything streams (so an unknown one is a real 404 even with a loading.tsx
 * below) and its page then reads the same result without a second query.
 */
export const getPolicy = cache((slug: string): Promise<PolicyDetail | null> => reads.getPolicy(slug));
export const getVersion = cache((slug: string, key: string): Promise<VersionDetail | null> => reads.getVersion(slug, key));

/** A route's policy from its raw params: null when they are malformed or the policy is unknown. */
export async function policyFromParams(params: unknown): Promise<PolicyDetail | null> {
  const p = parseParams(policyParamsSchema, params);
  return p.ok ? getPolicy(p.data.slug) : null;
}

/** A route's version from its raw params: null when they are malformed or the version is unknown. */
export async function versionFromParams(params: unknown): Promise<VersionDetail | null> {
  const p = parseParams(versionParamsSchema, params);
  return p.ok ? getVersion(p.data.slug, p.data.version) : null;
}
