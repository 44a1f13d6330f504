/**
 * The admin token of a local start (docs/decisions/0023-permanent-links-and-first-run.md): `npm start`
 * without ADMIN_TOKEN and without NODE_ENV=production reads it from a gitignored file, creating it
 * (random, 32 characters, owner-only) the first time, so a new user can sign in and add versions and
 * the token stays the same across restarts. Deployments set NODE_ENV=production and get no token
 * unless they configure one: writes are then refused (ADR 0009).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { MIN_ADMIN_TOKEN_LENGTH } from "../lib/config.ts";

export const LOCAL_TOKEN_FILE = ".admin-token";

export type LocalToken = { token: string; created: boolean };

/** The token stored in `file`, or a new one written there. A stored token too short to be accepted is
 * replaced. */
export function localAdminToken(file: string = LOCAL_TOKEN_FILE): LocalToken {
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= MIN_ADMIN_TOKEN_LENGTH) return { token: stored, created: false };
  }
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}
