import { inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import type { Database } from '../../db/client.ts';
import { parcels } from '../../db/schema/index.ts';
import { seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { TALLIES_KEPT, TALLIES_RECOUNTED } from '../../test-support/parcel-tallies.ts';
import { openTestDatabase } from '../../test-support/test-database.ts';
import { type BinCountsRow, binCounts } from './clearance.repository.ts';
import { boundsOf } from './parcel-days.service.ts';

const ZONE = 'Asia/Shanghai';
const FIRST_DAY = '2026-04-05';
const STATUSES = ['waiting', 'on_run', 'delivered', 'picked_up'] as const;
const MINUTE = 60_000;

interface ParcelSpec {
  community: 0 | 1;
  bin: number;
  dayOffset: number;
  minuteOfDay: number;
  status: (typeof STATUSES)[number];
  toBuildingMinutes: number;
  delivered: boolean;
  toPickupMinutes: number;
  reminded: boolean;
}

const parcelSpec: fc.Arbitrary<ParcelSpec> = fc.record({
  community: fc.constantFrom(0 as const, 0 as const, 1 as const),
  bin: fc.nat(2),
  dayOffset: fc.nat(4),
  minuteOfDay: fc.nat(24 * 60 - 1),
  status: fc.constantFrom(...STATUSES),
  toBuildingMinutes: fc.nat(3 * 24 * 60),
  // a parcel may be picked up at the gate without reaching its building
  delivered: fc.boolean(),
  toPickupMinutes: fc.nat(2 * 24 * 60),
  reminded: fc.boolean(),
});

/** A parcel's row as the features leave it: timestamps follow the status and never precede receipt. */
function rowOf(spec: ParcelSpec, communityIds: string[], bins: (string | null)[][]) {
  const day = addDays(FIRST_DAY, spec.dayOffset);
  const receivedAt = new Date(wallTimeToInstant(day, '00:00', ZONE).getTime() + spec.minuteOfDay * MINUTE);
  const after = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);
  const reached = spec.status === 'delivered' || (spec.status === 'picked_up' && spec.delivered);
  const deliveredAt = reached ? after(receivedAt, spec.toBuildingMinutes) : null;
  const pickedUpAt =
    spec.status === 'picked_up' ? after(deliveredAt ?? receivedAt, spec.toPickupMinutes) : null;
  return {
    communityId: communityIds[spec.community]!,
    buildingId: bins[spec.community]![spec.bin] ?? null,
    status: spec.status,
    source: 'scan',
    day,
    receivedAt,
    deliveredAt,
    pickedUpAt,
    remindedAt: spec.status === 'delivered' && spec.reminded ? after(deliveredAt!, 60) : null,
  };
}

type Row = ReturnType<typeof rowOf>;
const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

/** One statement over some of the inserted parcels: each becomes `spec`, or is deleted (null). */
interface Edit {
  targets: number[];
  spec: ParcelSpec | null;
}
const editOf: fc.Arbitrary<Edit> = fc.record({
  targets: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  spec: fc.option(parcelSpec, { freq: 4 }),
});

const showsAnything = (r: BinCountsRow) =>
  r.received + r.carriedOver + r.waiting + r.onRun + r.delivered + r.pickedUp + r.flagged > 0 ||
  r.oldestWaitingAt !== null;

/** The board's figures by their definitions, counted parcel by parcel. */
function expectedCounts(rows: Row[], communityId: string, day: string): BinCountsRow[] {
  const { start, end } = boundsOf(day, day, ZONE);
  const within = (at: Date | null) => at !== null && at >= start && at < end;
  const bins = new Map<string | null, BinCountsRow>();
  for (const p of rows) {
    if (p.communityId !== communityId) continue;
    const outstanding = p.status === 'waiting' || p.status === 'on_run';
    const read =
      p.day === day ||
      (p.day < day && p.status !== 'picked_up') ||
      within(p.deliveredAt) ||
      within(p.pickedUpAt);
    if (!read) continue;
    const bin = bins.get(p.buildingId) ?? {
      buildingId: p.buildingId,
      received: 0,
      carriedOver: 0,
      waiting: 0,
      onRun: 0,
      delivered: 0,
      pickedUp: 0,
      flagged: 0,
      oldestWaitingAt: null,
    };
    bins.set(p.buildingId, bin);
    const upTo = p.day <= day;
    if (p.day === day) bin.received++;
    if (p.day < day && outstanding) bin.carriedOver++;
    if (upTo && p.status === 'waiting') bin.waiting++;
    if (upTo && p.status === 'on_run') bin.onRun++;
    if (within(p.deliveredAt)) bin.delivered++;
    if (within(p.pickedUpAt)) bin.pickedUp++;
    if (upTo && p.status === 'delivered' && p.remindedAt) bin.flagged++;
    const received = p.receivedAt.toISOString();
    if (upTo && outstanding && (!bin.oldestWaitingAt || received < bin.oldestWaitingAt)) {
      bin.oldestWaitingAt = received;
    }
  }
  return sortedBins([...bins.values()]);
}

const sortedBins = (rows: BinCountsRow[]) =>
  [...rows].sort((x, y) => String(x.buildingId).localeCompare(String(y.buildingId)));

describe('parcels: the clearance board counts each bin by its definitions', () => {
  let database: Database;
  let communityIds: string[];
  /** per community: two buildings and the unassigned bin */
  let bins: (string | null)[][];
  beforeAll(async () => {
    database = await openTestDatabase();
    const { a, b } = await seedTwoCommunities(database.db);
    communityIds = [a, b];
    bins = [];
    for (const id of communityIds) {
      const { b12, b2 } = await seedSmallRegistry(database.db, id);
      bins.push([b12.id, b2.id, null]);
    }
  });
  afterAll(() => database.close());

  /** Inserts the parcels, then applies the edits, each one statement over its targets; the final rows. */
  async function writeParcels(specs: ParcelSpec[], edits: Edit[]) {
    const db = database.db;
    await db.delete(parcels).where(inArray(parcels.communityId, communityIds));
    const rows = specs.map((spec) => rowOf(spec, communityIds, bins));
    if (rows.length === 0) return [];
    const ids = (await db.insert(parcels).values(rows).returning({ id: parcels.id })).map((r) => r.id);
    const now = new Map(ids.map((id, i) => [id, rows[i]!]));
    for (const edit of edits) {
      const targets = [...new Set(edit.targets.map((t) => ids[t % ids.length]!))].filter((id) => now.has(id));
      if (targets.length === 0) continue;
      if (edit.spec === null) {
        await db.delete(parcels).where(inArray(parcels.id, targets));
        for (const id of targets) now.delete(id);
      } else {
        const row = rowOf(edit.spec, communityIds, bins);
        await db.update(parcels).set(row).where(inArray(parcels.id, targets));
        for (const id of targets) now.set(id, row);
      }
    }
    return [...now.values()];
  }

  it('matches counting the parcels one by one, for any parcels, changes and day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(parcelSpec, { maxLength: 40 }),
        fc.array(editOf, { maxLength: 8 }),
        fc.nat(6),
        async (specs, edits, queriedOffset) => {
          const rows = await writeParcels(specs, edits);
          const day = addDays(FIRST_DAY, queriedOffset);
          const counted = await binCounts(database.db, communityIds[0]!, boundsOf(day, day, ZONE));
          expect(sortedBins(counted.filter(showsAnything))).toEqual(
            expectedCounts(rows, communityIds[0]!, day).filter(showsAnything),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the tallies equal to counting them afresh, through inserts, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(parcelSpec, { maxLength: 30 }),
        fc.array(editOf, { maxLength: 10 }),
        async (specs, edits) => {
          await writeParcels(specs, edits);
          const kept = await database.db.execute(sql.raw(TALLIES_KEPT));
          const afresh = await database.db.execute(sql.raw(TALLIES_RECOUNTED));
          expect(rowsOf(kept)).toEqual(rowsOf(afresh));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('moves deliveries to the days of a new zone when the community changes its zone', async () => {
    const db = database.db;
    await db.delete(parcels).where(inArray(parcels.communityId, communityIds));
    // 20:00 UTC on 5 April: 6 April in Shanghai, 5 April in UTC
    const deliveredAt = new Date('2026-04-05T20:00:00Z');
    await db.insert(parcels).values({
      ...rowOf(parcelSpec0, communityIds, bins),
      status: 'delivered',
      deliveredAt,
      day: FIRST_DAY,
      receivedAt: new Date('2026-04-05T02:00:00Z'),
    });
    const deliveredOn = async () =>
      rowsOf(
        await db.execute(sql`select day::text as day from parcel_tallies
          where community_id = ${communityIds[0]} and kind = 'delivered_on'`),
      );
    expect(await deliveredOn()).toEqual([{ day: '2026-04-06' }]);
    await db.execute(sql`update communities set timezone = 'UTC' where id = ${communityIds[0]}`);
    try {
      expect(await deliveredOn()).toEqual([{ day: '2026-04-05' }]);
    } finally {
      await db.execute(sql`update communities set timezone = ${ZONE} where id = ${communityIds[0]}`);
    }
  });
});

const parcelSpec0: ParcelSpec = {
  community: 0,
  bin: 0,
  dayOffset: 0,
  minuteOfDay: 0,
  status: 'waiting',
  toBuildingMinutes: 0,
  delivered: false,
  toPickupMinutes: 0,
  reminded: false,
};
