/**
 * The HTTP side of exports, shared by `GET /api/compare/export` and the `…/compare/{a}...{b}/export.*`
 * routes: load both versions, get the compare model (the cache of lib/data/compare, as the view does),
 * build the view model, render the format and answer with its bytes or stream.
 *
 * Errors use the API's one shape (lib/data/api.ts), with the codes of /api/compare:
 * 422 invalid_input (with `issues` and `fields`), 404 policy_not_found / version_not_found (with `slug`,
 * `version`).
 * Plain Request/Response, no framework: the routes only pass their path's addresses in.
 */
import { jsonError } from "../data/api.ts";
import type { CompareModel } from "../compare/types.ts";
import { getCompareModel, loadVersion, type LoadedVersion } from "../data/compare.ts";
import type { Db } from "../db.ts";
import type { Locale } from "../i18n/index.ts";
import { buildCompareView } from "../view/build.ts";
import { compareHref, DEFAULT_VIEW_OPTIONS, versionPath, type VersionAddress } from "../view/url.ts";
import { contentDisposition } from "./filename.ts";
import { renderExport } from "./index.ts";
import type { ExportFormat, ExportInput, ExportSide } from "./types.ts";
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
  const result = await getCompareModel(a.version, b.version, ignore, req.client ? { client: req.client } : {});
  const model = JSON.parse(result.json) as CompareModel;
  const view = buildCompareView({ model });
  const input: ExportInput = {
    model,
    view,
    from: side(a.version, req.origin),
    to: side(b.version, req.origin),
    ignore: model.options.ignore,
    scope,
    locale: req.options.locale ?? req.uiLocale,
    compareUrl: req.origin + compareHref(req.from, req.to, { ...DEFAULT_VIEW_OPTIONS, ignore }),
  };
  const file = await renderExport(req.format, input);
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.filename, file.asciiFilename),
      "x-content-type-options": "nosniff",
      "x-compare-cache": result.cached ? "hit" : "miss",
    },
  });
}
