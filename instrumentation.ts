/** Runs once when the server starts: announces the admin credential's state (see lib/auth.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { announceAdminToken } = await import("./lib/auth.ts");
    announceAdminToken();
  }
}
