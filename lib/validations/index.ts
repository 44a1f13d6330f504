/**
 * zod schemas for every write: one file per entity, shared by the API, the web forms and the CLI.
 * (The compare API's query schema, ./compare.ts, is not a write and is imported on its own.)
 */
export * from "./common.ts";
export * from "./version.ts";
export * from "./policy.ts";
