import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { publicTables } from '../db/snapshot.ts';
import { seedSmallRegistry, seedTwoCommunities } from '../test-support/fixtures.ts';
import { openTestDatabase } from '../test-support/test-database.ts';
import { upkeepEmbeddedDatabase } from './embedded-upkeep.ts';

describe('embedded database upkeep', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    const { a } = await seedTwoCommunities(database.db);
    await seedSmallRegistry(database.db, a);
  });
  afterAll(() => database.close());

  const neverAnalyzed = async () =>
    (
      (await database.db.execute(sql`
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0`)) as { rows: unknown[] }
    ).rows.length;

  it('analyzes every table once, then vacuums one table per run in turn, on the embedded database only', async () => {
    const deps = { db: database.db, dbKind: database.kind };
    if (database.kind !== 'pglite') {
      expect(await upkeepEmbeddedDatabase(deps)).toEqual([]);
      return;
    }
    expect(await neverAnalyzed()).toBeGreaterThan(0);
    const first = await upkeepEmbeddedDatabase(deps);
    expect(first.length).toBeGreaterThan(1);
    expect(await neverAnalyzed()).toBe(0);
    const tables = (await publicTables(database.db)).map((t) => t.name);
    const visited: string[] = [];
    for (let i = 0; i < tables.length; i++) visited.push(...(await upkeepEmbeddedDatabase(deps)));
    expect(visited.sort()).toEqual(tables.sort());
  });
});
