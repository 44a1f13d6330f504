/** zod schemas for what reaches the data layer from outside (URL params, API input). */
import { z } from "zod";
export { versionKeySchema } from "./version-key.ts";

export const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a slug of lowercase letters, digits and single hyphens");

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const isoDateSchema = z.iso.date();
