import type { TextRun } from "@/lib/view/types";

/** Marked text as React text nodes (document text is data: never parsed as HTML). */
export function Runs({ runs }: { runs: TextRun[] }) {
  return runs.map((r, i) => (r.m === "eq" ? r.t : r.m === "del" ? <del key={i}>{r.t}</del> : <ins key={i}>{r.t}</ins>));
}
