/**
 * Where a "go back to" parameter (sign-in `next`, the language switch's `next`) may send a browser:
 * only a path on this site. Framework-free.
 */
import { z } from "zod";

/** A host that never resolves; only used to see whether a value would leave it. */
const DUMMY_ORIGIN = "http://local.invalid";

/** C0 and C1 control characters and DEL: browsers strip some of them (tab, newline) inside URLs. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * The value as a same-site path ("/p/x?y#z"), or null when it could lead anywhere else: not a string,
 * control characters ("/\t/evil.com" is "//evil.com" to a browser), not starting with "/", or a value
 * that, resolved against a dummy origin, lands on another origin ("//evil.com", "/\\evil.com").
 * The path returned is the normalised one the URL parser produced.
 */
export function localPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000 || CONTROL.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== DUMMY_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** zod: a same-site path (see localPath), normalised. */
export const localPathSchema = z.string().transform((value, ctx) => {
  const path = localPath(value);
  if (path === null) {
    ctx.addIssue({ code: "custom", message: "Only a path on this site." });
    return z.NEVER;
  }
  return path;
});
