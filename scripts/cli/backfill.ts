/** `npm run -s policy -- backfill --policy SLUG [--template URL] [--json]`: see ./watch.ts. */
import { runBackfill } from "./watch.ts";

export function run(args: string[]): Promise<number> {
  return runBackfill(args);
}
