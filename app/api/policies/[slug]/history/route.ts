/**
 * GET /api/policies/{slug}/history?section={sectionKey}&at={versionKey}: one section followed through
 * every stored version, oldest first. `section` is the key of the section's pair in the compare of
 * `at` with its previous version (or, for the oldest, with its next one): docs/decisions/0019.
 */
import {
  getSectionHistory,
  historyParamsSchema,
  invalidInput,
  jsonError,
  parseParams,
  withApiErrors,
} from "@/lib/data";

export const GET = withApiErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const query = new URL(request.url).searchParams;
  const p = parseParams(historyParamsSchema, {
    ...(await params),
    section: query.get("section") ?? undefined,
    at: query.get("at") ?? undefined,
  });
  if (!p.ok) return invalidInput(p.issues);
  const { slug, section, at } = p.data;
  const r = await getSectionHistory(slug, section, at);
  if (r.ok) return Response.json(r.history);
  if (r.reason === "policy-not-found") return jsonError(404, "policy_not_found", `No policy with slug "${slug}".`);
  if (r.reason === "version-not-found")
    return jsonError(404, "version_not_found", `Policy "${slug}" has no version "${at}".`);
  return jsonError(
    404,
    "section_not_found",
    `Version "${at}" of "${slug}" has no section "${section}" in its compare with a neighbouring version.`,
  );
});
