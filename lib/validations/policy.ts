/** zod schemas for policies. Framework-free. */
import { z } from "zod";
import { slugSchema, nullableText, nullableUrlSchema } from "./common.ts";
import { createVersionBodySchema } from "./version.ts";

/** The policy's own fields, when creating it. */
export const newPolicySchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "Give the policy a name.").max(200, "At most 200 characters."),
  publisher: nullableText(200).optional(),
  sourceUrl: nullableUrlSchema.optional(),
  description: nullableText(2000).optional(),
});

/** The web form's policy fields: the name may be left empty (the first version's title is used). */
export const newPolicyFormSchema = newPolicySchema.extend({
  name: z.string().trim().max(200, "At most 200 characters.").optional(),
});

/**
 * POST /api/policies: the policy and its first version, e.g.
 * `{"slug": "acme-privacy", "name": "Acme 隐私政策", "version": {"text": "..."}}`.
 * The name may be left out when the first version's text has a title.
 */
export const createPolicyBodySchema = z
  .object({
    slug: slugSchema,
    name: z.string().trim().max(200, "At most 200 characters.").optional(),
    publisher: nullableText(200).optional(),
    sourceUrl: nullableUrlSchema.optional(),
    description: nullableText(2000).optional(),
    version: createVersionBodySchema,
  })
  .strict();
