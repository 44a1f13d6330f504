/** POST /api/policies/{slug}/backfill: fetch the listed versions not stored yet (admin); the per-date report. */
import { backfillHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return backfillHandler(request, await params, appWatchDeps());
}
