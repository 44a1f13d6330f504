/**
 * GET /api/compare/export?from=slug@key&to=slug@key&format=docx|redline|csv|md[&ignore=…][&only=changes|all][&lang=zh|en]
 * A comparison as a file (docs/decisions/0015-exports.md): the 修订对照表 or the redline (.docx), the
 * change list (.csv) or the digest (.md), with Content-Disposition naming it. `ignore` as on
 * /api/compare; `only` defaults to changes; `lang` defaults to the UI language (the `lang` cookie).
 * Errors in the API's one shape: 422 invalid_input (with `issues` and `fields`), 404 policy_not_found /
 * version_not_found, 422 compare_too_large / export_too_large, 503 busy (with Retry-After),
 * 500 internal_error.
 */
import type { NextRequest } from "next/server";
import { invalidParameters, withApiErrors } from "@/lib/data";
import { exportResponse } from "@/lib/export/response";
import { parseExportQuery, parseFormat, type ParamProblem } from "@/lib/export/url";
import { getLocale } from "@/lib/i18n-server";
import { parseAddress } from "@/lib/view/url";
import { clientAddress } from "@/lib/work";

export const GET = withApiErrors(async (request: NextRequest) => {
  const q = request.nextUrl.searchParams;
  const problems: ParamProblem[] = [];
  const from = parseAddress(q.get("from") ?? "");
  const to = parseAddress(q.get("to") ?? "");
  const format = parseFormat(q.get("format"));
  if (!from)
    problems.push({ field: "from", message: '"from" must be slug@versionKey, e.g. zh-douban-privacy@2022-02-11' });
  if (!to) problems.push({ field: "to", message: '"to" must be slug@versionKey, e.g. zh-douban-privacy@2022-04-26' });
  if (!format) problems.push({ field: "format", message: '"format" must be docx, redline, csv or md' });
  const query = parseExportQuery(q);
  if (!query.ok) problems.push(...query.problems);
  if (!from || !to || !format || !query.ok) return invalidParameters(problems);
  return exportResponse({
    from,
    to,
    format,
    options: query.options,
    uiLocale: await getLocale(),
    origin: request.nextUrl.origin,
    requester: clientAddress(request.headers),
  });
});
