/**
 * Measures of a version's text, computed once when the text is stored (import, seed) and kept in the
 * Version row (textLength, sectionCount), so that lists of versions never read texts: the cost of a
 * list follows the number of versions, not the amount of text stored (docs/decisions/0014).
 */
import { retryWhileBusy, type Db } from "../db.ts";
import { parseDocument, type DocumentTree, type SectionNode } from "../parse/index.ts";

export interface TextMeasures {
  /** Characters, as Unicode code points (what SQLite's LENGTH() counts, so the migration's backfill agrees). */
  textLength: number;
  /** Sections at every level: the number of entries in the document's outline. */
  sectionCount: number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The number of code points in a text (a surrogate pair is one character). */
export function countCharacters(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

function countSections(nodes: readonly SectionNode[]): number {
  let n = nodes.length;
  for (const node of nodes) n += countSections(node.children);
  return n;
}

/** Parses the text once (synchronously: call it outside database transactions). */
export function measureText(text: string): TextMeasures {
  return measureTree(text, parseDocument(text));
}

/** The measures of a text already parsed. */
export function measureTree(text: string, tree: DocumentTree): TextMeasures {
  return { textLength: countCharacters(text), sectionCount: countSections(tree.sections) };
}

/**
 * Measures the stored versions that have no section count yet (rows older than the column), in
 * batches, each written in its own short statement. Idempotent; run by `npm run db:migrate`.
 * Returns how many versions were measured.
 */
export async function backfillMeasures(
  client: Db,
  options: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 50;
  const pending = await client.version.count({ where: { sectionCount: null } });
  if (pending === 0) return 0;
  options.log?.(`measuring ${pending} stored version texts (length, sections) ...`);
  let done = 0;
  for (;;) {
    const rows = await client.version.findMany({
      where: { sectionCount: null },
      select: { id: true, originalText: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const m = measureText(row.originalText);
      await retryWhileBusy(() =>
        client.version.update({ where: { id: row.id }, data: { textLength: m.textLength, sectionCount: m.sectionCount } }),
      );
    }
    done += rows.length;
  }
  return done;
}
