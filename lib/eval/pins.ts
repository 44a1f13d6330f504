/**
 * Pinned figures: a fast subset of the evaluation whose figures may only go up. `pins.json` holds the
 * figures measured when it was last written (`npm run eval -- --update-pins`); `pinned.test.ts` runs
 * the subset and fails when a figure drops below its pin. Raise the pins when the engine improves.
 *
 * Only figures where higher is better are pinned (F1, accuracies, recovered share), rounded down to
 * three decimals. A gold series whose gold file is absent from the project is skipped, not failed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emptyTotals } from "./gold-run.ts";
import { addAccuracy, addCounts } from "./metrics.ts";
import { runEval } from "./run.ts";
import { goldFigures, type GoldFigures } from "./summary.ts";

/** The subset: small documents of every source kind, and the gold series that compare quickly. */
export const PIN_SUBSET = {
  documents: [
    "data/samples/seeds/000_ebd95ca57e37e1f5.txt",
    "data/samples/en-bereal-privacy/2026-04-21_e35e091b.txt",
    "lib/eval/corpus/zh-filterbox-privacy/2023-04-05_b1300234.md",
    "lib/eval/corpus/zh-quchongdian-privacy-html/2024-12-12_dd5a6402.html",
    "lib/eval/corpus/en-starlink-privacy/2025-09-23_d0c969dc.md",
    "lib/eval/corpus/zh-law-administrative-reconsideration-law/2017-09-01_9692a67d.md",
  ],
  series: [
    "zh-filterbox-privacy",
    "zh-quchongdian-privacy",
    "zh-quchongdian-privacy-html",
    "zh-law-administrative-reconsideration-law",
    "en-starlink-privacy",
    "en-telegram-privacy",
    "en-match-privacy-html",
  ],
};

export const PINS_FILE = "lib/eval/pins.json";

type Figures = Record<string, number | null>;

export interface Pins {
  $comment?: string;
  /** Series -> its totals over its pairs. */
  gold: Record<string, Figures>;
  /** Transformation -> its totals over the subset's documents. */
  metamorphic: Record<string, Figures>;
}

const PINNED_GOLD: Array<keyof GoldFigures> = ["outlineTop", "outlineSecond", "pairTop", "pairSecond", "status"];

/** The current figures of the subset, in the shape of pins.json. */
export function measurePins(root: string): Pins {
  const report = runEval({ root, series: PIN_SUBSET.series, documents: PIN_SUBSET.documents });
  const gold: Record<string, Figures> = {};
  for (const series of PIN_SUBSET.series) {
    const rows = report.gold!.rows.filter((r) => r.series === series);
    if (rows.length === 0) continue;
    const t = emptyTotals();
    for (const r of rows) {
      addCounts(t.outline.top, r.outline.top);
      addCounts(t.outline.second, r.outline.second);
      addCounts(t.pairs.top, r.score.pairs.top);
      addCounts(t.pairs.second, r.score.pairs.second);
      addAccuracy(t.status, r.score.status);
    }
    const f = goldFigures(t);
    gold[series] = Object.fromEntries(PINNED_GOLD.map((k) => [k, f[k]]));
  }
  const metamorphic: Record<string, Figures> = {};
  for (const g of report.metamorphic!.byTransform) {
    const f = g.figures;
    metamorphic[g.name] = { outlineRecovered: f.outlineRecovered, pairF1: f.pairF1, status: f.status };
  }
  return { gold, metamorphic };
}

const floor3 = (x: number | null) => (x === null ? null : Math.floor(x * 1000 + 1e-6) / 1000);

export function writePins(root: string, pins: Pins): void {
  const floored = (section: Record<string, Figures>) =>
    Object.fromEntries(
      Object.entries(section).map(([k, f]) => [
        k,
        Object.fromEntries(Object.entries(f).map(([m, v]) => [m, floor3(v)])),
      ]),
    );
  const out: Pins = {
    $comment:
      "Pinned evaluation figures (lib/eval/pins.ts): the fast subset may not drop below these. Raise them with `npm run eval -- --update-pins` when the engine improves.",
    gold: floored(pins.gold),
    metamorphic: floored(pins.metamorphic),
  };
  writeFileSync(join(root, PINS_FILE), JSON.stringify(out, null, 2) + "\n");
}

export function readPins(root: string): Pins {
  return JSON.parse(readFileSync(join(root, PINS_FILE), "utf8")) as Pins;
}

export interface PinCheck {
  /** "gold zh-filterbox-privacy pairTop: 0.812 < pinned 0.850" */
  drops: string[];
  /** Pins that could not be checked (gold file absent, figure not measured). */
  skipped: string[];
}

/** Compares measured figures with the pins: every pinned figure must be at least its pin. */
export function checkPins(pins: Pins, measured: Pins): PinCheck {
  const drops: string[] = [];
  const skipped: string[] = [];
  for (const section of ["gold", "metamorphic"] as const) {
    for (const [name, figures] of Object.entries(pins[section])) {
      const got = measured[section][name];
      if (!got) {
        skipped.push(`${section} ${name}: not measured`);
        continue;
      }
      for (const [metric, pinned] of Object.entries(figures)) {
        if (pinned === null) continue;
        const value = got[metric];
        if (value === null || value === undefined)
          drops.push(`${section} ${name} ${metric}: not measured (pinned ${pinned})`);
        else if (value < pinned - 1e-9) drops.push(`${section} ${name} ${metric}: ${value} < pinned ${pinned}`);
      }
    }
  }
  return { drops, skipped };
}
