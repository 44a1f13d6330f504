import Link from "next/link";
import { format } from "@/lib/i18n/format";
import type { ComparePage } from "@/lib/view/parts";
import { reviveHtml } from "@/lib/view/safe-html";
import { sectionCounts, summaryShare } from "@/lib/view/summary-text";
import type { Layout, ViewOptions } from "@/lib/view/types";
import { IGNORE_OPTIONS } from "@/lib/compare/options";
import { compareHref, LAYOUTS, toggleIgnore, type VersionAddress } from "@/lib/view/url";
import { ChangeDigestPanel } from "./ChangeDigest";
import { CompareNav } from "./CompareNav";
import { ExportMenu } from "./ExportMenu";
import { HtmlBlock } from "./HtmlBlock";
import type { CompareMessages, InsightMessages } from "./messages";
import { Outline } from "./Outline";
import { VersionPicker } from "./VersionPicker";
import "./compare.css";

export interface SideInfo extends VersionAddress {
  policyName: string;
  /** ISO date or null. */
  publishedAt: string | null;
  label: string | null;
  /** The version's own page. */
  href: string;
}

export interface CompareScreenProps {
  /** One part of the comparison (lib/view/parts.ts); null when it could not be made (see tooLarge). */
  page: ComparePage | null;
  /** Why there is no comparison to show: it exceeds the server's budgets. */
  tooLarge?: string | null;
  options: ViewOptions;
  from: SideInfo;
  to: SideInfo;
  m: CompareMessages;
  mi: InsightMessages;
}

/** The rows' container: the skip link's target. */
const ROWS_ID = "rows";

/** A version as shown: its key, which is its published date ("2022-06-29", "2022-06-29-2"), or "undated". */
function versionDate(v: { key: string }, m: CompareMessages): string {
  return v.key.replace(/^undated/, m.undated);
}

/** The URL of part `part` (0-based) of this view. */
function partHref(from: VersionAddress, to: VersionAddress, options: ViewOptions, part: number): string {
  const base = compareHref(from, to, options);
  return part > 0 ? `${base}${base.includes("?") ? "&" : "?"}part=${part + 1}` : base;
}

function Side({
  side,
  which,
  role,
  other,
  options,
  m,
}: {
  side: SideInfo;
  which: "from" | "to";
  role: string;
  other: VersionAddress;
  options: ViewOptions;
  m: CompareMessages;
}) {
  return (
    <div className="cmp-side" data-testid={`side-${which}`}>
      <div className="cmp-side-label">{role}</div>
      <div className="cmp-side-name">
        <Link href={side.href}>{side.policyName}</Link> ·{" "}
        <time dateTime={side.publishedAt ?? undefined}>{versionDate(side, m)}</time>
      </div>
      {side.label && side.label !== side.publishedAt && <div className="cmp-side-note">{side.label}</div>}
      <VersionPicker
        label={`${m.switchVersion}: ${role}`}
        which={which}
        current={{ slug: side.slug, key: side.key }}
        other={other}
        options={options}
        labels={{
          pick: m.switchVersion,
          search: m.pickSearch,
          noMatch: m.pickNoMatch,
          loading: m.pickLoading,
          failed: m.pickFailed,
          cancel: m.pickCancel,
          undated: m.undated,
        }}
      />
    </div>
  );
}

/** Where this part sits among the parts of a long comparison, and the way to the others. */
function Parts({
  page,
  from,
  to,
  options,
  m,
}: {
  page: ComparePage;
  from: SideInfo;
  to: SideInfo;
  options: ViewOptions;
  m: CompareMessages;
}) {
  const n = page.parts.length;
  if (n < 2) return null;
  const at = page.part;
  return (
    <nav className="cmp-parts" aria-label={m.parts} data-testid="parts">
      <span>
        {m.partsHint} {format(m.partOf, { i: at + 1, n })}
      </span>
      {at > 0 ? (
        <Link prefetch={false} href={partHref(from, to, options, at - 1)} rel="prev">
          ← {m.previousPart}
        </Link>
      ) : null}
      {at < n - 1 ? (
        <Link prefetch={false} href={partHref(from, to, options, at + 1)} rel="next">
          {m.nextPart} →
        </Link>
      ) : null}
      <ol>
        {page.parts.map((p, i) => (
          <li key={i}>
            <Link
              prefetch={false}
              href={partHref(from, to, options, i)}
              aria-current={i === at ? "page" : undefined}
              title={p.label}
            >
              {i + 1}
              {p.changed ? ` (${p.changed})` : ""}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The whole compare screen, from a prepared part of the view. Fetches nothing. */
export function CompareScreen({ page, tooLarge, options, from, to, m, mi }: CompareScreenProps) {
  return (
    <div className="cmp" data-testid="compare">
      {/* Past the pickers, the options and the outline, straight to the changes. */}
      {page ? (
        <a className="skip-link" href={`#${ROWS_ID}`}>
          {m.skipToRows}
        </a>
      ) : null}
      <header className="cmp-header">
        <h1 className="cmp-title">
          {m.pageTitle}: {from.policyName} {versionDate(from, m)} → {to.slug === from.slug ? "" : `${to.policyName} `}
          {versionDate(to, m)}
        </h1>
        <div className="cmp-sides">
          <Side side={from} which="from" role={m.base} other={to} options={options} m={m} />
          <Link className="cmp-swap" href={compareHref(to, from, options)} scroll={false} prefetch={false}>
            ⇄ {m.swap}
          </Link>
          <Side side={to} which="to" role={m.compared} other={from} options={options} m={m} />
        </div>
        {page ? <Summary page={page} m={m} mi={mi} /> : null}
      </header>
      {page ? (
        <Comparison page={page} options={options} from={from} to={to} m={m} mi={mi} />
      ) : (
        <section className="cmp-banner" role="alert" data-testid="too-large">
          <h2>{m.tooLargeTitle}</h2>
          <p>{m.tooLargeBody}</p>
          {tooLarge ? <p className="cmp-kbd">{tooLarge}</p> : null}
          <p>
            <Link href={from.href}>
              {from.policyName} {versionDate(from, m)}
            </Link>{" "}
            ·{" "}
            <Link href={to.href}>
              {to.policyName} {versionDate(to, m)}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

function Summary({ page, m, mi }: { page: ComparePage; m: CompareMessages; mi: InsightMessages }) {
  const s = page.summary;
  const counts = sectionCounts(s);
  return (
    <>
      <ul className="cmp-summary" aria-label={m.summaryTitle} data-testid="summary">
        {counts
          .filter(([k, n]) => n > 0 || k === "added" || k === "removed" || k === "modified" || k === "moved")
          .map(([k, n]) => (
            <li key={k} data-count={k}>
              {m.status[k]} <b>{n}</b>
            </li>
          ))}
        <li data-count="changedRatio" data-value={s.changedRatio}>
          {format(m.summary.changedShare, { n: summaryShare(s) })}
        </li>
        <li>{format(m.sectionsChanged, { n: s.changedRows, total: s.totalRows })}</li>
      </ul>
      {page.coarseRows ? (
        <p className="cmp-banner" data-testid="coarse-banner">
          {format(m.coarseBanner, { n: page.coarseRows })}
        </p>
      ) : null}
      {/* Here rather than in the toolbar, which then fits on one line on a laptop. */}
      {page.digest && <ChangeDigestPanel digest={page.digest} m={mi} />}
      <p className="cmp-kbd">{m.shortcuts}</p>
    </>
  );
}

function Comparison({
  page,
  options,
  from,
  to,
  m,
  mi,
}: {
  page: ComparePage;
  options: ViewOptions;
  from: SideInfo;
  to: SideInfo;
  m: CompareMessages;
  mi: InsightMessages;
}) {
  const rowsHtml = reviveHtml(page.rowsHtml);
  const substantiveOnly = options.changes === "substantive";
  const topicsHere = page.topics;
  const layoutName: Record<Layout, string> = { auto: m.layoutAuto, split: m.layoutSplit, inline: m.layoutInline };
  const ignoreName = { whitespace: m.ignoreWhitespace, width: m.ignoreWidth, numbering: m.ignoreNumbering };
  return (
    <>
      {/* No prefetch on the option links (nor on swap and parts): each prefetch would ask the server
          for another comparison or rendering that nobody chose yet. */}
      <div className="cmp-toolbar" role="toolbar" aria-label={m.options}>
        <div className="cmp-group">
          {IGNORE_OPTIONS.map((opt) => {
            const on = options.ignore.includes(opt);
            return (
              <Link
                key={opt}
                className="cmp-chip"
                role="checkbox"
                aria-checked={on}
                href={compareHref(from, to, toggleIgnore(options, opt))}
                scroll={false}
                prefetch={false}
              >
                <span className="cmp-box" aria-hidden="true" />
                {ignoreName[opt]}
              </Link>
            );
          })}
          <Link
            className="cmp-chip"
            role="checkbox"
            aria-checked={options.changesOnly}
            href={compareHref(from, to, { ...options, changesOnly: !options.changesOnly })}
            scroll={false}
            prefetch={false}
          >
            <span className="cmp-box" aria-hidden="true" />
            {m.changesOnly}
          </Link>
          <Link
            className="cmp-chip"
            role="checkbox"
            aria-checked={substantiveOnly}
            href={compareHref(from, to, { ...options, changes: substantiveOnly ? "all" : "substantive" })}
            scroll={false}
            prefetch={false}
          >
            <span className="cmp-box" aria-hidden="true" />
            {mi.changesFilter}
          </Link>
        </div>
        {topicsHere.length > 0 && (
          <details className="cmp-topics" data-testid="topic-filter">
            <summary>
              {mi.topicFilter}
              {options.topic ? `: ${mi.topics[options.topic]}` : ""}
            </summary>
            <ul>
              <li>
                <Link
                  href={compareHref(from, to, { ...options, topic: null })}
                  aria-current={options.topic ? undefined : "true"}
                  scroll={false}
                  prefetch={false}
                >
                  {mi.allTopics}
                </Link>
              </li>
              {topicsHere.map((id) => (
                <li key={id}>
                  <Link
                    href={compareHref(from, to, { ...options, topic: id })}
                    aria-current={options.topic === id ? "true" : undefined}
                    scroll={false}
                    prefetch={false}
                  >
                    {mi.topics[id]}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="cmp-group" role="group" aria-label={m.layout}>
          <span className="cmp-group-label">{m.layout}</span>
          {LAYOUTS.map((l) => (
            <Link
              key={l}
              className="cmp-chip"
              aria-current={options.layout === l ? "true" : undefined}
              href={compareHref(from, to, { ...options, layout: l })}
              scroll={false}
              prefetch={false}
            >
              {layoutName[l]}
            </Link>
          ))}
        </div>
        <div className="cmp-legend" aria-label={m.legend}>
          <del>{m.legendDeleted}</del>
          <ins>{m.legendInserted}</ins>
        </div>
        <ExportMenu from={from} to={to} options={options} m={m.export} />
        <CompareNav
          changeKeys={page.changeKeys}
          labels={{
            prev: m.prev,
            next: m.next,
            position: m.position,
            copyLink: m.copyLink,
            copied: m.copied,
            expandAll: m.expandAll,
            outline: m.outline,
            outlineClose: m.outlineClose,
          }}
        />
      </div>

      <Parts page={page} from={from} to={to} options={options} m={m} />
      {/* The rows come before the outline in the document (so in Tab order), though the outline is
          drawn to their left (compare.css). */}
      <div className="cmp-body">
        <div className="cmp-rows" id={ROWS_ID} tabIndex={-1} data-layout={options.layout} data-testid="rows">
          <div className="cmp-cols" aria-hidden="true">
            <span>
              {m.base}: {from.policyName} {versionDate(from, m)}
            </span>
            <span>
              {m.compared}: {to.policyName} {versionDate(to, m)}
            </span>
          </div>
          {!rowsHtml.isEmpty() ? (
            // Rendered in a worker thread, once per model, part, layout, filter and language
            // (lib/view/parts.ts, lib/view/html.ts); every text in it is escaped.
            <HtmlBlock as="div" className="cmp-rowlist" html={rowsHtml} />
          ) : (
            <p className="cmp-empty">{m.noRows}</p>
          )}
        </div>
        <Outline html={reviveHtml(page.outlineHtml)} m={m} />
      </div>
      <Parts page={page} from={from} to={to} options={options} m={m} />
    </>
  );
}
