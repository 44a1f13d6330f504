/**
 * Runs once when the server starts: checks the environment (a malformed APP_ORIGIN or PORT stops the
 * start with its message, rather than failing requests later) and announces the admin credential's
 * state (see lib/auth.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { appOrigin } = await import("./lib/config.ts");
    const origin = appOrigin();
    if (process.env.NODE_ENV === "production" && !process.env.APP_ORIGIN?.trim()) {
      console.log(`[config] APP_ORIGIN is not set: web forms are accepted from ${origin} only.`);
    }
    const { announceAdminToken } = await import("./lib/auth.ts");
    announceAdminToken();
  }
}
