import type { ChangeDigest } from "@/lib/insight";
import { CopyDigest } from "./CopyDigest";
import type { InsightMessages } from "./messages";

/**
 * The change digest (更新说明 / What changed) at the top of the compare view: one line per changed
 * section, grouped by topic, substantive first (lib/insight), with buttons copying it as Markdown or
 * plain text. Rendered on the server; only the copy buttons run in the browser.
 */
export function ChangeDigestPanel({ digest, m }: { digest: ChangeDigest; m: InsightMessages }) {
  const { counts } = digest;
  return (
    <section className="cmp-digest" aria-labelledby="cmp-digest-title" data-testid="digest">
      <div className="cmp-digest-head">
        <h2 id="cmp-digest-title">{digest.title}</h2>
        <CopyDigest
          markdown={digest.markdown}
          text={digest.text}
          labels={{ markdown: m.copyMarkdown, text: m.copyText, copied: m.copied }}
        />
      </div>
      <p className="cmp-digest-counts" data-testid="kind-counts">
        {m.kindCounts
          .replace("{substantive}", String(counts.substantive))
          .replace("{date}", String(counts.date))
          .replace("{cosmetic}", String(counts.cosmetic))}
      </p>
      {digest.groups.length === 0 ? (
        <p>{m.noChanges}</p>
      ) : (
        <details className="cmp-digest-body" open={digest.groups.reduce((n, g) => n + g.entries.length, 0) <= 12}>
          <summary>{digest.title}</summary>
          {digest.groups.map((g, i) => (
            <div key={`${g.topic ?? "none"}-${i}`} className="cmp-digest-group">
              <h3>{g.title}</h3>
              <ul>
                {g.entries.map((e) => (
                  <li key={e.key} data-kind={e.kind}>
                    <a href={`#${e.key}`}>{e.line}</a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
