import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { openTestDatabase } from '../test-support/test-database.ts';
import type { Database } from './client.ts';
import { inlined, selectTogether, sendAsLast } from './one-message.ts';
import { communities, volunteerGroups } from './schema/index.ts';

const rows = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe('statements sent together in one message', () => {
  let database: Database;
  let a: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    ({ a } = await seedTwoCommunities(database.db));
  });
  afterAll(() => database.close());

  it('writes any parameter as a literal that reads back as the parameter did', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    const value = fc.oneof(
      text,
      fc.constantFrom("'", "''", '\\', "\\'", "E'x'", '$1', '$$', '"', "'; drop table accounts; --"),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const query = sql`select ${v}::text as v, '$1 stays' as quoted`;
        const [direct] = rows(await database.db.execute(query));
        const [written] = rows(await database.db.execute(sql.raw(inlined(query))));
        expect(written).toEqual(direct);
      }),
      { numRuns: 150 },
    );
  });

  it('reads joined rows exactly as drizzle maps them', async () => {
    const db = database.db;
    const joined = (tx: typeof db) =>
      tx
        .select({ group: volunteerGroups, community: communities.name, n: sql<number>`1 + 1` })
        .from(volunteerGroups)
        .innerJoin(communities, eq(communities.id, volunteerGroups.communityId))
        .where(eq(volunteerGroups.communityId, a))
        .orderBy(volunteerGroups.key);
    const plain = (tx: typeof db) => tx.select().from(communities).orderBy(communities.id);
    const [together, alone] = await db.transaction(async (tx) => {
      const result = await selectTogether(tx, database.kind, [joined(tx as never), plain(tx as never)]);
      return [result, [await joined(tx as never), await plain(tx as never)]];
    });
    expect(together).toEqual(alone);
    expect(together[0].length).toBeGreaterThan(0);
    expect(together[1][0]!.createdAt).toBeInstanceOf(Date);
  });

  it('commits the last statements with the transaction, or nothing when one of them fails', async () => {
    const db = database.db;
    const renamed = (tx: typeof db, name: string) =>
      tx
        .update(volunteerGroups)
        .set({ name })
        .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'parcels')));
    const name = async () =>
      (
        await db
          .select()
          .from(volunteerGroups)
          .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'parcels')))
      )[0]!.name;
    const results = await db.transaction((tx) =>
      sendAsLast(tx, database.kind, [renamed(tx as never, '快递组'), sql`select 7 as seven`]),
    );
    expect(results.at(-1)!.rows).toEqual([{ seven: 7 }]);
    expect(await name()).toBe('快递组');
    const failed = await db
      .transaction((tx) =>
        sendAsLast(tx, database.kind, [
          renamed(tx as never, '不该留下'),
          sql`select linli_refuse('SHIFT_FULL')`,
        ]),
      )
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    expect(await name()).toBe('快递组');
  });
});
