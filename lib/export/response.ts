/**
 * The HTTP side of exports, shared by `GET /api/compare/export` and the `…/compare/{a}...{b}/export.*`
 * routes: load both versions, get the compare model (the cache of lib/data/compare, as the view does),
 * then build the view model and render the format in a worker thread (lib/work: compute lane, or the
 * large lane for a large model, under admission control, docs/decisions/0021-bounded-work.md) and
 * answer with its bytes.
 *
 * Errors use the API's one shape (lib/data/api.ts), with the codes of /api/compare:
 * 422 invalid_input (with `issues` and `fields`), 404 policy_not_found / version_not_found (with `slug`,
 * `version`), 422 compare_too_large (the comparison) or export_too_large (the file) past the budgets,
 * 503 busy with Retry-After beyond the queue. Plain Request/Response, no framework: the routes only
 * pass their path's addresses in.
 */
import { jsonError } from "../data/api.ts";
import { getCompareModel, loadVersion, refusedComparisonResponse, type LoadedVersion } from "../data/compare.ts";
import type { Db } from "../db.ts";
import type { Locale } from "../i18n/index.ts";
import { compareHref, DEFAULT_VIEW_OPTIONS, versionPath, type VersionAddress } from "../view/url.ts";
import { isWorkBudgetError, work, type Work } from "../work/index.ts";
import { contentDisposition } from "./filename.ts";
import type { ExportFormat, ExportSide } from "./types.ts";
import type { ExportOptions } from "./url.ts";

function side(v: LoadedVersion, origin: string): ExportSide {
  return {
    slug: v.slug,
    key: v.key,
    policyName: v.policyName,
    publishedAt: v.publishedAt,
    label: v.label,
    url: origin + versionPath(v.slug, v.key),
  };
}

export interface ExportRequest {
  from: VersionAddress;
  to: VersionAddress;
  format: ExportFormat;
  options: ExportOptions;
  /** The UI language (the `lang` cookie); `options.locale` wins when the URL names one. */
  uiLocale: Locale;
  /** Scheme and host the links in the documents point at, e.g. "https://example.org". */
  origin: string;
  /** The database (tests pass their own). */
  client?: Db;
  /** The worker lanes (default: the process's; tests pass their own). */
  lanes?: Work;
  /** Who asks (the client address), for admission control. */
  requester?: string;
}

/** The export as a response, or the API's 404 when a version is missing. */
export async function exportResponse(req: ExportRequest): Promise<Response> {
  const [a, b] = await Promise.all([loadVersion(req.from, req.client), loadVersion(req.to, req.client)]);
  for (const r of [a, b]) {
    if (r.ok) continue;
    const details = { slug: r.address.slug, version: r.address.key };
    return r.reason === "policy-not-found"
      ? jsonError(404, "policy_not_found", `No policy with slug "${r.address.slug}".`, details)
      : jsonError(404, "version_not_found", `Policy "${r.address.slug}" has no version "${r.address.key}".`, details);
  }
  if (!a.ok || !b.ok) throw new Error("unreachable: both versions were checked above");

  const { ignore, scope } = req.options;
  const lanes = req.lanes ?? work();
  const requester = req.requester ?? "local";
  try {
    const result = await getCompareModel(a.version, b.version, ignore, {
      lanes,
      requester,
      ...(req.client ? { client: req.client } : {}),
    });
    const lane = lanes.laneFor(result.json.length);
    const file = await lanes.admission.run(lane, requester, () =>
      lanes.run(lane, "export", {
        key: result.key,
        json: result.json,
        format: req.format,
        from: side(a.version, req.origin),
        to: side(b.version, req.origin),
        ignore,
        scope,
        locale: req.options.locale ?? req.uiLocale,
        compareUrl: req.origin + compareHref(req.from, req.to, { ...DEFAULT_VIEW_OPTIONS, ignore }),
        coarseShowChars: lanes.budgets.coarseShowChars,
      }),
    );
    return fileResponse(file, result.cached);
  } catch (error) {
    const refused = refusedComparisonResponse(error);
    if (refused) return refused;
    if (isWorkBudgetError(error))
      return jsonError(
        422,
        "export_too_large",
        "This export needs more time or memory than the server allows for one.",
        {
          reason: error.reason,
        },
      );
    throw error;
  }
}

function fileResponse(
  file: { contentType: string; filename: string; asciiFilename: string; bytes: Uint8Array },
  cached: boolean,
): Response {
  return new Response(file.bytes as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.filename, file.asciiFilename),
      "x-content-type-options": "nosniff",
      "x-compare-cache": cached ? "hit" : "miss",
    },
  });
}
