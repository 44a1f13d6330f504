import type { NextConfig } from "next";
import { config } from "./lib/config.ts";
import { NON_PAGE_CSP, SECURITY_HEADERS } from "./lib/security/headers.ts";
import { MAX_FORM_BODY_BYTES } from "./lib/validations/common.ts";

// Validates the whole environment (lib/config.ts): `next build` and `next start` stop on a bad one
// (a malformed APP_ORIGIN or PORT included), not a request.
const env = config();
const origin = new URL(env.appOrigin);

const nextConfig: NextConfig = {
  // Separate build folders let several builds (e.g. parallel test runs) coexist.
  distDir: env.nextDistDir,
  poweredByHeader: false,
  experimental: {
    serverActions: {
      // Import forms post up to 5 MB documents to server actions (default cap 1 MB). The cap sits above
      // 5 MB so an oversized file reaches the app's own validation and gets a clear message; proxy.ts
      // answers 413 to larger bodies before Next reads them.
      bodySizeLimit: MAX_FORM_BODY_BYTES,
      // proxy.ts accepts actions from APP_ORIGIN only; Next's own check (Origin against Host or
      // X-Forwarded-Host) must then not refuse them behind a proxy that forwards another host.
      allowedOrigins: [origin.host],
    },
    // Next hands the proxy a copy of each request body up to this size and cuts the body the route
    // then reads at the same size: it must not be smaller than what server actions accept.
    proxyClientMaxBodySize: MAX_FORM_BODY_BYTES,
  },
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
    ]);
  },
};

export default nextConfig;
