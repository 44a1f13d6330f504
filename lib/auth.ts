/**
 * The admin credential that every write needs. Reading stays public. Framework-free: the API passes
 * the Authorization header, the web passes its session cookie's value (lib/auth-session.ts).
 *
 * - ADMIN_TOKEN is the credential (lib/config.ts validates it: at least 16 characters, or the server
 *   does not start).
 * - In development (NODE_ENV !== "production") without ADMIN_TOKEN, a random token is generated once
 *   per server process and printed once to the server's console.
 * - In production without ADMIN_TOKEN, writes are refused with a message saying so (503), never
 *   silently allowed.
 * - API: `Authorization: Bearer <token>`. Web: an httpOnly cookie holding a signed session
 *   `<payload>.<mac>`: the payload is {iat, exp} (issued, expires: 7 days later), the mac an HMAC of it
 *   keyed with the token. The token itself is not stored in the browser, the server refuses an expired
 *   or altered session, and changing ADMIN_TOKEN signs everyone out.
 * - The cookie is Secure when the sign-in request came over https, or always with COOKIE_SECURE=1
 *   (set it behind a proxy that does not send X-Forwarded-Proto).
 * - Comparisons are constant-time (both sides hashed to a fixed length, then timingSafeEqual).
 * Every function takes the settings it needs (default: this process's `config()`), so tests pass their own.
 * See docs/decisions/0009-admin-credential.md.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config, type AppConfig } from "./config.ts";
import { jsonError } from "./data/api.ts";
import { clientAddress, recordWrongToken, signInWaitSeconds } from "./security/sign-in-limit.ts";

export const ADMIN_COOKIE = "policy_admin";
/** How long a web session lasts, in seconds (also the cookie's Max-Age). */
export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7; // 7 days
export const ADMIN_COOKIE_MAX_AGE = SESSION_TTL_SECONDS;
/** Tolerated clock difference for a session's issue time, in seconds. */
const CLOCK_SKEW_SECONDS = 60;

/** What lib/auth reads of the configuration. */
export type AuthSettings = Pick<AppConfig, "adminToken" | "production" | "cookieSecure">;

export type AdminConfig =
  { state: "enabled"; token: string; generated: boolean } | { state: "disabled"; reason: string };

export type AuthFailure = { ok: false; status: 401 | 503; code: "unauthorized" | "writes_disabled"; message: string };
export type AuthResult = { ok: true } | AuthFailure;

const GENERATED = Symbol.for("policy-diff.generatedAdminToken");
type Holder = typeof globalThis & { [GENERATED]?: { token: string; printed: boolean } };

/** What the configuration says about the admin credential. Generates the development token if needed. */
export function adminConfig(settings: AuthSettings = config()): AdminConfig {
  if (settings.adminToken) return { state: "enabled", token: settings.adminToken, generated: false };
  if (settings.production) {
    return {
      state: "disabled",
      reason:
        "Writes are disabled: the server has no ADMIN_TOKEN. Set ADMIN_TOKEN to enable adding and editing versions.",
    };
  }
  const holder = globalThis as Holder;
  holder[GENERATED] ??= { token: randomBytes(24).toString("base64url"), printed: false };
  return { state: "enabled", token: holder[GENERATED].token, generated: true };
}

/**
 * Called once at server start (instrumentation.ts): prints the generated development token, or warns
 * that writes are disabled. Prints each thing at most once per process.
 */
export function announceAdminToken(settings: AuthSettings = config(), log: (line: string) => void = console.log): void {
  const admin = adminConfig(settings);
  if (admin.state === "disabled") {
    log(`[auth] ${admin.reason}`);
    return;
  }
  const holder = globalThis as Holder;
  if (admin.generated && holder[GENERATED] && !holder[GENERATED].printed) {
    holder[GENERATED].printed = true;
    log(`[auth] ADMIN_TOKEN is not set; generated one for this development server: ${admin.token}`);
    log("[auth] Sign in at /signin with it, or send it as `Authorization: Bearer <token>`.");
  }
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Constant-time string equality (the lengths are hidden too: both sides are hashed first). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function sessionMac(token: string, payload: string): string {
  return createHmac("sha256", token).update(`policy-diff admin session v2.${payload}`).digest("base64url");
}

/** A new session cookie's value for a token, issued at `now` (ms), valid for SESSION_TTL_SECONDS. */
export function sessionValue(token: string, now: number = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ iat, exp: iat + SESSION_TTL_SECONDS }), "utf8").toString("base64url");
  return `${payload}.${sessionMac(token, payload)}`;
}

/** Whether a session cookie's value was signed with this token and is valid at `now` (ms). */
export function verifySession(cookie: string, token: string, now: number = Date.now()): boolean {
  const parts = cookie.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return false;
  const [payload, mac] = parts as [string, string];
  if (!safeEqual(mac, sessionMac(token, payload))) return false;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return false;
  }
  const { iat, exp } = (claims ?? {}) as { iat?: unknown; exp?: unknown };
  if (typeof iat !== "number" || typeof exp !== "number") return false;
  const t = now / 1000;
  return iat <= t + CLOCK_SKEW_SECONDS && t < exp && exp - iat <= SESSION_TTL_SECONDS;
}

/** Whether to mark the session cookie Secure: the request came over https, or COOKIE_SECURE=1. */
export function secureCookie(requestIsHttps: boolean, settings: AuthSettings = config()): boolean {
  return requestIsHttps || settings.cookieSecure;
}

function refused(config: AdminConfig & { state: "disabled" }): AuthFailure {
  return { ok: false, status: 503, code: "writes_disabled", message: config.reason };
}

const UNAUTHORIZED: AuthFailure = {
  ok: false,
  status: 401,
  code: "unauthorized",
  message: "This needs the admin token: send `Authorization: Bearer <ADMIN_TOKEN>`.",
};

/** Checks an Authorization header value (API). */
export function checkBearer(header: string | null | undefined, settings: AuthSettings = config()): AuthResult {
  const admin = adminConfig(settings);
  if (admin.state === "disabled") return refused(admin);
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m?.[1] || !safeEqual(m[1], admin.token)) return UNAUTHORIZED;
  return { ok: true };
}

/** Checks a session cookie's value (web): signed with the current token, not expired. */
export function checkSession(
  cookie: string | null | undefined,
  settings: AuthSettings = config(),
  now: number = Date.now(),
): AuthResult {
  const admin = adminConfig(settings);
  if (admin.state === "disabled") return refused(admin);
  if (!cookie || !verifySession(cookie, admin.token, now)) {
    return { ...UNAUTHORIZED, message: "Sign in with the admin token to make changes." };
  }
  return { ok: true };
}

/** Checks a token typed into the sign-in form; returns the cookie value to set when it matches. */
export function signIn(
  token: string,
  settings: AuthSettings = config(),
  now: number = Date.now(),
): AuthResult & { cookie?: string } {
  const admin = adminConfig(settings);
  if (admin.state === "disabled") return refused(admin);
  if (!safeEqual(token.trim(), admin.token)) {
    return { ...UNAUTHORIZED, message: "That is not the admin token." };
  }
  return { ok: true, cookie: sessionValue(admin.token, now) };
}

/** The API's answer to a refused write: a JSON body with the status. */
export function authErrorResponse(result: AuthFailure): Response {
  const headers = result.status === 401 ? { "www-authenticate": 'Bearer realm="policy-diff"' } : undefined;
  return jsonError(result.status, result.code, result.message, {}, headers);
}

/**
 * Checks a request's Authorization header; null when allowed, else the response to send. A token
 * sent is a guess at ADMIN_TOKEN: wrong ones count against the client's address, and while it has
 * made too many (lib/security/sign-in-limit.ts) no token is checked: 429 with Retry-After.
 */
export function requireAdmin(request: Request, settings: AuthSettings = config()): Response | null {
  const header = request.headers.get("authorization");
  const address = clientAddress(request.headers);
  if (header) {
    const wait = signInWaitSeconds(address);
    if (wait > 0) {
      return jsonError(
        429,
        "too_many_attempts",
        `Too many wrong admin tokens from this address; try again in ${wait} seconds.`,
        {},
        { "retry-after": String(wait) },
      );
    }
  }
  const result = checkBearer(header, settings);
  if (!result.ok && result.status === 401 && header) recordWrongToken(address);
  return result.ok ? null : authErrorResponse(result);
}
