/**
 * GET /api/search?q=&policy=&from=&to=&limit=&cursor=
 * Search over every stored version (docs/decisions/0016-search-and-feeds.md):
 *   {"hits": [{"policy", "version", "section": {"key", "number", "title"}, "snippet", "firstVersion",
 *              "lastVersion", "previousVersion", "removedIn", "url", "appearedUrl", "removedUrl", ...}],
 *    "total", "next"}
 * `snippet` is HTML: escaped text with the matches in <mark>. `next` is the cursor of the next page
 * (null on the last). Errors in the API's one shape: 422 invalid_input (an empty, one-character or
 * too long query, an unclosed quote, a bad date, limit or cursor; `issues[].params.problem` names a
 * query problem), 404 policy_not_found for an unknown `policy`.
 */
import type { NextRequest } from "next/server";
import { invalidInput, jsonError, parseParams, withApiErrors } from "@/lib/data";
import { searchHitJson, searchSections } from "@/lib/data/search";
import { UnknownPolicyError } from "@/lib/data/writes";
import { encodeCursor, searchParamsOf, searchParamsSchema } from "@/lib/validations/search";

export const GET = withApiErrors(async (request: NextRequest) => {
  const p = parseParams(searchParamsSchema, searchParamsOf(request.nextUrl.searchParams));
  if (!p.ok) return invalidInput(p.issues);
  const { terms, policy, from, to, limit, offset } = p.data;
  try {
    const result = await searchSections({ terms, policy, from, to, limit, offset });
    return Response.json({
      hits: result.hits.map(searchHitJson),
      total: result.total,
      next: result.nextOffset === null ? null : encodeCursor(result.nextOffset),
    });
  } catch (error) {
    if (error instanceof UnknownPolicyError)
      return jsonError(404, "policy_not_found", `No policy with slug "${error.slug}".`, { field: "policy" });
    throw error;
  }
});
