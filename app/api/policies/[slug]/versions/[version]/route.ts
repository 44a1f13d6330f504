/** GET /api/policies/{slug}/versions/{version}: one version's text and metadata. */
import {
  getPolicy,
  getVersion,
  invalidInput,
  jsonError,
  parseParams,
  versionParamsSchema,
  withApiErrors,
} from "@/lib/data";
import { deleteVersionHandler, patchVersionHandler } from "@/lib/import/http";

type Ctx = { params: Promise<{ slug: string; version: string }> };

export const GET = withApiErrors(async (_request: Request, { params }: Ctx) => {
  const p = parseParams(versionParamsSchema, await params);
  if (!p.ok) return invalidInput(p.issues);
  const { slug, version: key } = p.data;
  const version = await getVersion(slug, key);
  if (version) return Response.json({ version });
  if (!(await getPolicy(slug))) return jsonError(404, "policy_not_found", `No policy with slug "${slug}".`);
  return jsonError(404, "version_not_found", `Policy "${slug}" has no version "${key}".`);
});

/** PATCH: edit a version's metadata. DELETE: delete it and its cached comparisons. Admin only. */
export async function PATCH(request: Request, { params }: Ctx) {
  return patchVersionHandler(request, await params);
}

export async function DELETE(request: Request, { params }: Ctx) {
  return deleteVersionHandler(request, await params);
}
