/**
 * GET /api/compare?from=slug@key&to=slug@key[&ignore=whitespace,width,numbering]
 * The engine's CompareModel for two versions (of one policy or two), as stored in the cache.
 * 400: malformed parameters; 404: an unknown policy or version. Errors: {"error", "message"}.
 */
import { NextResponse, type NextRequest } from "next/server";
import { getCompareModel, loadVersion } from "@/lib/data/compare";
import { parseAddress, parseIgnore } from "@/lib/view/url";

const fail = (status: number, error: string, message: string, extra: Record<string, unknown> = {}) =>
  NextResponse.json({ error, message, ...extra }, { status });

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  const bad: string[] = [];
  const from = parseAddress(q.get("from") ?? "");
  const to = parseAddress(q.get("to") ?? "");
  if (!from) bad.push('"from" must be slug@versionKey, e.g. migu-cloud-bookstore@2022-06-29');
  if (!to) bad.push('"to" must be slug@versionKey, e.g. migu-cloud-bookstore@2024-09-25');
  const ignore = parseIgnore(q.get("ignore"));
  if (!ignore.ok) bad.push(ignore.reason);
  if (!from || !to || !ignore.ok) return fail(400, "bad_request", bad.join("; "));

  const [a, b] = await Promise.all([loadVersion(from), loadVersion(to)]);
  for (const r of [a, b])
    if (!r.ok)
      return fail(
        404,
        r.reason === "policy-not-found" ? "policy_not_found" : "version_not_found",
        r.reason === "policy-not-found"
          ? `No policy "${r.address.slug}".`
          : `Policy "${r.address.slug}" has no version "${r.address.key}".`,
        { slug: r.address.slug, version: r.address.key },
      );
  if (!a.ok || !b.ok) return fail(404, "not_found", "Not found.");

  const result = await getCompareModel(a.version, b.version, ignore.ignore);
  return new NextResponse(result.json, {
    headers: { "content-type": "application/json; charset=utf-8", "x-compare-cache": result.cached ? "hit" : "miss" },
  });
}
