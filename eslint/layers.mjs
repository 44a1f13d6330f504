// The project's import order, one definition for the linter (eslint/boundaries.mjs) and for
// scripts/import-graph.ts. The engine is a pipeline: a stage may import its own folder and the stages
// below it, never one above it, and never a framework. See docs/decisions/0011-house-rules.md.

/** Engine stages under lib/, lowest first. Same rank: independent neighbours. */
export const ENGINE_RANKS = {
  text: 0, // normalisation, characters, offsets
  sequence: 0, // generic sequence algorithms (diff of integer sequences, weighted LCS)
  i18n: 0, // message catalogues (pure data and fill-in)
  ingest: 1, // bytes -> clean text + metadata
  parse: 2, // clean text -> section tree
  align: 3, // two trees -> section and block pairs
  diff: 4, // a block pair -> token changes
  compare: 5, // the compare model
  insight: 6, // change kinds, topics, key terms and the digest, read from the model
  view: 7, // view models and row HTML built from the model
  eval: 8, // scoring the engine against gold (reads everything below)
};

/** Imports an engine file may never make (frameworks and the database). */
export const FRAMEWORK_IMPORTS = [
  /^react(\/|$)/,
  /^react-dom(\/|$)/,
  /^next(\/|$)/,
  /^@prisma\//,
  /^server-only$/,
  /generated\/prisma/,
];

/** The layer of a project file (path relative to the project root, forward slashes). */
export function layerOf(file) {
  const m = /^lib\/([^/.]+)/.exec(file);
  if (m) {
    const dir = m[1];
    if (dir in ENGINE_RANKS) return { kind: "engine", name: dir, rank: ENGINE_RANKS[dir] };
    return {
      kind: "server",
      name: file.startsWith("lib/") && !file.slice(4).includes("/") ? file.slice(4).replace(/\.tsx?$/, "") : dir,
    };
  }
  if (file.startsWith("components/")) return { kind: "components", name: "components" };
  if (file.startsWith("app/")) return { kind: "app", name: "app" };
  if (file.startsWith("scripts/")) return { kind: "scripts", name: "scripts" };
  return { kind: "other", name: file.split("/")[0] ?? file };
}

/** Why `from` may not import `to` (both layers), or null when it may. */
export function violation(from, to) {
  if (from.kind === "engine") {
    if (to.kind === "engine") {
      return to.rank > from.rank ? `engine stage "${from.name}" imports "${to.name}", a later stage` : null;
    }
    if (to.kind === "server" || to.kind === "components" || to.kind === "app" || to.kind === "scripts") {
      return `engine stage "${from.name}" imports ${to.kind} code ("${to.name}")`;
    }
    return null;
  }
  if ((from.kind === "server" || from.kind === "components") && to.kind === "app") {
    return `${from.kind} code imports app/ (routes depend on components and lib, never the reverse)`;
  }
  if (from.kind === "server" && to.kind === "components") return "lib/ imports components/";
  return null;
}
