/**
 * Raw SQL on both databases (docs/decisions/0017-postgresql.md). Statements are written once with `?`
 * placeholders and double-quoted names, which both SQLite and PostgreSQL read; `sqlOn` numbers the
 * placeholders ($1, $2, ...) for PostgreSQL. Where the two differ in more than that (the search index's
 * matching, dates, LIMIT without a limit), the caller asks `provider` and writes both.
 *
 * Not marked server-only: scripts (migrate, seed, bench) use it.
 */
import { providerOfClient, type Db, type Tx } from "../db.ts";
import type { Provider } from "../migrate/providers.ts";

/** What raw SQL needs: a Prisma client or transaction is one (and so is bench-search's SQLite adapter). */
export interface SqlRunner {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

export interface PortableSql extends SqlRunner {
  readonly provider: Provider;
}

/** `?` -> `$1`, `$2`, ... (the statements here have no `?` inside literals). */
export function numberPlaceholders(query: string): string {
  let n = 0;
  return query.replace(/\?/g, () => `$${++n}`);
}

/** The runner, speaking the dialect of the database it is connected to. */
export function sqlOn(runner: SqlRunner): PortableSql {
  const provider = providerOfClient(runner as Db | Tx);
  if (provider === "sqlite")
    return {
      provider,
      $executeRawUnsafe: (query, ...values) => runner.$executeRawUnsafe(query, ...values),
      $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => runner.$queryRawUnsafe<T>(query, ...values),
    };
  return {
    provider,
    $executeRawUnsafe: (query, ...values) => runner.$executeRawUnsafe(numberPlaceholders(query), ...values),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => runner.$queryRawUnsafe<T>(numberPlaceholders(query), ...values),
  };
}

/** A LIKE pattern matching `text` anywhere (backslash escapes %, _ and itself; PostgreSQL's default). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
