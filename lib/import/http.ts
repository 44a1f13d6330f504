/**
 * The JSON API's write handlers, as plain Request -> Response functions (Web APIs only, no Next), so
 * the route files stay thin and the handlers are testable without a server.
 *
 *   POST   /api/policies                               create a policy with its first version (JSON)
 *   POST   /api/policies/{slug}/versions               add a version: JSON {text|url, ...} or multipart (file)
 *   PATCH  /api/policies/{slug}/versions/{version}     edit a version's metadata (JSON)
 *   DELETE /api/policies/{slug}/versions/{version}     delete a version (and its cached comparisons)
 *
 * Every one needs `Authorization: Bearer <ADMIN_TOKEN>` (401 JSON without it). Invalid input: 422
 * `invalid_input` with zod's issues; too large: 413; unsupported type: 415; unknown policy/version: 404; duplicate text:
 * 409 naming the stored version; URL fetch failures: 422/502/504 with the reason. Errors have the
 * API's one shape (../data/api.ts): `{"error": {"code", "message", ...details}}`.
 */
import { z } from "zod";
import { requireAdmin } from "../auth.ts";
import { internalError, jsonError, type ApiErrorCode } from "../data/api.ts";
import { deleteVersion, updateVersionMeta } from "../data/version-writes.ts";
import {
  createPolicyBodySchema,
  createVersionBodySchema,
  MAX_DOCUMENT_BYTES,
  slugSchema,
  versionKeySchema,
  versionMetaPatchSchema,
  versionMetaShape,
} from "../validations/index.ts";
import { formatBytes } from "../ingest/fetch.ts";
import { describeWriteError, type WriteProblem } from "./errors.ts";
import { importPolicy, importVersion, type ImportOptions } from "./service.ts";
import type { DocumentSource } from "./source.ts";
import { policyPath, versionPath } from "../view/url.ts";

/** Room for multipart boundaries and the metadata fields around a document of the largest size. */
const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 256 * 1024;
const TOO_LARGE = `The request is larger than ${formatBytes(MAX_DOCUMENT_BYTES)}.`;

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function problemResponse(p: WriteProblem): Response {
  return jsonError(p.status, p.code, p.message, {
    ...(p.field ? { field: p.field } : {}),
    ...(p.issues ? { issues: p.issues } : {}),
    ...(p.match
      ? { match: { key: p.match.key, publishedAt: p.match.publishedAt, url: versionPath(p.match.slug, p.match.key) } }
      : {}),
  });
}

/**
 * Runs a write handler and turns what it throws into the API's error answers (describeWriteError,
 * plus `describeMore` for a caller's own refusals); anything unexpected is a 500.
 */
export async function guard(
  run: () => Promise<Response>,
  describeMore: (error: unknown) => WriteProblem | null = () => null,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BodyError) return jsonError(error.status, error.code, error.message);
    const problem = describeMore(error) ?? describeWriteError(error);
    if (problem) return problemResponse(problem);
    return internalError(error, "write");
  }
}

async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    throw new BodyError(413, "too_large", TOO_LARGE);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new BodyError(413, "too_large", TOO_LARGE);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The body as JSON (415 unless JSON, 413 past the limit, 400 unless valid UTF-8 JSON). */
export async function readJson(request: Request): Promise<unknown> {
  if (mediaType(request) !== "application/json") {
    throw new BodyError(415, "unsupported_media_type", "Send JSON (Content-Type: application/json).");
  }
  const bytes = await readBody(request);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new BodyError(400, "bad_json", "The body is not valid UTF-8 JSON.");
  }
}

function jsonSource(body: {
  text?: string | undefined;
  url?: string | undefined;
  format?: "text" | "markdown" | "html" | undefined;
  fileName?: string | undefined;
}): DocumentSource {
  if (body.url !== undefined) return { kind: "url", url: body.url };
  return {
    kind: "text",
    text: body.text ?? "",
    ...(body.format ? { format: body.format } : {}),
    ...(body.fileName ? { fileName: body.fileName } : {}),
  };
}

const multipartMetaSchema = z.object(versionMetaShape).strict();

/** A multipart body: one `file` part and optional metadata fields. */
async function multipartVersion(request: Request) {
  const bytes = await readBody(request);
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw new BodyError(400, "bad_multipart", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof Blob))
    throw new z.ZodError([
      { code: "custom", path: ["file"], message: "Attach the document as a `file` part.", input: undefined },
    ]);
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (name !== "file" && typeof value === "string") fields[name] = value;
  const meta = multipartMetaSchema.parse(fields);
  const fileName = "name" in file && typeof file.name === "string" && file.name ? file.name : "upload";
  const source: DocumentSource = {
    kind: "file",
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName,
    ...(file.type ? { contentType: file.type } : {}),
  };
  return { source, meta };
}

function params<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  return schema.parse(value);
}

const policyParams = z.object({ slug: slugSchema });
const versionParams = z.object({ slug: slugSchema, version: versionKeySchema });

export function createPolicyHandler(request: Request, options: ImportOptions = {}): Promise<Response> {
  return guard(async () => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const body = createPolicyBodySchema.parse(await readJson(request));
    const { version: v, ...policy } = body;
    const { text: _t, url: _u, format: _f, fileName: _n, ...meta } = v;
    const result = await importPolicy(policy, jsonSource(v), meta, options);
    return Response.json(
      {
        policy: { slug: result.slug, url: policyPath(result.slug) },
        version: { ...result.version, url: versionPath(result.slug, result.version.key) },
      },
      { status: 201, headers: { location: `/api/policies/${result.slug}` } },
    );
  });
}

export function addVersionHandler(
  request: Request,
  rawParams: unknown,
  options: ImportOptions = {},
): Promise<Response> {
  return guard(async () => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const { slug } = params(policyParams, rawParams);
    let source: DocumentSource;
    let meta;
    if (mediaType(request) === "multipart/form-data") {
      ({ source, meta } = await multipartVersion(request));
    } else {
      const body = createVersionBodySchema.parse(await readJson(request));
      const { text: _t, url: _u, format: _f, fileName: _n, ...rest } = body;
      source = jsonSource(body);
      meta = rest;
    }
    const { version, detection } = await importVersion(slug, source, meta, options);
    return Response.json(
      { version: { ...version, url: versionPath(slug, version.key) }, detected: detection },
      { status: 201, headers: { location: `/api/policies/${slug}/versions/${version.key}` } },
    );
  });
}

export function patchVersionHandler(
  request: Request,
  rawParams: unknown,
  options: ImportOptions = {},
): Promise<Response> {
  return guard(async () => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const { slug, version: key } = params(versionParams, rawParams);
    const change = versionMetaPatchSchema.parse(await readJson(request));
    const version = await updateVersionMeta(slug, key, change, options.client);
    return Response.json({ version: { ...version, url: versionPath(slug, version.key) } });
  });
}

export function deleteVersionHandler(
  request: Request,
  rawParams: unknown,
  options: ImportOptions = {},
): Promise<Response> {
  return guard(async () => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const { slug, version: key } = params(versionParams, rawParams);
    const deleted = await deleteVersion(slug, key, options.client);
    return Response.json({ deleted });
  });
}
