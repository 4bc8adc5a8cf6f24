import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  households,
  residents,
  testingHomeVisits,
  testingSamples,
} from '../../db/schema/index.ts';
import { buildingOrder } from '../registry/buildings.repository.ts';
import { buildingOfHousehold, householdOfResident } from '../registry/joins.ts';

type Executor = Pick<Db, 'select'>;

const sampleOfResident = (roundId: string) =>
  and(
    eq(testingSamples.communityId, residents.communityId),
    eq(testingSamples.roundId, roundId),
    eq(testingSamples.residentId, residents.id),
  );
const visitOfResident = (roundId: string) =>
  and(
    eq(testingHomeVisits.communityId, residents.communityId),
    eq(testingHomeVisits.roundId, roundId),
    eq(testingHomeVisits.residentId, residents.id),
  );

/** Every building with residents: residents (expected) and residents sampled in the round (tested). */
export async function buildingCoverage(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      buildingId: buildings.id,
      buildingCode: buildings.code,
      expected: sql<number>`count(${residents.id})::int`,
      tested: sql<number>`count(${testingSamples.id})::int`,
    })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .leftJoin(testingSamples, sampleOfResident(roundId))
    .where(eq(residents.communityId, communityId))
    .groupBy(buildings.id, buildings.code)
    .orderBy(buildingOrder);
}

/**
 * Residents not yet sampled in the round, vulnerable (any registry flag) first, then by building,
 * room and name; with the door-to-door reason when they are on the list already.
 */
export async function missingResidents(
  db: Executor,
  communityId: string,
  roundId: string,
  filter: { buildingId?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(residents.communityId, communityId),
    sql`${testingSamples.id} is null`,
    filter.buildingId ? eq(households.buildingId, filter.buildingId) : undefined,
  );
  const rows = await db
    .select({
      residentId: residents.id,
      name: residents.name,
      buildingId: buildings.id,
      buildingCode: buildings.code,
      room: households.room,
      flags: residents.flags,
      homeVisit: testingHomeVisits.reason,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .leftJoin(testingSamples, sampleOfResident(roundId))
    .leftJoin(testingHomeVisits, visitOfResident(roundId))
    .where(where)
    .orderBy(
      sql`(cardinality(${residents.flags}) > 0) desc`,
      buildingOrder,
      asc(households.room),
      asc(residents.name),
      asc(residents.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  let total = rows[0]?.total;
  if (total === undefined) {
    // past the last page: the window count is not there, so count on its own
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(residents)
      .innerJoin(households, householdOfResident)
      .leftJoin(testingSamples, sampleOfResident(roundId))
      .where(where);
    total = row?.n ?? 0;
  }
  return { rows, total };
}

/** The door-to-door list with whether (and where) each resident has been sampled. */
export async function homeVisitRows(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      residentId: residents.id,
      name: residents.name,
      buildingCode: buildings.code,
      room: households.room,
      flags: residents.flags,
      reason: testingHomeVisits.reason,
      addedAt: testingHomeVisits.addedAt,
      sampledAt: testingSamples.sampledAt,
      sampledPlace: testingSamples.place,
    })
    .from(testingHomeVisits)
    .innerJoin(
      residents,
      and(
        eq(residents.communityId, testingHomeVisits.communityId),
        eq(residents.id, testingHomeVisits.residentId),
      ),
    )
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .leftJoin(testingSamples, sampleOfResident(roundId))
    .where(and(eq(testingHomeVisits.communityId, communityId), eq(testingHomeVisits.roundId, roundId)))
    .orderBy(sql`${testingSamples.id} is not null`, buildingOrder, asc(households.room), asc(residents.name));
}
