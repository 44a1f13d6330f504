/**
 * The app's data layer: reads and writes that return domain types. Server only.
 * (Scripts running under tsx import ./reads.ts and ./writes.ts directly.)
 */
import "server-only";

export * from "./types.ts";
export { listPolicies, getPolicy, getVersion } from "./reads.ts";
export { upsertPolicy, addVersion, UnknownPolicyError } from "./writes.ts";
export { slugSchema, versionKeySchema } from "../validations/common.ts";
export { policyParamsSchema, versionParamsSchema, parseParams } from "./params.ts";
export { jsonError, invalidParams, internalError, withApiErrors } from "./api.ts";
