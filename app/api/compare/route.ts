/**
 * GET /api/compare?from=slug@key&to=slug@key[&ignore=whitespace,width,numbering|none][&lang=zh|en]
 * The engine's CompareModel for two versions (of one policy or two), as stored in the cache, with what
 * lib/insight adds (ADR 0020): `changeKind` and `topics` on section and block pairs, top-level
 * `keyTerms` and `digest` (in `lang` when it is zh or en, else the UI language of the `lang` cookie). Additive: every
 * field of the stored model is sent unchanged.
 * `ignore` is parsed as on the compare page (lib/view/url.ts): absent means whitespace,width; `none`
 * means nothing ignored; an unknown value is invalid input.
 * Errors use the API's one shape, {"error": {"code", "message", ...details}} (lib/data/api.ts):
 * 422 invalid_input for malformed parameters (with zod's `issues` and the names as `fields`), 404
 * policy_not_found/version_not_found (with `slug`, `version`), 422 compare_too_large when the
 * comparison exceeds the server's budgets (with `reason`: size, timeout, memory), 503 busy with
 * Retry-After when the queue of uncached computations is full (docs/decisions/0021-bounded-work.md),
 * 500 internal_error for anything unexpected (logged, no stack sent). The model is computed, and
 * annotated, in worker threads (lib/work).
 */
import { NextResponse, type NextRequest } from "next/server";
import { invalidInput, jsonError, withApiErrors } from "@/lib/data";
import { getCompareModel, loadVersion, refusedComparisonResponse } from "@/lib/data/compare";
import { isLocale } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n-server";
import { compareQuerySchema } from "@/lib/validations/compare";
import { clientAddress, isWorkBudgetError } from "@/lib/work";
import { analyzedModel } from "@/lib/work/pages";

export const GET = withApiErrors(async (request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const query = compareQuerySchema.safeParse({
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
    ignore: q.get("ignore"),
  });
  if (!query.success) {
    const issues = query.error.issues;
    return invalidInput(issues, undefined, { fields: [...new Set(issues.map((i) => String(i.path[0])))] });
  }
  const { from, to, ignore } = query.data;

  const [a, b] = await Promise.all([loadVersion(from), loadVersion(to)]);
  for (const r of [a, b]) {
    if (r.ok) continue;
    const details = { slug: r.address.slug, version: r.address.key };
    return r.reason === "policy-not-found"
      ? jsonError(404, "policy_not_found", `No policy with slug "${r.address.slug}".`, details)
      : jsonError(404, "version_not_found", `Policy "${r.address.slug}" has no version "${r.address.key}".`, details);
  }
  if (!a.ok || !b.ok) throw new Error("unreachable: both versions were checked above");

  const lang = q.get("lang");
  const locale = isLocale(lang) ? lang : await getLocale();
  let body: string;
  let cached: boolean;
  try {
    const result = await getCompareModel(a.version, b.version, ignore, { requester: clientAddress(request.headers) });
    body = await analyzedModel(result, locale);
    cached = result.cached;
  } catch (error) {
    const refused = refusedComparisonResponse(error);
    if (refused) return refused;
    if (isWorkBudgetError(error))
      return jsonError(
        422,
        "compare_too_large",
        "The comparison is too large to annotate within the server's limits.",
        {
          reason: error.reason,
        },
      );
    throw error;
  }
  return new NextResponse(body, {
    headers: { "content-type": "application/json; charset=utf-8", "x-compare-cache": cached ? "hit" : "miss" },
  });
});
