import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * What a rejected request may still change, and why:
 * - login_attempts: a refused sign-in is counted, which is what stops password guessing;
 * - sessions.last_seen_at / expires_at: any signed-in request, a refused one too, may slide the
 *   session's expiry forward (sessions.ts touches it at most every few minutes).
 * Everything else, in every table of the schema, must stay as it was.
 */
const SKIPPED_TABLES = new Set(['login_attempts', '__drizzle_migrations']);
const SKIPPED_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at', 'expires_at'] };

const statements = new WeakMap<Db, Promise<string>>();

async function fingerprintStatement(db: Db): Promise<string> {
  const result = await db.execute(sql`
    select c.table_name as t, string_agg(c.column_name, ',' order by c.ordinal_position) as cols
    from information_schema.columns c
    join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
    where c.table_schema = 'public' and tb.table_type = 'BASE TABLE'
    group by c.table_name order by c.table_name`);
  const rows = (result as unknown as { rows: { t: string; cols: string }[] }).rows;
  const parts = rows
    .filter((r) => !SKIPPED_TABLES.has(r.t))
    .map((r) => {
      const cols = r.cols.split(',').filter((c) => !SKIPPED_COLUMNS[r.t]?.includes(c));
      const row = `row(${cols.map((c) => `x."${c}"`).join(', ')})::text`;
      return `select '${r.t}' as t, count(*)::int as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from "${r.t}" x`;
    });
  return parts.join(' union all ');
}

/**
 * A content fingerprint of the whole database (every table the schema has, found in
 * information_schema, so a new table is covered without anyone remembering to add it).
 * Returns table → "rows:md5" to name what changed.
 */
export async function wholeDatabaseFingerprint(db: Db): Promise<Record<string, string>> {
  let statement = statements.get(db);
  if (!statement) {
    statement = fingerprintStatement(db);
    statements.set(db, statement);
  }
  const result = await db.execute(sql.raw(await statement));
  const rows = (result as unknown as { rows: { t: string; n: number; h: string }[] }).rows;
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
