/** GET /api/policies/{slug}: the policy with its versions (newest first, without texts). */
import { getPolicy, invalidInput, jsonError, parseParams, policyParamsSchema, withApiErrors } from "@/lib/data";

export const GET = withApiErrors(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const p = parseParams(policyParamsSchema, await params);
  if (!p.ok) return invalidInput(p.issues);
  const policy = await getPolicy(p.data.slug);
  if (!policy) return jsonError(404, "policy_not_found", `No policy with slug "${p.data.slug}".`);
  return Response.json({ policy });
});
