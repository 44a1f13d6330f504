/** DELETE /api/webhooks/{id}: remove a webhook and its delivery log (admin). */
import { deleteWebhookHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return deleteWebhookHandler(request, await params, appWatchDeps());
}
