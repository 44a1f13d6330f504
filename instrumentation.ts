/**
 * Runs once when the server starts: validates the environment (lib/config.ts; a bad one stops the
 * server with the list of problems, rather than failing requests later), then announces the admin
 * credential's state (lib/auth.ts).
 */
export async function register() {
  // NEXT_RUNTIME is Next's own marker of the runtime loading this file, not app configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { config } = await import("./lib/config.ts");
    const env = config();
    if (env.production && !env.appOriginSet) {
      console.log(`[config] APP_ORIGIN is not set: web forms are accepted from ${env.appOrigin} only.`);
    }
    const { announceAdminToken } = await import("./lib/auth.ts");
    announceAdminToken();
  }
}
