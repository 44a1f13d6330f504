/** GET /p/{slug}/feed.xml: Atom feed of the policy's new versions (lib/feed; `?lang=en` for English). */
import { invalidInput, parseParams, policyParamsSchema, withApiErrors } from "@/lib/data";
import { feedResponse } from "@/lib/feed/http";

export const GET = withApiErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const p = parseParams(policyParamsSchema, await params);
  if (!p.ok) return invalidInput(p.issues);
  return feedResponse(request, p.data.slug);
});
