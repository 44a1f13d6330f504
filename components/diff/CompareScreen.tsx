import Link from "next/link";
import { format } from "@/lib/i18n/format";
import type { CompareView, Layout, ViewOptions } from "@/lib/view/types";
import { IGNORE_OPTIONS } from "@/lib/compare/options";
import { compareHref, LAYOUTS, policyPath, toggleIgnore, type VersionAddress } from "@/lib/view/url";
import { memoRowsHtml } from "@/lib/view/html";
import { TOPIC_IDS } from "@/lib/insight";
import { ChangeDigestPanel } from "./ChangeDigest";
import { CompareNav } from "./CompareNav";
import { ExportMenu } from "./ExportMenu";
import { HtmlBlock } from "./HtmlBlock";
import type { CompareMessages, InsightMessages } from "./messages";
import { Outline } from "./Outline";
import { VersionSwitch, type VersionChoiceGroup } from "./VersionSwitch";
import "./compare.css";

export interface SideInfo extends VersionAddress {
  policyName: string;
  /** ISO date or null. */
  publishedAt: string | null;
  label: string | null;
  /** The version's own page. */
  href: string;
}

/** A policy and its versions, for the in-place version switches. */
export interface ChoicePolicy {
  slug: string;
  name: string;
  versions: { key: string; publishedAt: string | null; label: string | null }[];
}

export interface CompareScreenProps {
  view: CompareView;
  options: ViewOptions;
  from: SideInfo;
  to: SideInfo;
  choices: ChoicePolicy[];
  summaryLine: string;
  m: CompareMessages;
  mi: InsightMessages;
}

/** A version as shown: its key, which is its published date ("2022-06-29", "2022-06-29-2"), or "undated". */
function versionDate(v: { key: string }, m: CompareMessages): string {
  return v.key.replace(/^undated/, m.undated);
}

/** The date, with the version's label when it says more (for the version switches). */
function versionName(v: { key: string; publishedAt: string | null; label: string | null }, m: CompareMessages): string {
  const date = versionDate(v, m);
  return v.label && v.label !== date ? `${date} · ${v.label}` : date;
}

function groups(
  choices: ChoicePolicy[],
  hrefFor: (a: VersionAddress) => string,
  m: CompareMessages,
): VersionChoiceGroup[] {
  return choices.map((p) => ({
    label: p.name,
    options: p.versions.map((v) => ({ label: versionName(v, m), href: hrefFor({ slug: p.slug, key: v.key }) })),
  }));
}

function Side({
  side,
  which,
  role,
  value,
  choiceGroups,
  m,
}: {
  side: SideInfo;
  which: "from" | "to";
  role: string;
  value: string;
  choiceGroups: VersionChoiceGroup[];
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
      <VersionSwitch label={`${m.switchVersion}: ${role}`} value={value} groups={choiceGroups} />
    </div>
  );
}

/** The whole compare screen, from prepared view models. Fetches nothing. */
export function CompareScreen({ view, options, from, to, choices, summaryLine, m, mi }: CompareScreenProps) {
  const here = compareHref(from, to, options);
  // Each row links to its section's history when both versions belong to one policy (ADR 0019).
  const history =
    from.slug === to.slug ? { base: `${policyPath(from.slug)}/history`, oldAt: from.key, newAt: to.key } : null;
  const rowsHtml = memoRowsHtml(view, options.layout, options, m, mi.topics, history);
  const substantiveOnly = options.changes === "substantive";
  const topicsHere = TOPIC_IDS.filter((id) => view.rows.some((r) => r.topics.includes(id)));
  const s = view.summary;
  const layoutName: Record<Layout, string> = { auto: m.layoutAuto, split: m.layoutSplit, inline: m.layoutInline };
  const ignoreName = { whitespace: m.ignoreWhitespace, width: m.ignoreWidth, numbering: m.ignoreNumbering };
  const counts: [keyof typeof m.status, number][] = [
    ["added", s.added],
    ["removed", s.removed],
    ["modified", s.modified],
    ["moved", s.moved],
    ["renamed", s.renamed],
    ["renumbered", s.renumbered],
    ["split", s.split],
    ["merged", s.merged],
  ];
  return (
    <div className="cmp" data-testid="compare">
      <header className="cmp-header">
        <h1 className="cmp-title">
          {m.pageTitle}: {from.policyName} {versionDate(from, m)} → {to.slug === from.slug ? "" : `${to.policyName} `}
          {versionDate(to, m)}
        </h1>
        <div className="cmp-sides">
          <Side
            side={from}
            which="from"
            role={m.base}
            value={here}
            choiceGroups={groups(choices, (a) => compareHref(a, to, options), m)}
            m={m}
          />
          <Link className="cmp-swap" href={compareHref(to, from, options)} scroll={false}>
            ⇄ {m.swap}
          </Link>
          <Side
            side={to}
            which="to"
            role={m.compared}
            value={here}
            choiceGroups={groups(choices, (a) => compareHref(from, a, options), m)}
            m={m}
          />
        </div>
        <ul className="cmp-summary" aria-label={m.summaryTitle} data-testid="summary">
          {counts
            .filter(([k, n]) => n > 0 || k === "added" || k === "removed" || k === "modified" || k === "moved")
            .map(([k, n]) => (
              <li key={k} data-count={k}>
                {m.status[k]} <b>{n}</b>
              </li>
            ))}
          <li data-count="changedRatio" data-value={s.changedRatio}>
            {summaryLine.split(/[；;]\s*/).pop()}
          </li>
          <li>{format(m.sectionsChanged, { n: s.changedRows, total: s.totalRows })}</li>
        </ul>
        {/* Here rather than in the toolbar, which then fits on one line on a laptop. */}
        {view.digest && <ChangeDigestPanel digest={view.digest} m={mi} />}
        <p className="cmp-kbd">{m.shortcuts}</p>
      </header>

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
          changeKeys={view.changeKeys}
          labels={{
            prev: m.prev,
            next: m.next,
            position: m.position,
            copyLink: m.copyLink,
            copied: m.copied,
            expandAll: m.expandAll,
          }}
        />
      </div>

      <div className="cmp-body">
        <Outline view={view} filter={options} m={m} />
        <div className="cmp-rows" data-layout={options.layout} data-testid="rows">
          <div className="cmp-cols" aria-hidden="true">
            <span>
              {m.base}: {from.policyName} {versionDate(from, m)}
            </span>
            <span>
              {m.compared}: {to.policyName} {versionDate(to, m)}
            </span>
          </div>
          {!rowsHtml.isEmpty() ? (
            // Rendered once per model, layout and language (lib/view/html.ts); every text in it is escaped.
            <HtmlBlock as="div" className="cmp-rowlist" html={rowsHtml} />
          ) : (
            <p className="cmp-empty">{m.noRows}</p>
          )}
        </div>
      </div>
    </div>
  );
}
