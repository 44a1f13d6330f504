import { memoOutlineHtml } from "@/lib/view/html";
import type { CompareView, RowFilter } from "@/lib/view/types";
import { HtmlBlock } from "./HtmlBlock";
import type { CompareMessages } from "./messages";

/**
 * The aligned sections with a marker per status; plain fragment links (no script needed to jump).
 * The list is rendered once per model and language (lib/view/html.ts), like the rows.
 */
export function Outline({ view, filter, m }: { view: CompareView; filter: RowFilter; m: CompareMessages }) {
  return (
    <nav className="cmp-outline" aria-label={m.outline}>
      <h2>{m.outline}</h2>
      <HtmlBlock as="ol" html={memoOutlineHtml(view, filter, m)} />
    </nav>
  );
}
