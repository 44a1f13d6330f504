/** zod schemas for every write: one file per entity, shared by the API, the web forms and the CLI. */
export * from "./common.ts";
export * from "./version.ts";
export * from "./policy.ts";
