/**
 * /compare/{slugA}@{a}...{slugB}@{b}/export.docx | export.redline.docx | export.csv | export.md
 * The cross-policy compare view's exports (docs/decisions/0015-exports.md).
 */
import type { NextRequest } from "next/server";
import { withApiErrors } from "@/lib/data";
import { exportRoute } from "@/app/compare/export-route";
import { parseAddressRange } from "@/lib/view/url";

type Context = { params: Promise<{ range: string; file: string }> };

export const GET = withApiErrors(async (request: NextRequest, { params }: Context) => {
  const { range, file } = await params;
  return exportRoute(request, parseAddressRange(range), file);
});
