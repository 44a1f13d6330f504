/**
 * A history step's summary of one compare model (docs/decisions/0019-history.md): the counts and, per
 * section pair, what a section's history follows. Pure and free of the database, so the worker threads
 * (lib/work/tasks.ts) make it where the model is parsed; lib/data/steps.ts stores it.
 */
import type { SectionPair, SectionStatus } from "../compare/types.ts";
import type { StepLink, StepSummary } from "./steps.ts";

function pairRatio(p: SectionPair): number {
  let changed = 0;
  let total = 0;
  for (const block of [p.heading, ...p.blocks]) {
    if (!block) continue;
    for (const s of block.segments) {
      if (s.op === "equal") total += s.old.length + s.new.length;
      else {
        const n = s.op === "delete" ? s.old.length : s.new.length;
        changed += n;
        total += n;
      }
    }
  }
  return total === 0 ? 0 : Math.round((changed / total) * 1000) / 1000;
}

/**
 * The summary of a compare model: counts and every section pair (all levels) as a link, stamped with
 * `engine` (lib/data/steps.ts STEP_ENGINE). Pure: a worker thread makes it from the model (lib/work).
 */
export function summariseModel(
  model: { stats: { changedRatio: number; sections: Record<SectionStatus, number> }; sections: SectionPair[] },
  engine: string,
): StepSummary {
  const links: StepLink[] = [];
  const walk = (pairs: SectionPair[]) => {
    for (const p of pairs) {
      links.push({
        key: p.key,
        status: p.status,
        oldId: p.old?.id ?? null,
        newId: p.new?.id ?? null,
        oldNumber: p.old?.number ?? null,
        newNumber: p.new?.number ?? null,
        oldTitle: p.old?.title ?? null,
        newTitle: p.new?.title ?? null,
        changedRatio: pairRatio(p),
      });
      walk(p.children);
    }
  };
  walk(model.sections);
  const s = model.stats.sections;
  return {
    engine,
    counts: {
      changedRatio: model.stats.changedRatio,
      added: s.added,
      removed: s.removed,
      modified: s.modified,
      moved: s.moved,
      renamed: s.renamed,
      renumbered: s.renumbered,
      split: s.split,
      merged: s.merged,
    },
    links,
  };
}
