/**
 * `npm run -s graph`: which layer of lib/ imports which, counted per import statement, with the arrows
 * that go against the engine's stage order flagged (the same judgement as the lint rule
 * `project/layers`, from eslint/layers.mjs; see docs/decisions/0011-house-rules.md).
 *
 *   align -> sequence: 1
 *   align -> text: 3
 *   diff -> compare: 2   ✗ engine stage "diff" imports "compare", a later stage
 *
 * Test files are left out, as the lint rule leaves them out: a test may build its input with a later
 * stage. `--tests` counts them too (and flags nothing in them). Packages are left out, but for a framework
 * or the database imported by an engine stage (flagged). Exit code 1 when an arrow is flagged.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ENGINE_RANKS, FRAMEWORK_IMPORTS, layerOf, violation, type Layer } from "../eslint/layers.mjs";

const root = path.resolve(import.meta.dirname, "..");
const withTests = process.argv.includes("--tests");
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Project-relative paths (forward slashes) of the TypeScript files under `dir`. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (rel !== "lib/eval/corpus") out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** The project-relative path an import specifier points at, or null for a package (as the lint rule reads it). */
function target(fromFile: string, spec: string): string | null {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  return null;
}

/** A framework or the database, imported as a package (engine stages may not). */
type Target = Layer | { kind: "framework"; name: string };

interface Arrow {
  from: Layer;
  to: Target;
  count: number;
  why: string | null;
}

const arrows = new Map<string, Arrow>();
for (const file of sourceFiles("lib")) {
  if (isTest(file) && !withTests) continue;
  const from = layerOf(file);
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
  for (const { fileName: spec } of importedFiles) {
    const to = target(file, spec);
    let toLayer: Target;
    let why: string | null;
    if (to === null) {
      // Packages matter only where they are forbidden: frameworks and the database in the engine.
      if (from.kind !== "engine" || !FRAMEWORK_IMPORTS.some((re) => re.test(spec))) continue;
      toLayer = { kind: "framework", name: spec };
      why = `engine stage "${from.name}" imports a framework or the database`;
    } else {
      toLayer = layerOf(to);
      if (toLayer.name === from.name && toLayer.kind === from.kind) continue;
      why = violation(from, toLayer);
    }
    const key = `${from.kind}:${from.name}->${toLayer.kind}:${toLayer.name}`;
    const arrow = arrows.get(key) ?? { from, to: toLayer, count: 0, why: isTest(file) ? null : why };
    arrow.count++;
    arrows.set(key, arrow);
  }
}

const rankOf = (l: Target) =>
  l.kind === "engine" ? l.rank : l.kind === "server" ? 100 : l.kind === "framework" ? 300 : 200;
const sorted = [...arrows.values()].sort(
  (a, b) =>
    rankOf(a.from) - rankOf(b.from) ||
    a.from.name.localeCompare(b.from.name) ||
    rankOf(a.to) - rankOf(b.to) ||
    a.to.name.localeCompare(b.to.name),
);

const order = Object.entries(ENGINE_RANKS)
  .reduce<string[][]>((levels, [name, rank]) => ((levels[rank] ??= []).push(name), levels), [])
  .map((names) => names.join(", "))
  .join(" < ");
console.log(
  `Imports between layers of lib/, one count per import statement${withTests ? " (tests included)" : " (tests left out)"}.`,
);
console.log(`Engine order (a stage imports only its own rank or lower): ${order}`);
const label = (l: Target) =>
  l.kind === "engine" || l.kind === "server" ? l.name : l.kind === "framework" ? `package ${l.name}` : `${l.name}/`;
let section = "";
for (const a of sorted) {
  const heading = a.from.kind === "engine" ? "engine stages" : "server code (lib/ outside the engine)";
  if (heading !== section) {
    console.log(`\n${heading}`);
    section = heading;
  }
  console.log(`  ${label(a.from)} -> ${label(a.to)}: ${a.count}${a.why ? `   ✗ ${a.why}` : ""}`);
}
const flagged = sorted.filter((a) => a.why);
const against = flagged.reduce((n, a) => n + a.count, 0);
console.log(
  `\nagainst the order: ${against} import${against === 1 ? "" : "s"} in ${flagged.length} arrow${flagged.length === 1 ? "" : "s"}`,
);
if (flagged.length) process.exitCode = 1;
