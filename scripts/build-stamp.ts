/**
 * Whether the production build is current: a SHA-256 of every file the build reads (sources, styles,
 * config, lockfile), stored beside the build as `<NEXT_DIST_DIR>/source-stamp` after a successful
 * build. `npm start` (scripts/start.ts) builds only when the stamp is missing or differs
 * (docs/decisions/0023-permanent-links-and-first-run.md).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What `next build` reads: the folders are walked, files hashed with their paths. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
] as const;

export const STAMP_FILE = "source-stamp";

function filesUnder(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.name !== "node_modules" && !d.name.startsWith("."))
    .flatMap((d) => filesUnder(root, path.join(entry, d.name)));
}

/** The hash of the build's inputs under `root` (file paths and contents, in a fixed order). */
export function sourceStamp(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((entry) => filesUnder(root, entry)).sort()) {
    hash.update(file.split(path.sep).join("/")).update("\0");
    hash.update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

/** Whether `distDir` holds a finished build made from sources with this stamp. */
export function buildIsCurrent(distDir: string, stamp: string): boolean {
  const file = path.join(distDir, STAMP_FILE);
  return existsSync(path.join(distDir, "BUILD_ID")) && existsSync(file) && readFileSync(file, "utf8").trim() === stamp;
}

export function writeStamp(distDir: string, stamp: string): void {
  writeFileSync(path.join(distDir, STAMP_FILE), `${stamp}\n`);
}
