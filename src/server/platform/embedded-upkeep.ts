import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { publicTables, quoteIdent } from '../db/snapshot.ts';
import { registerBackgroundTask } from './background.ts';
import { perDatabase } from './batched-lookup.ts';
import type { AppDeps } from './context.ts';

/**
 * The embedded database runs PostgreSQL in one process, without the autovacuum that a server runs
 * beside it: no table would ever be analyzed or vacuumed. Without statistics the planner chose, for the
 * clearance board, an index that read a thousand parcels per building (80 ms instead of 8). So this
 * task does autovacuum's work there: first every table never analyzed (a new or just-seeded database),
 * then one table per run, in turn, so that each pause stays short (the embedded database answers one
 * statement at a time). PostgreSQL servers are left to their own autovacuum.
 */
export const EMBEDDED_UPKEEP_INTERVAL_MS = 20_000;

const turns = perDatabase((_db: Db) => ({ tables: [] as string[], next: 0 }));

export async function upkeepEmbeddedDatabase(deps: Pick<AppDeps, 'db' | 'dbKind'>): Promise<string[]> {
  if (deps.dbKind !== 'pglite') return [];
  const turn = turns(deps.db);
  if (turn.tables.length === 0) {
    turn.tables = (await publicTables(deps.db)).map((t) => t.name);
    // reltuples is -1 until a table is first vacuumed or analyzed.
    const never = (
      (await deps.db.execute(sql`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0 order by 1`)) as {
        rows: { name: string }[];
      }
    ).rows.map((r) => r.name);
    if (never.length > 0) {
      await deps.db.execute(sql.raw(`analyze ${never.map(quoteIdent).join(', ')}`));
      return never;
    }
  }
  const table = turn.tables[turn.next % turn.tables.length]!;
  turn.next++;
  await deps.db.execute(sql.raw(`vacuum (analyze) ${quoteIdent(table)}`));
  return [table];
}

registerBackgroundTask({
  name: 'embedded-upkeep',
  intervalMs: EMBEDDED_UPKEEP_INTERVAL_MS,
  run: upkeepEmbeddedDatabase,
});
