/**
 * The compare toolbar's "Export" menu: download links for the view's exports (lib/export/url.ts),
 * with the view's ignore options. A <details> element, so it works without JavaScript. Tables, lists
 * and digests list the changed sections (a 修订对照表's usual form); one link offers the table of
 * all sections. Fetches nothing.
 */
import type { ViewOptions } from "@/lib/view/types";
import type { VersionAddress } from "@/lib/view/url";
import { exportHref } from "@/lib/export/url";
import type { ExportFormat, ExportScope } from "@/lib/export/types";
import type { CompareMessages } from "./messages";
import "./export.css";

export function ExportMenu({
  from,
  to,
  options,
  m,
}: {
  from: VersionAddress;
  to: VersionAddress;
  options: ViewOptions;
  m: CompareMessages["export"];
}) {
  const items: { format: ExportFormat; scope: ExportScope; label: string; id: string }[] = [
    { format: "docx", scope: "changes", label: m.menuDocx, id: "docx" },
    { format: "redline", scope: "changes", label: m.menuRedline, id: "redline" },
    { format: "csv", scope: "changes", label: m.menuCsv, id: "csv" },
    { format: "md", scope: "changes", label: m.menuMd, id: "md" },
    { format: "docx", scope: "all", label: m.menuDocxAll, id: "docx-all" },
  ];
  return (
    <details className="cmp-export" data-testid="export-menu">
      <summary className="cmp-chip">{m.menu}</summary>
      <div className="cmp-export-list" role="group" aria-label={m.menu}>
        <p className="cmp-export-hint">{m.menuHint}</p>
        <ul>
          {items.map((it) => (
            <li key={it.id}>
              {/* Plain <a download>: a file, not a page (next/link would try to prefetch it). */}
              <a
                href={exportHref(from, to, it.format, { ignore: options.ignore, scope: it.scope })}
                download
                data-export={it.id}
              >
                {it.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
