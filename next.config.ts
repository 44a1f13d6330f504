import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let several builds (e.g. parallel test runs) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
};

export default nextConfig;
