import type { SafeHtml } from "@/lib/view/safe-html";

/**
 * The one place React inserts prepared markup, and it takes only SafeHtml: HTML built by
 * lib/view/safe-html's escaping template (the compare rows and outline, lib/view/html.ts). A raw
 * string does not type-check here (lint forbids dangerouslySetInnerHTML anywhere else).
 */
export function HtmlBlock({ as: Tag, html, className }: { as: "div" | "ol"; html: SafeHtml; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html.toString() }} />;
}
