/** zod schemas for watching a policy's source and for webhooks (docs/decisions/0025-watching-sources.md). */
import { z } from "zod";
import { WATCH_CONFIG } from "../watch/config.ts";
import { parseSelector, SelectorError } from "../watch/extract.ts";
import { httpUrlSchema } from "./common.ts";

const optionalText = (max: number) =>
  z
    .union([z.literal(""), z.null(), z.string().trim().max(max)])
    .optional()
    .transform((v) => (v ? v : null));

/** The placeholders a version-URL template may hold (lib/watch/backfill.ts fills them). */
export const TEMPLATE_PLACEHOLDER = /\{(yyyymmdd|yyyy-mm-dd|yyyy|mm|dd)\}/;

export const watchBodySchema = z
  .object({
    url: httpUrlSchema,
    intervalMinutes: z.number().int().min(WATCH_CONFIG.minIntervalMinutes).max(WATCH_CONFIG.maxIntervalMinutes),
    selector: optionalText(500).superRefine((value, ctx) => {
      if (!value) return;
      try {
        parseSelector(value);
      } catch (error) {
        if (!(error instanceof SelectorError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
      }
    }),
    startMarker: optionalText(500),
    endMarker: optionalText(500),
    versionUrlTemplate: optionalText(2000).refine(
      (v) => !v || (TEMPLATE_PLACEHOLDER.test(v) && URL.canParse(v.replace(/[{}]/g, ""))),
      {
        message: "Expected an http(s) URL with a date placeholder: {yyyymmdd}, {yyyy-mm-dd}, {yyyy}, {mm} or {dd}.",
      },
    ),
  })
  .strict();

export type WatchInput = z.output<typeof watchBodySchema>;

export const backfillBodySchema = z
  .object({ versionUrlTemplate: optionalText(2000) })
  .strict()
  .optional()
  .transform((v) => v ?? { versionUrlTemplate: null });

export const webhookBodySchema = z
  .object({
    url: httpUrlSchema,
    secret: z.string().min(16, "Use a secret of at least 16 characters.").max(200),
  })
  .strict();
