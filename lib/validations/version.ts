/** zod schemas for versions: what the API, the web forms and the CLI accept. Framework-free. */
import { z } from "zod";
import {
  documentTextSchema,
  httpUrlSchema,
  nullableDateSchema,
  nullableText,
  nullableUrlSchema,
  textFormatSchema,
} from "./common.ts";

/**
 * A version's metadata as a person sets or corrects it. Every field is optional: left out means
 * "keep" (PATCH) or "use what was detected" (a new version); "" or null clears it.
 */
export const versionMetaShape = {
  publishedAt: nullableDateSchema.optional(),
  effectiveAt: nullableDateSchema.optional(),
  label: nullableText(200).optional(),
  sourceUrl: nullableUrlSchema.optional(),
  note: nullableText(2000).optional(),
};

export const versionMetaPatchSchema = z
  .object(versionMetaShape)
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Nothing to change: give at least one field." });
export type VersionMetaPatch = z.output<typeof versionMetaPatchSchema>;

/** POST /api/policies/{slug}/versions, JSON body. Metadata fields absent = use what was detected. */
export const createVersionBodySchema = z
  .object({
    text: documentTextSchema.optional(),
    url: httpUrlSchema.optional(),
    format: textFormatSchema,
    fileName: z.string().max(255).optional(),
    ...versionMetaShape,
  })
  .strict()
  .refine((v) => (v.text === undefined) !== (v.url === undefined), {
    message: "Give either `text` or `url` (exactly one).",
    path: ["text"],
  });
export type CreateVersionBody = z.output<typeof createVersionBodySchema>;
