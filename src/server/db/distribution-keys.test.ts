// Growing past one database (docs/scaling.md): every table but a few small global ones spreads across
// nodes by community_id (Citus), which needs every primary key and unique constraint or index to start
// with community_id. This reads the migrated schema itself, so a new table or key that forgets it fails.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test-support/test-database.ts';
import type { Database } from './client.ts';

/** Global tables, each small and read everywhere: Citus reference tables (or the coordinator's own). */
const REFERENCE_TABLES = ['accounts', 'communities', 'login_attempts', 'platform_settings', 'sessions'];

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

interface KeyRow {
  table: string;
  index: string;
  columns: string | null;
}

describe('the schema spreads by community', () => {
  it('starts every primary key and unique key of a community table with community_id', async () => {
    const result = await database.db.execute(sql`
      select c.relname as "table", i.relname as "index",
        (select string_agg(coalesce(a.attname, '(expression)'), ',' order by k.n)
           from unnest(ix.indkey) with ordinality k(attnum, n)
           left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) as columns
      from pg_index ix
      join pg_class c on c.oid = ix.indrelid
      join pg_class i on i.oid = ix.indexrelid
      join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and (ix.indisprimary or ix.indisunique)
      order by 1, 2`);
    const keys = (result as unknown as { rows: KeyRow[] }).rows;
    const tables = new Set(keys.map((k) => k.table));
    // the test reads real keys: the community tables are there, and so are the reference ones
    expect(tables.size).toBeGreaterThan(40);
    for (const name of REFERENCE_TABLES) expect(tables).toContain(name);
    const offending = keys
      .filter((k) => !REFERENCE_TABLES.includes(k.table))
      .filter((k) => k.columns?.split(',')[0] !== 'community_id')
      .map((k) => `${k.table}.${k.index} (${k.columns})`);
    expect(offending).toEqual([]);
  });

  it('gives every community table a community_id column', async () => {
    const result = await database.db.execute(sql`
      select t.table_name as "table"
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and not exists (select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'community_id')
      order by 1`);
    const without = (result as unknown as { rows: { table: string }[] }).rows.map((r) => r.table);
    expect(without.filter((t) => !REFERENCE_TABLES.includes(t))).toEqual([]);
  });
});
