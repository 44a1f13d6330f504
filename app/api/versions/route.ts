/**
 * GET /api/versions?q=words[&policy=slug][&limit=20]: versions whose policy name or slug, key or label
 * contain every word of `q` (the compare page's version picker asks this as one types), by policy
 * name, newest first; at most `limit` (1-50). `{"versions": [{slug, policyName, key, publishedAt, label}]}`.
 * 422 invalid_input (the API's one error shape, with zod's `issues` and the names as `fields`) for a
 * malformed parameter.
 */
import { z } from "zod";
import { invalidInput, withApiErrors } from "@/lib/data";
import { findVersionChoices } from "@/lib/data/compare";
import { slugSchema } from "@/lib/validations/common";

const querySchema = z.object({
  q: z.string().max(200).default(""),
  policy: slugSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const GET = withApiErrors(async (request: Request) => {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    return invalidInput(issues, undefined, { fields: [...new Set(issues.map((i) => String(i.path[0] ?? "")))] });
  }
  const { q, policy, limit } = parsed.data;
  return Response.json({ versions: await findVersionChoices(q, { policy: policy ?? null, limit }) });
});
