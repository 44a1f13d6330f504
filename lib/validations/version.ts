/** zod schemas for versions: what the API, the web forms and the CLI accept. Framework-free. */
import { z } from "zod";
import {
  documentTextSchema,
  httpUrlSchema,
  isoDateSchema,
  nullableDateSchema,
  nullableText,
  nullableUrlSchema,
  textFormatSchema,
  versionKeySchema,
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
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: "Nothing to change: give at least one field.",
  });

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

/** The formats a stored version's text may have come from (lib/ingest's IngestFormat). */
export const storedFormatSchema = z.enum(["text", "markdown", "html", "docx"]);

/** A JSON list in a form field, e.g. the page's listed version dates: "" means []. */
function jsonListField<T extends z.ZodType>(item: T, max: number) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s || "[]") as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Not a JSON list." });
        return z.NEVER;
      }
    })
    .pipe(z.array(item).max(max));
}

/** The web form's save step: the cleaned text from the detect step, with the metadata as the person left it. */
export const saveVersionFormSchema = z.object({
  text: documentTextSchema,
  format: storedFormatSchema,
  listedVersionDates: jsonListField(isoDateSchema, 500),
  ...versionMetaShape,
});

/**
 * What the detect step found, as the form posts it back with the save step (so an error keeps that
 * step on screen). It comes from the browser, so it is checked like any input; the duplicate's link
 * is not taken from it but rebuilt from its key (lib/view/url.ts versionPath).
 */
export const postedDetectionSchema = z.object({
  format: storedFormatSchema,
  encoding: z.string().max(40),
  title: z.string().max(500).nullable(),
  publishedAt: isoDateSchema.nullable(),
  effectiveAt: isoDateSchema.nullable(),
  publishedFrom: z.enum(["text", "file name"]).nullable(),
  listedVersionDates: z.array(isoDateSchema).max(500),
  warnings: z
    .array(
      z.discriminatedUnion("code", [
        z.object({ code: z.literal("decoded_as"), encoding: z.string().max(40) }),
        z.object({ code: z.literal("unknown_type"), declared: z.string().max(500), format: z.string().max(20) }),
        z.object({ code: z.literal("docx_unconverted") }),
      ]),
    )
    .max(50),
  sourceUrl: httpUrlSchema.nullable(),
  duplicateOf: z.object({ key: versionKeySchema }).nullable(),
});
