/** GET /feed.xml: Atom feed of new versions of every policy (lib/feed; `?lang=en` for English). */
import { withApiErrors } from "@/lib/data";
import { feedResponse } from "@/lib/feed/http";

export const GET = withApiErrors((request: Request) => feedResponse(request, null));
