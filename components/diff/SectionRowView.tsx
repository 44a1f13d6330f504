import type { BlockRow, Layout, SectionRow } from "@/lib/view/types";
import type { CompareMessages } from "./messages";
import { renderRuns } from "./Runs";

function fill(tpl: string, vars: Record<string, string>): string {
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
}

/** One aligned block pair: old and new face each other; an absent side is a gap. (Called, not a component.) */
function renderPair(b: BlockRow, layout: Layout, key: number) {
  const modified = b.status === "modified";
  // Explicit inline: one word-interleaved cell. Auto below a tablet's width stacks old over new (CSS).
  const showInline = layout === "inline" && modified;
  const showSides = !showInline;
  return (
    <div key={key} className="cmp-pair" data-s={b.status} data-kind={b.kind === "paragraph" ? undefined : b.kind} data-both={b.left && b.right ? "true" : undefined}>
      {showSides && (
        <>
          {b.left ? (
            <p className="cmp-cell cmp-old">
              {renderRuns(b.left)}
            </p>
          ) : (
            <div className="cmp-cell cmp-gap" aria-hidden="true" />
          )}
          {b.right ? (
            <p className="cmp-cell cmp-new">
              {renderRuns(b.right)}
            </p>
          ) : (
            <div className="cmp-cell cmp-gap" aria-hidden="true" />
          )}
        </>
      )}
      {showInline && (
        <p className="cmp-cell cmp-inline">
          {renderRuns(b.inline)}
        </p>
      )}
    </div>
  );
}

function Notes({ row, m }: { row: SectionRow; m: CompareMessages }) {
  const notes: React.ReactNode[] = [];
  if (row.oldNumber !== row.newNumber && row.oldNumber && row.newNumber)
    notes.push(<span key="num">{fill(m.renumbered, { from: row.oldNumber, to: row.newNumber })}</span>);
  if (row.oldTitle !== null && row.newTitle !== null && row.oldTitle !== row.newTitle)
    notes.push(<span key="title">{fill(m.renamed, { from: row.oldTitle, to: row.newTitle })}</span>);
  if (row.movedFrom)
    notes.push(
      <span key="from">
        {m.movedFrom} <a href={`#${row.movedFrom.key}`}>{row.movedFrom.label}</a>
      </span>,
    );
  for (const away of row.movedAway)
    notes.push(
      <span key={`away-${away.key}`}>
        {m.movedAway} <a href={`#${away.key}`}>{away.label}</a>
      </span>,
    );
  if (row.related.length)
    notes.push(
      <span key="rel">
        {m.related}{" "}
        {row.related.map((r, i) => (
          <span key={r.key}>
            {i > 0 && "、"}
            <a href={`#${r.key}`}>{r.label}</a>
          </span>
        ))}
      </span>,
    );
  return notes.length ? <span className="cmp-note">{notes}</span> : null;
}

export function SectionRowView({ row, layout, fold, m }: { row: SectionRow; layout: Layout; fold: boolean; m: CompareMessages }) {
  const pairs = [row.heading, ...row.blocks].filter((b): b is BlockRow => b !== null);
  const gapSide = row.status === "added" ? "old" : row.status === "removed" ? "new" : null;
  let body: React.ReactNode;
  if (gapSide) {
    // A whole section on one side: one labelled gap facing it.
    const cells = (
      <div className="cmp-stack">
        {pairs.map((b, i) => {
          const runs = gapSide === "old" ? b.right : b.left;
          return runs ? (
            <p key={i} className={`cmp-cell ${gapSide === "old" ? "cmp-new" : "cmp-old"}`} data-kind={b.kind}>
              {renderRuns(runs)}
            </p>
          ) : null;
        })}
      </div>
    );
    const gap = <div className="cmp-cell cmp-gap cmp-gap-label">{gapSide === "old" ? m.gapAdded : m.gapRemoved}</div>;
    body = (
      <div className="cmp-sectiongap" data-s={row.status}>
        {gapSide === "old" ? gap : cells}
        {gapSide === "old" ? cells : gap}
      </div>
    );
  } else {
    body = pairs.map((b, i) => renderPair(b, layout, i));
  }
  const label = row.key === "preamble" ? m.preamble : null;
  return (
    <section id={row.key} className="cmp-row" data-s={row.status} data-changed={row.changed} data-depth={Math.min(row.depth, 4)}>
      <div className="cmp-row-head">
        <span className="cmp-badge" data-s={row.status}>
          {m.status[row.status]}
          {label && ` · ${label}`}
        </span>
        <Notes row={row} m={m} />
        <button type="button" className="cmp-icon-btn cmp-row-tools" data-copy={row.key} aria-label={`${m.copySection}: ${row.newLabel ?? row.oldLabel ?? label ?? row.key}`}>
          {m.copyLink}
        </button>
      </div>
      {fold ? (
        <details className="cmp-fold">
          <summary>
            <span>{row.oldLabel ?? label}</span>
            <span>
              {row.newLabel ?? label} · <span className="cmp-fold-hint">{row.changed ? m.foldedChanged : m.folded}</span>
            </span>
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
    </section>
  );
}
