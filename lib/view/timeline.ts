/**
 * The timeline chart's geometry as a prepared view model (docs/decisions/0019-history.md): versions
 * on a time axis, a bar per step whose height is the share of text changed, listed-but-missing dates
 * as gaps. Pure; the policy page renders it as SVG on the server.
 */

export interface TimelineInput {
  versions: { key: string; publishedAt: string | null; fromPrevious: { changedRatio: number } | null }[];
  missing: string[];
}

export interface TimelineChart {
  width: number;
  height: number;
  /** The axis line's y and x range. */
  axisY: number;
  left: number;
  right: number;
  points: { key: string; x: number }[];
  /** One per version after the first: the bar of the step into `to`. */
  bars: { from: string; to: string; x: number; y: number; width: number; height: number; ratio: number }[];
  gaps: { date: string; x: number }[];
  ticks: { year: number; x: number }[];
}

export const TIMELINE_CHART = {
  width: 720,
  height: 180,
  /** Margins inside the view box. */
  left: 28,
  right: 28,
  top: 16,
  /** Room below the axis for the year labels. */
  bottom: 28,
  /** Versions closer than this on the axis are pushed apart, so every step stays clickable. */
  minGap: 14,
  barWidth: 10,
  /** The tallest bar stands for at least this share changed (small changes stay small). */
  minScale: 0.1,
} as const;

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** Undated versions (sorted last) sit after the last dated one, a step apart. */
export function timelineChart(input: TimelineInput, c = TIMELINE_CHART): TimelineChart {
  const dated = [
    ...input.versions.flatMap((v) => (v.publishedAt ? [time(v.publishedAt)] : [])),
    ...input.missing.map(time),
  ];
  const min = dated.length ? Math.min(...dated) : 0;
  const max = dated.length ? Math.max(...dated) : 0;
  const span = Math.max(max - min, DAY);
  const innerLeft = c.left;
  const innerRight = c.width - c.right;
  const scale = (t: number) => innerLeft + ((t - min) / span) * (innerRight - innerLeft);

  // Raw x by date, pushed apart left to right, then back inside the axis right to left.
  const raw = input.versions.map((v, i) => (v.publishedAt ? scale(time(v.publishedAt)) : innerRight + i));
  const xs: number[] = [];
  for (const [i, x] of raw.entries()) xs.push(i === 0 ? x : Math.max(x, xs[i - 1]! + c.minGap));
  for (let i = xs.length - 1; i >= 0; i--)
    xs[i] = Math.min(xs[i]!, i === xs.length - 1 ? innerRight : xs[i + 1]! - c.minGap);
  const axisY = c.height - c.bottom;
  const top = c.top;
  const ratios = input.versions.map((v) => v.fromPrevious?.changedRatio ?? 0);
  const ceiling = Math.max(c.minScale, ...ratios);
  const bars = input.versions.slice(1).map((v, i) => {
    const ratio = v.fromPrevious?.changedRatio ?? 0;
    const height = Math.max(2, (ratio / ceiling) * (axisY - top));
    const gap = xs[i + 1]! - xs[i]!;
    const width = Math.max(4, Math.min(c.barWidth, gap - 2));
    return {
      from: input.versions[i]!.key,
      to: v.key,
      x: xs[i + 1]! - width / 2,
      y: axisY - height,
      width,
      height,
      ratio,
    };
  });
  const ticks: TimelineChart["ticks"] = [];
  if (dated.length) {
    for (let year = new Date(min).getUTCFullYear() + 1; year <= new Date(max).getUTCFullYear(); year++) {
      ticks.push({ year, x: scale(Date.UTC(year, 0, 1)) });
    }
  }
  return {
    width: c.width,
    height: c.height,
    axisY,
    left: innerLeft,
    right: innerRight,
    points: input.versions.map((v, i) => ({ key: v.key, x: xs[i]! })),
    bars,
    gaps: input.missing.map((date) => ({ date, x: scale(time(date)) })),
    ticks,
  };
}
