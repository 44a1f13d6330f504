/**
 * What both compare paths' export routes do with their addresses and file name: an unknown file
 * name is a 404, a malformed range or option a 422, anything else the export (lib/export/response.ts).
 */
import type { NextRequest } from "next/server";
import { invalidParameters, jsonError } from "@/lib/data/api";
import { exportResponse } from "@/lib/export/response";
import { EXPORT_FILES, formatFromFile, parseExportQuery } from "@/lib/export/url";
import { getLocale } from "@/lib/i18n-server";
import type { VersionAddress } from "@/lib/view/url";
import { clientAddress } from "@/lib/work";

export async function exportRoute(
  request: NextRequest,
  addresses: readonly [VersionAddress, VersionAddress] | null,
  file: string,
): Promise<Response> {
  const format = formatFromFile(file);
  if (!format)
    return jsonError(
      404,
      "not_found",
      `No export named "${file}" (expected ${Object.values(EXPORT_FILES).join(", ")}).`,
    );
  if (!addresses) return invalidParameters([{ field: "range", message: "the compare range must be {from}...{to}" }]);
  const query = parseExportQuery(request.nextUrl.searchParams);
  if (!query.ok) return invalidParameters(query.problems);
  return exportResponse({
    from: addresses[0],
    to: addresses[1],
    format,
    options: query.options,
    uiLocale: await getLocale(),
    origin: request.nextUrl.origin,
    requester: clientAddress(request.headers),
  });
}
