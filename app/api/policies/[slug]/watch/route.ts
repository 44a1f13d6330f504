/** GET / PUT / DELETE /api/policies/{slug}/watch: the policy's watched source (admin). See lib/watch/http.ts. */
import { deleteWatchHandler, getWatchHandler, putWatchHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: Request, { params }: Context) {
  return getWatchHandler(request, await params, appWatchDeps());
}

export async function PUT(request: Request, { params }: Context) {
  return putWatchHandler(request, await params, appWatchDeps());
}

export async function DELETE(request: Request, { params }: Context) {
  return deleteWatchHandler(request, await params, appWatchDeps());
}
