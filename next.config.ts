import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let several builds (e.g. parallel test runs) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Import forms post up to 5 MB documents to server actions (default cap 1 MB). The cap sits above
  // 5 MB so an oversized file reaches the app's own validation and gets a clear message.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
};

export default nextConfig;
