import type { SafeHtml } from "@/lib/view/safe-html";
import { HtmlBlock } from "./HtmlBlock";
import type { CompareMessages } from "./messages";

/**
 * The aligned sections of the part shown, with a marker per status; plain fragment links (no script
 * needed to jump). The list is rendered with the rows, in a worker thread (lib/view/parts.ts).
 */
export function Outline({ html, m }: { html: SafeHtml; m: CompareMessages }) {
  return (
    <nav className="cmp-outline" aria-label={m.outline}>
      <h2>{m.outline}</h2>
      <HtmlBlock as="ol" html={html} />
    </nav>
  );
}
