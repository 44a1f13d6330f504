/**
 * /p/{slug}/compare/{a}...{b}/export.docx | export.redline.docx | export.csv | export.md
 * The compare view's exports (docs/decisions/0015-exports.md), same options as the view's URL.
 */
import type { NextRequest } from "next/server";
import { withApiErrors } from "@/lib/data";
import { exportRoute } from "@/app/compare/export-route";
import { parseKeyRange, parseSlug } from "@/lib/view/url";

type Context = { params: Promise<{ slug: string; range: string; file: string }> };

export const GET = withApiErrors(async (request: NextRequest, { params }: Context) => {
  const { slug, range, file } = await params;
  const keys = parseKeyRange(range);
  const s = parseSlug(slug);
  const addresses =
    keys && s
      ? ([
          { slug: s, key: keys[0] },
          { slug: s, key: keys[1] },
        ] as const)
      : null;
  return exportRoute(request, addresses, file);
});
