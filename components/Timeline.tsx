/**
 * A policy's timeline (docs/decisions/0019-history.md): an SVG chart rendered on the server (versions
 * on a time axis, a bar per step whose height is the share of text changed, each bar a link to that
 * compare view, listed-but-missing dates as dashed gaps), followed by the same facts as a table, the
 * chart's text alternative. No JavaScript, no style attributes (the CSP forbids them).
 */
import Link from "next/link";
import type { Timeline as TimelineData } from "@/lib/data";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import { timelineChart } from "@/lib/view/timeline";
import { comparePath, versionPath } from "@/lib/view/url";

const percent = (r: number, locale: Locale) =>
  new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { style: "percent", maximumFractionDigits: 1 }).format(r);

export function Timeline({
  slug,
  name,
  data,
  t,
  locale,
}: {
  slug: string;
  name: string;
  data: TimelineData;
  t: Messages;
  locale: Locale;
}) {
  const m = t.timeline;
  const chart = timelineChart(data);
  const date = (key: string) => {
    const v = data.versions.find((x) => x.key === key);
    return v?.publishedAt ? formatDate(v.publishedAt, locale) : key;
  };
  const num = (n: number | null) => (n === null ? "—" : n.toLocaleString(locale === "zh" ? "zh-CN" : "en-US"));
  const compare = (from: string, to: string) => comparePath({ slug, key: from }, { slug, key: to });
  return (
    <section className="space-y-3" aria-labelledby="timeline">
      <h2 id="timeline" className="text-lg font-semibold">
        {m.title}
      </h2>
      <p className="text-sm text-stone-600">{m.intro}</p>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        className="h-auto w-full max-w-3xl"
        // A figure, not an image: its bars are links (an image's content is presentational).
        role="figure"
        aria-labelledby="timeline-chart-title"
        aria-describedby="timeline-table-caption"
        data-testid="timeline-chart"
      >
        <title id="timeline-chart-title">{format(m.chartLabel, { name })}</title>
        <line x1={chart.left} x2={chart.right} y1={chart.axisY} y2={chart.axisY} stroke="#a8a29e" />
        {chart.ticks.map((tick) => (
          <g key={tick.year}>
            <line x1={tick.x} x2={tick.x} y1={chart.axisY} y2={chart.axisY + 5} stroke="#a8a29e" />
            <text x={tick.x} y={chart.axisY + 18} textAnchor="middle" fontSize="11" fill="#78716c">
              {tick.year}
            </text>
          </g>
        ))}
        {chart.gaps.map((gap) => (
          <g key={gap.date} data-testid="timeline-gap">
            <title>{format(m.missingGap, { date: formatDate(gap.date, locale) })}</title>
            <line x1={gap.x} x2={gap.x} y1={chart.axisY - 30} y2={chart.axisY} stroke="#d97706" strokeDasharray="3 3" />
            <circle cx={gap.x} cy={chart.axisY} r="3.5" fill="#fff" stroke="#d97706" strokeDasharray="2 2" />
          </g>
        ))}
        {chart.bars.map((bar) => {
          const step = data.versions.find((v) => v.key === bar.to)?.fromPrevious;
          const label = format(m.step, {
            from: date(bar.from),
            to: date(bar.to),
            ratio: percent(bar.ratio, locale),
            added: step?.added ?? 0,
            removed: step?.removed ?? 0,
            modified: step?.modified ?? 0,
            moved: step?.moved ?? 0,
            renamed: step?.renamed ?? 0,
          });
          return (
            <a key={bar.to} href={compare(bar.from, bar.to)} aria-label={label} data-testid="timeline-step">
              <title>{label}</title>
              <rect
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                rx="1.5"
                className="fill-teal-700 hover:fill-teal-500"
              />
            </a>
          );
        })}
        {chart.points.map((p) => (
          <circle key={p.key} cx={p.x} cy={chart.axisY} r="3.5" className="fill-stone-700">
            <title>{date(p.key)}</title>
          </circle>
        ))}
      </svg>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="timeline-table">
          <caption id="timeline-table-caption" className="py-1 text-left text-stone-500">
            {m.tableCaption}
          </caption>
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-500">
              <th className="py-2 pr-3 font-normal">{m.version}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.chars}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.sections}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.changed}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.added}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.removed}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.modified}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.moved}</th>
              <th className="py-2 pr-3 text-right font-normal">{m.renamed}</th>
              <th className="py-2 pr-3 font-normal">{m.compare}</th>
            </tr>
          </thead>
          <tbody>
            {[
              ...data.versions.map((v, i) => ({
                kind: "version" as const,
                date: v.publishedAt ?? "",
                v,
                prev: data.versions[i - 1],
              })),
              ...data.missing.map((d) => ({ kind: "missing" as const, date: d })),
            ]
              .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
              .map((row) =>
                row.kind === "missing" ? (
                  <tr key={`missing-${row.date}`} className="border-b border-stone-100 text-stone-400">
                    <td className="py-1.5 pr-3">
                      {formatDate(row.date, locale)} ({m.missing})
                    </td>
                    <td colSpan={9} />
                  </tr>
                ) : (
                  <tr key={row.v.key} className="border-b border-stone-100">
                    <td className="py-1.5 pr-3">
                      <Link href={versionPath(slug, row.v.key)}>{date(row.v.key)}</Link>
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{num(row.v.chars)}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{num(row.v.sections)}</td>
                    {row.v.fromPrevious && row.prev ? (
                      <>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {percent(row.v.fromPrevious.changedRatio, locale)}
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{row.v.fromPrevious.added}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{row.v.fromPrevious.removed}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{row.v.fromPrevious.modified}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{row.v.fromPrevious.moved}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{row.v.fromPrevious.renamed}</td>
                        <td className="py-1.5 pr-3">
                          <Link href={compare(row.prev.key, row.v.key)}>{m.openCompare}</Link>
                        </td>
                      </>
                    ) : (
                      <td colSpan={7} className="py-1.5 pr-3 text-stone-500">
                        {m.first}
                      </td>
                    )}
                  </tr>
                ),
              )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
