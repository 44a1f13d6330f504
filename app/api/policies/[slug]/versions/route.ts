/**
 * POST /api/policies/{slug}/versions: add a version (admin). JSON `{text | url, publishedAt?, ...}` or
 * multipart/form-data with a `file` part. See lib/import/http.ts for the answers.
 */
import { addVersionHandler } from "@/lib/import/http";
import { ingestInWorker } from "@/lib/work";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  // lib/ingest (HTML to text, .docx) runs in a worker thread under a time budget.
  return addVersionHandler(request, await params, { ingest: ingestInWorker() });
}
