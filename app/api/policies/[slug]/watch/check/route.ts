/** POST /api/policies/{slug}/watch/check: check the watched source now (admin); answers the check's record. */
import { checkNowHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return checkNowHandler(request, await params, appWatchDeps());
}
