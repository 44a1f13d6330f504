/**
 * The web side of lib/auth.ts: the admin session cookie, read and written through Next's cookies().
 * Server components, server actions and route handlers only.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  ADMIN_COOKIE,
  ADMIN_COOKIE_MAX_AGE,
  adminConfig,
  checkSession,
  secureCookie,
  signIn,
  type AuthResult,
} from "./auth.ts";
import { clientAddress, recordWrongToken, signInWaitSeconds } from "./security/sign-in-limit.ts";
import { localPath } from "./validations/redirect.ts";

/** Whether this request carries a valid admin session. */
export async function webAuth(): Promise<AuthResult> {
  return checkSession((await cookies()).get(ADMIN_COOKIE)?.value);
}

export async function isAdmin(): Promise<boolean> {
  return (await webAuth()).ok;
}

/** Whether writes can happen at all on this server (false in production without ADMIN_TOKEN). */
export function writesEnabled(): boolean {
  return adminConfig().state === "enabled";
}

/** For pages that write: sends a signed-out visitor to the sign-in page, then back here. */
export async function requireAdminPage(next: string): Promise<void> {
  if (!(await isAdmin())) redirect(`/signin?next=${encodeURIComponent(next)}`);
}

/** Only a path on this site, so the sign-in page is not an open redirect (see localPath). */
export function safeNext(value: unknown): string {
  return localPath(value) ?? "/";
}

async function isHttps(): Promise<boolean> {
  const h = await headers();
  return (
    (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https" || (h.get("origin") ?? "").startsWith("https:")
  );
}

export type SignInResult = AuthResult | { ok: false; status: 429; waitSeconds: number };

/**
 * Checks a typed token and, when it matches, sets the session cookie. A wrong token counts against
 * the client's address; while it has made too many (lib/security/sign-in-limit.ts), no token is
 * checked and the result says how long to wait.
 */
export async function startSession(token: string): Promise<SignInResult> {
  const address = clientAddress(await headers());
  const waitSeconds = signInWaitSeconds(address);
  if (waitSeconds > 0) return { ok: false, status: 429, waitSeconds };
  const result = signIn(token);
  if (!result.ok && result.status === 401) recordWrongToken(address);
  if (!result.ok || !result.cookie) return result;
  (await cookies()).set(ADMIN_COOKIE, result.cookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookie(await isHttps()),
    path: "/",
    maxAge: ADMIN_COOKIE_MAX_AGE,
  });
  return { ok: true };
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(ADMIN_COOKIE);
}
