/**
 * Every refusal an import can meet, as one shape the surfaces render: a status for the API, a code,
 * a sentence for a person, the form field it concerns, and for duplicates the matching version.
 */
import { ZodError } from "zod";
import { DatabaseBusyError } from "../db.ts";
import { IngestError } from "../ingest/errors.ts";
import { FetchError } from "../ingest/fetch.ts";
import {
  DuplicateVersionError,
  PolicyExistsError,
  UnknownPolicyError,
  UnknownVersionError,
  WriteConflictError,
} from "../data/version-writes.ts";
import type { ApiErrorCode } from "../data/api.ts";
import type { VersionRef } from "../data/types.ts";
import { MissingNameError } from "./service.ts";

export interface WriteProblem {
  status: number;
  code: ApiErrorCode;
  message: string;
  /** The input field at fault, when there is one ("text", "file", "url", "slug", ...). */
  field?: string;
  /** For a duplicate: the stored version with the same text. */
  match?: VersionRef & { slug: string };
  /** For a validation error: zod's issues. */
  issues?: ZodError["issues"];
  /** The values in `message` (a fetch failure's host, reason or status), for the forms' own sentence. */
  params?: Readonly<Record<string, string | number>>;
}

const FETCH_STATUS: Record<FetchError["code"], number> = {
  bad_url: 422,
  blocked_address: 422,
  blocked_port: 422,
  bad_content_type: 415,
  too_large: 413,
  too_many_redirects: 422,
  dns: 502,
  http_status: 502,
  network: 502,
  timeout: 504,
};

/** What went wrong, or null when the error is not an expected refusal (a bug: let it surface as 500). */
export function describeWriteError(error: unknown, sourceField = "text"): WriteProblem | null {
  if (error instanceof ZodError) {
    const first = error.issues[0];
    return {
      status: 422,
      code: "invalid_input",
      message: first ? `${first.path.length ? first.path.join(".") + ": " : ""}${first.message}` : "Invalid input.",
      ...(first?.path[0] !== undefined ? { field: String(first.path[0]) } : {}),
      issues: error.issues,
    };
  }
  if (error instanceof IngestError) {
    return {
      status: error.code === "too-large" ? 413 : error.code === "unsupported" ? 415 : 422,
      code: error.code === "too-large" ? "too_large" : error.code, // the API's codes are snake_case
      message: error.message,
      field: sourceField,
    };
  }
  if (error instanceof FetchError) {
    const { code, message, params } = error;
    return { status: FETCH_STATUS[code], code: `fetch_${code}`, message, field: "url", params };
  }
  if (error instanceof DuplicateVersionError) {
    return {
      status: 409,
      code: "duplicate",
      message: error.message,
      match: { slug: error.slug, ...error.match },
    };
  }
  if (error instanceof DatabaseBusyError) {
    return { status: 503, code: error.code, message: error.message };
  }
  if (error instanceof WriteConflictError) {
    return { status: 409, code: error.code, message: error.message };
  }
  if (error instanceof PolicyExistsError) {
    return { status: 409, code: error.code, message: error.message, field: "slug" };
  }
  if (error instanceof UnknownPolicyError) {
    return { status: 404, code: "policy_not_found", message: `No policy with the slug "${error.slug}".` };
  }
  if (error instanceof MissingNameError) {
    return { status: 422, code: error.code, message: error.message, field: "name" };
  }
  if (error instanceof UnknownVersionError) {
    return { status: 404, code: error.code, message: error.message };
  }
  return null;
}
