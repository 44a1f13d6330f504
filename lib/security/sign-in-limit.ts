/**
 * How fast the admin token may be guessed, on the web sign-in and through the API's Bearer header
 * alike (docs/decisions/0014-request-guards.md). Only wrong tokens count; an empty attempt guesses
 * nothing. While a limit holds, the token is not even checked.
 *
 * - Per client address: 5 wrong tokens, then one more per minute.
 * - Overall: 100 wrong tokens, then one per second, whatever addresses they claim (X-Forwarded-For
 *   is whatever the client sent when no proxy in front rewrites it, so the per-address limit alone
 *   could be dodged by inventing addresses).
 *
 * In memory, per server process (this app runs as one process); the state lives on globalThis so
 * every bundle of the server (pages, actions, route handlers) shares it.
 */
import { TokenBuckets } from "./rate-limit.ts";

export const SIGN_IN_LIMITS = {
  perAddress: { capacity: 5, refillPerSecond: 1 / 60 },
  overall: { capacity: 100, refillPerSecond: 1 },
} as const;

const OVERALL = "*";
const STATE = Symbol.for("policy-diff.signInLimit");
type Holder = typeof globalThis & { [STATE]?: { perAddress: TokenBuckets; overall: TokenBuckets } };

function state() {
  const holder = globalThis as Holder;
  holder[STATE] ??= {
    perAddress: new TokenBuckets(SIGN_IN_LIMITS.perAddress),
    overall: new TokenBuckets(SIGN_IN_LIMITS.overall),
  };
  return holder[STATE];
}

/**
 * The client's address: the last X-Forwarded-For entry. Next sets the header to the connection's
 * address when the client sent none; a proxy in front that appends to it (nginx's
 * $proxy_add_x_forwarded_for) makes the last entry the address it saw, which the client cannot forge.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 100) ?? "unknown";
}

/** Seconds this client must wait before its next sign-in attempt is checked (0: it may try now). */
export function signInWaitSeconds(address: string, now: number = Date.now()): number {
  const { perAddress, overall } = state();
  return Math.max(perAddress.waitSeconds(address, now), overall.waitSeconds(OVERALL, now));
}

/** Counts a wrong token from this client. */
export function recordWrongToken(address: string, now: number = Date.now()): void {
  const { perAddress, overall } = state();
  perAddress.take(address, now);
  overall.take(OVERALL, now);
}

/** For tests: forgets every count. */
export function resetSignInLimits(): void {
  delete (globalThis as Holder)[STATE];
}
