/** GET /api/policies: every policy with its version count and latest version. */
import { listPolicies, withApiErrors } from "@/lib/data";
import { createPolicyHandler } from "@/lib/import/http";
import { ingestInWorker } from "@/lib/work";

export const GET = withApiErrors(async () => Response.json({ policies: await listPolicies() }));

/** POST /api/policies: create a policy with its first version (admin; see lib/import/http.ts). */
export function POST(request: Request) {
  return createPolicyHandler(request, { ingest: ingestInWorker() });
}
