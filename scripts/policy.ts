/**
 * The `policy` command line: `npm run -s policy -- <command> [args]`.
 * Each command lives in its own module under scripts/cli/ and exports `run(args): Promise<number>`
 * (the exit code). Errors meant for the user are `CliError`s and print as one line, never a stack.
 */
import { CliError } from "./cli/errors.ts";

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  outline: () => import("./cli/outline.ts"),
  compare: () => import("./cli/compare.ts"),
  import: () => import("./cli/import.ts"),
  watch: () => import("./cli/watch.ts"),
  backfill: () => import("./cli/backfill.ts"),
  "migrate-data": () => import("./cli/migrate-data.ts"),
};

const usage = `usage: npm run -s policy -- <command> [options]

commands:
  outline FILE [--json]                         the section tree of one document
  compare OLD NEW [--json] [--ignore LIST]      what changed between two documents
                                                LIST: whitespace,width,numbering (default: nothing ignored)
  import --policy SLUG FILE|FOLDER...           add versions to a stored policy
  watch check --policy SLUG [--json]            check the policy's watched source now
  watch log --policy SLUG [--json]              its check log, newest first
  backfill --policy SLUG [--template URL]       fetch the listed versions not stored yet, per-date report
                                                URL: a version-URL template, e.g. https://x/p?hisver={yyyymmdd}
  migrate-data --from URL --to URL              copy the whole store to another database (SQLite <->
                                                PostgreSQL), verified by counts and hashes`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`policy: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

/**
 * Exit once everything written so far has reached its reader. `process.exit()` right after a large
 * write to a pipe drops what is still queued (stdout to a pipe is asynchronous): an empty write's
 * callback runs after the writes queued before it, on each stream.
 */
function exitAfterOutput(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  if (error instanceof CliError) {
    console.error(`policy: ${error.message}`);
    exitAfterOutput(error.exitCode);
    return;
  }
  console.error(`policy: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  exitAfterOutput(70);
});
