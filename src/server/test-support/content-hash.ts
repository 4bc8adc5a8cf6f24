import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { publicTables, quoteIdent } from '../db/snapshot.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * A content hash of EVERY table (unlike databaseFingerprint, which covers a few): each row as
 * PostgreSQL's JSON text, on one clock (UTC), sorted here rather than by the database's collation,
 * so that the same content hashes the same on PGlite and on PostgreSQL.
 */
export async function tableHashes(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('set transaction isolation level repeatable read, read only'));
    await tx.execute(sql.raw(`set local time zone 'UTC'`));
    const hashes: Record<string, string> = {};
    for (const { name } of await publicTables(tx)) {
      const rows = rowsOf<{ r: string }>(
        await tx.execute(sql.raw(`select row_to_json(t)::text as r from ${quoteIdent(name)} t`)),
      ).map((r) => r.r);
      rows.sort();
      hashes[name] =
        `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return hashes;
  });
}
