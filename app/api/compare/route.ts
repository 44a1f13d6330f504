/**
 * GET /api/compare?from=slug@key&to=slug@key[&ignore=whitespace,width,numbering|none]
 * The engine's CompareModel for two versions (of one policy or two), as stored in the cache.
 * `ignore` is parsed as on the compare page (lib/view/url.ts): absent means whitespace,width; `none`
 * means nothing ignored; an unknown value is a 400.
 * Errors use the API's one shape, {"error": {"code", "message", ...details}} (lib/data/api.ts):
 * 400 bad_request for malformed parameters (with `fields`), 404 policy_not_found/version_not_found
 * (with `slug`, `version`), 500 internal_error for anything unexpected (logged, no stack sent).
 */
import { NextResponse, type NextRequest } from "next/server";
import { jsonError, withApiErrors } from "@/lib/data";
import { getCompareModel, loadVersion } from "@/lib/data/compare";
import { parseAddress, parseIgnore } from "@/lib/view/url";

export const GET = withApiErrors(async (request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const problems: { field: string; message: string }[] = [];
  const from = parseAddress(q.get("from") ?? "");
  const to = parseAddress(q.get("to") ?? "");
  if (!from)
    problems.push({
      field: "from",
      message: '"from" must be slug@versionKey, e.g. zh-migu-bookstore-privacy@2022-06-29',
    });
  if (!to)
    problems.push({ field: "to", message: '"to" must be slug@versionKey, e.g. zh-migu-kuaiyou-privacy@2021-12-29' });
  const ignore = parseIgnore(q.get("ignore"));
  if (!ignore.ok) problems.push({ field: "ignore", message: ignore.reason });
  if (!from || !to || !ignore.ok)
    return jsonError(400, "bad_request", problems.map((p) => p.message).join("; "), {
      fields: problems.map((p) => p.field),
    });

  const [a, b] = await Promise.all([loadVersion(from), loadVersion(to)]);
  for (const r of [a, b]) {
    if (r.ok) continue;
    const details = { slug: r.address.slug, version: r.address.key };
    return r.reason === "policy-not-found"
      ? jsonError(404, "policy_not_found", `No policy with slug "${r.address.slug}".`, details)
      : jsonError(404, "version_not_found", `Policy "${r.address.slug}" has no version "${r.address.key}".`, details);
  }
  if (!a.ok || !b.ok) throw new Error("unreachable: both versions were checked above");

  const result = await getCompareModel(a.version, b.version, ignore.ignore);
  return new NextResponse(result.json, {
    headers: { "content-type": "application/json; charset=utf-8", "x-compare-cache": result.cached ? "hit" : "miss" },
  });
});
