/**
 * `npm run eval`: the engine's accuracy, measured two ways (lib/eval/):
 *   - against hand-checked gold (lib/eval/gold/*.json): outline F1, section-pair F1, status accuracy and
 *     a title-matching baseline per gold pair of documents;
 *   - by the metamorphic suite: every sample, seed and corpus document rewritten under transformations
 *     whose right answer is known by construction.
 *
 * Options:
 *   --json                 the whole report as JSON (cases and their failures included)
 *   --details              after the tables, every failure (gold misses, metamorphic cases)
 *   --gold | --metamorphic only one half
 *   --series a,b           only these gold series
 *   --transforms a,b       only these transformations
 *   --docs s1,s2           only documents whose path contains one of these strings
 *   --update-pins          measure the pinned subset and write lib/eval/pins.json (nothing else)
 */
import { formatReport } from "../lib/eval/report.ts";
import { measurePins, PINS_FILE, writePins } from "../lib/eval/pins.ts";
import { type EvalOptions, runEval } from "../lib/eval/run.ts";

const USAGE =
  "usage: npm run eval -- [--json] [--details] [--gold|--metamorphic] [--series a,b] [--transforms a,b] [--docs s1,s2] [--update-pins]";

function parseArgs(argv: string[]): (EvalOptions & { json: boolean; details: boolean; updatePins: boolean }) | string {
  const options = { root: process.cwd(), json: false, details: false, updatePins: false } as EvalOptions & {
    json: boolean;
    details: boolean;
    updatePins: boolean;
  };
  const list = (i: number) => (argv[i] ?? "").split(",").filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") options.json = true;
    else if (a === "--details") options.details = true;
    else if (a === "--gold") options.metamorphic = false;
    else if (a === "--metamorphic") options.gold = false;
    else if (a === "--series") options.series = list(++i);
    else if (a === "--transforms") options.transforms = list(++i);
    else if (a === "--docs") options.documents = list(++i);
    else if (a === "--update-pins") options.updatePins = true;
    else return `unknown argument ${a}\n${USAGE}`;
  }
  return options;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === "string") {
    console.error(options);
    return 2;
  }
  if (options.updatePins) {
    writePins(options.root, measurePins(options.root));
    console.log(`wrote ${PINS_FILE}`);
    return 0;
  }
  const report = runEval(options);
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report, options.details));
  return 0;
}

// exitCode, not exit(): a large JSON report written to a pipe must drain first.
process.exitCode = main();
