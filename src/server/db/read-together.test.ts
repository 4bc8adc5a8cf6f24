import { and, asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallRegistry, seedTwoCommunities } from '../test-support/fixtures.ts';
import { openTestDatabase } from '../test-support/test-database.ts';
import type { Database } from './client.ts';
import { sqlState } from './errors.ts';
import { readTogether } from './read-together.ts';
import { buildings, households, parcels } from './schema/index.ts';

describe('reads sent together', () => {
  let database: Database;
  let a: string;
  let b: string;
  let buildingId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    ({ a, b } = await seedTwoCommunities(database.db));
    ({
      b12: { id: buildingId },
    } = await seedSmallRegistry(database.db, a));
    await database.db.insert(parcels).values(
      Array.from({ length: 5 }, (_, i) => ({
        communityId: a,
        waybill: `RT${i}`,
        buildingId,
        source: 'scan',
        day: '2026-04-09',
        receivedAt: new Date(Date.UTC(2026, 3, 9, 1, i, 7, 123)),
        deliveredAt: i % 2 ? new Date(Date.UTC(2026, 3, 9, 5, i)) : null,
      })),
    );
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const parcelsOf = (community: string, from: number) =>
    db()
      .select({ waybill: parcels.waybill, receivedAt: parcels.receivedAt, deliveredAt: parcels.deliveredAt })
      .from(parcels)
      .where(and(eq(parcels.communityId, community), sql`${parcels.waybill} >= ${`RT${from}`}`))
      .orderBy(asc(parcels.waybill));
  const countsOf = (community: string) =>
    db().execute(sql`select building_id as "buildingId", count(*)::int as n, min(received_at) as first
      from ${parcels} where community_id = ${community} group by building_id`);
  const codes = (community: string) =>
    db().select({ code: buildings.code }).from(buildings).where(eq(buildings.communityId, community));

  it('answers each read as awaiting it alone would, in order, for any values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('parcels', 'counts', 'codes', 'promise'),
            from: fc.nat(6),
            other: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (specs) => {
          const build = () =>
            specs.map((s) => {
              const community = s.other ? b : a;
              if (s.kind === 'parcels') return parcelsOf(community, s.from);
              // anything else is awaited alongside the statements
              if (s.kind === 'promise') return Promise.resolve([{ from: s.from }]);
              return s.kind === 'counts' ? countsOf(community) : codes(community);
            });
          // a raw statement's result is compared by its rows, all readTogether promises of it
          const rowsOf = (results: unknown[]) =>
            results.map((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows));
          const alone = [];
          for (const read of build()) alone.push(await read);
          expect(rowsOf(await readTogether(db(), database.kind, build()))).toEqual(rowsOf(alone));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives dates as the query builder does, and a raw statement its rows', async () => {
    const [rows, counts] = await readTogether(db(), database.kind, [parcelsOf(a, 3), countsOf(a)]);
    expect(rows.map((r) => r.receivedAt.toISOString())).toEqual([
      '2026-04-09T01:03:07.123Z',
      '2026-04-09T01:04:07.123Z',
    ]);
    expect(rows[0]!.deliveredAt).toEqual(new Date('2026-04-09T05:03:00Z'));
    expect(rows[1]!.deliveredAt).toBeNull();
    expect((counts as unknown as { rows: { n: number }[] }).rows).toEqual([
      expect.objectContaining({ buildingId, n: 5 }),
    ]);
  });

  it('fails as a whole when one statement fails, and the connections work on after', async () => {
    const failing = db().execute(
      sql`select 1 / (count(*) - count(*)) from ${households} where community_id = ${a}`,
    );
    const refusal = await readTogether(db(), database.kind, [codes(a), failing, parcelsOf(a, 0)]).catch(
      (err: unknown) => err,
    );
    // as drizzle reports a failed statement: its text, with the driver's error (division_by_zero) as cause
    expect(sqlState(refusal)).toBe('22012');
    expect(String(refusal)).toContain('select 1 /');
    for (let i = 0; i < 5; i++) {
      const [codesAfter, rows] = await readTogether(db(), database.kind, [codes(a), parcelsOf(a, 4)]);
      expect(codesAfter.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.waybill)).toEqual(['RT4']);
    }
  });
});
