/** GET / POST /api/webhooks: webhooks with their delivery logs; add one (admin). See lib/watch/http.ts. */
import { addWebhookHandler, listWebhooksHandler } from "@/lib/watch/http";
import { appWatchDeps } from "@/lib/watch/runtime";

export async function GET(request: Request) {
  return listWebhooksHandler(request, appWatchDeps());
}

export async function POST(request: Request) {
  return addWebhookHandler(request, appWatchDeps());
}
