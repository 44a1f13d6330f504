/** GET /api/policies: every policy with its version count and latest version. */
import { listPolicies } from "@/lib/data";

export async function GET() {
  return Response.json({ policies: await listPolicies() });
}
