/**
 * The benchmark pairs, built deterministically from the seeds (data/samples/seeds), shared by
 * `npm run bench` (scripts/bench.ts) and `npm run bench:export` (scripts/bench-export.ts):
 *   seed 000 vs 001 (same template, two products);
 *   near: 000 vs a copy with 20 small edits and one moved paragraph;
 *   large: the five seeds concatenated vs an edited copy (~160 KB).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SEEDS = join(import.meta.dirname, "../data/samples/seeds");
export const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort();
export const seed = (i: number) => readFileSync(join(SEEDS, seedFiles[i]!), "utf8");

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `edits` small edits (insert, delete or replace a few characters) inside lines, plus one moved line. */
export function editCopy(text: string, edits: number, seedValue: number): string {
  const rand = rng(seedValue);
  const lines = text.split("\n");
  const words = ["个人信息", "第三方", "必要的", "法律法规", "授权", "服务"];
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(rand() * lines.length);
    const line = lines[i]!;
    if (line.length < 20) {
      k--;
      continue;
    }
    const at = Math.floor(rand() * (line.length - 6));
    const kind = k % 3;
    const word = words[k % words.length]!;
    lines[i] =
      kind === 0
        ? line.slice(0, at) + word + line.slice(at)
        : kind === 1
          ? line.slice(0, at) + line.slice(at + 4)
          : line.slice(0, at) + word + line.slice(at + 3);
  }
  // Move one long paragraph to a later place.
  const from = lines.findIndex((l, i) => i > lines.length / 4 && l.length > 60);
  const [moved] = lines.splice(from, 1);
  lines.splice(Math.floor((lines.length * 3) / 4), 0, moved!);
  return lines.join("\n");
}

/** The ~160 KB pair: all seeds concatenated, and a copy with 60 edits and one move. */
export function largePair(): { a: string; b: string } {
  const all = seedFiles.map((_, i) => seed(i)).join("\n");
  return { a: all, b: editCopy(all, 60, 7) };
}
