/** GET /api/policies/{slug}/checks: the check log, newest first (admin). */
import { listChecksHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return listChecksHandler(request, await params, appWatchDeps());
}
