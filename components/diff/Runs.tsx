import type { TextRun } from "@/lib/view/types";

/**
 * Marked text as React text nodes (document text is data: never parsed as HTML). A plain function,
 * called rather than used as a component: a large compare has thousands of cells, and each component
 * is one more element for the server to serialise.
 */
export function renderRuns(runs: TextRun[]) {
  return runs.map((r, i) => (r.m === "eq" ? r.t : r.m === "del" ? <del key={i}>{r.t}</del> : <ins key={i}>{r.t}</ins>));
}
