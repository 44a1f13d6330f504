/**
 * Checks on a request before Next handles it (run by proxy.ts), for requests Next would otherwise
 * answer with a 500 (docs/decisions/0014-request-guards.md). Framework-free: plain values in, a
 * refusal (status, code, message) or null out.
 */
import type { ApiErrorCode } from "../data/api.ts";
import { MAX_FORM_BODY_BYTES } from "../validations/common.ts";

export interface Refusal {
  status: number;
  code: ApiErrorCode;
  message: string;
}

/** Whether a URL path holds a percent-escape that is not valid UTF-8 (e.g. /p/%E4%B8, /p/%ZZ). */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request to a page (not /api) can change anything: a server action (the only pages' POST). */
export function isPageWrite(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * A write to a page is a server action (a web form). Accepted only when it comes from the app's own
 * origin (the browser's Origin header, exactly; a request without one is refused too, and Host or
 * X-Forwarded-Host play no part) and declares a body length within MAX_FORM_BODY_BYTES.
 */
export function checkPageWrite(
  headers: Headers,
  origin: string,
  maxBytes: number = MAX_FORM_BODY_BYTES,
): Refusal | null {
  const from = headers.get("origin");
  if (from !== origin) {
    return {
      status: 403,
      code: "forbidden_origin",
      message: from
        ? `Forms on this site accept requests from ${origin} only, not from ${from}.`
        : `Forms on this site accept requests from ${origin} only; this request has no Origin header.`,
    };
  }
  const declared = headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared.trim())) {
    return { status: 411, code: "length_required", message: "Send the request body with a Content-Length." };
  }
  if (Number(declared) > maxBytes) {
    return {
      status: 413,
      code: "too_large",
      message: `The request is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`,
    };
  }
  return null;
}
