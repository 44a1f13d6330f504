/**
 * GET /api/policies/{slug}/timeline: the versions oldest first, each with its length, its number of
 * sections and how much changed from the previous one (from the stored steps, docs/decisions/0019),
 * and the listed version dates that are not stored.
 */
import { getTimeline, invalidInput, jsonError, parseParams, policyParamsSchema, withApiErrors } from "@/lib/data";

export const GET = withApiErrors(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const p = parseParams(policyParamsSchema, await params);
  if (!p.ok) return invalidInput(p.issues);
  const timeline = await getTimeline(p.data.slug);
  if (!timeline) return jsonError(404, "policy_not_found", `No policy with slug "${p.data.slug}".`);
  return Response.json(timeline);
});
