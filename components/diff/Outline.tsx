import type { OutlineEntry } from "@/lib/view/types";
import type { CompareMessages } from "./messages";

/** The aligned sections with a marker per status; plain fragment links (no script needed to jump). */
export function Outline({ entries, m }: { entries: OutlineEntry[]; m: CompareMessages }) {
  return (
    <nav className="cmp-outline" aria-label={m.outline}>
      <h2>{m.outline}</h2>
      <ol>
        {entries.map((e) => (
          <li key={e.key} data-changed={e.changed} style={e.depth > 1 ? { paddingLeft: `${Math.min(e.depth - 1, 4) * 0.8}rem` } : undefined}>
            <a href={`#${e.key}`}>
              {/* The status word is read by screen readers; sighted readers see its glyph (CSS). */}
              <span className="cmp-mark" data-s={e.status} title={m.status[e.status]}>
                {m.status[e.status]}
              </span>
              {e.label || m.preamble}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
