// Types of eslint/layers.mjs, for TypeScript callers (scripts/import-graph.ts).

export type Layer =
  | { kind: "engine"; name: string; rank: number }
  | { kind: "server" | "components" | "app" | "scripts" | "other"; name: string };

export declare const ENGINE_RANKS: Readonly<Record<string, number>>;
export declare const FRAMEWORK_IMPORTS: readonly RegExp[];
export declare function layerOf(file: string): Layer;
export declare function violation(from: Layer, to: Layer): string | null;
