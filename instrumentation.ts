/**
 * Runs once when the server starts: validates the environment (lib/config.ts; a bad one stops the
 * server with the list of problems, rather than failing requests later), announces the admin
 * credential's state (lib/auth.ts), and starts the scheduler of watched sources (lib/watch/runtime.ts;
 * WATCH_SCHEDULER=off leaves it off). Next calls `register` when a server starts, not during
 * `next build`; the scheduler also refuses to start twice in one process.
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
    // NEXT_PHASE is Next's own marker too: never schedule checks from a build.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startScheduler } = await import("./lib/watch/runtime.ts");
      if (startScheduler()) console.log("[watch] scheduler started");
    }
  }
}
