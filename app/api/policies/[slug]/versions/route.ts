/**
 * POST /api/policies/{slug}/versions: add a version (admin). JSON `{text | url, publishedAt?, ...}` or
 * multipart/form-data with a `file` part. See lib/import/http.ts for the answers.
 */
import { addVersionHandler } from "@/lib/import/http";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return addVersionHandler(request, await params);
}
