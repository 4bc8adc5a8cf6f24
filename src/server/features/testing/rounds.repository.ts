import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  gates,
  households,
  residents,
  shifts,
  testingHomeVisits,
  testingRoundGates,
  testingRounds,
  testingRoundZones,
  testingSamples,
  volunteerGroups,
  zones,
} from '../../db/schema/index.ts';

export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export { communityTimeZone } from '../../platform/community-constants.ts';

export async function gatesAndZonesOf(db: Executor, communityId: string) {
  const gateRows = await db
    .select({ id: gates.id, name: gates.name })
    .from(gates)
    .where(eq(gates.communityId, communityId))
    .orderBy(gates.code);
  const zoneRows = await db
    .select({ id: zones.id, name: zones.name, gateId: zones.gateId })
    .from(zones)
    .where(eq(zones.communityId, communityId))
    .orderBy(zones.code);
  return { gates: gateRows, zones: zoneRows };
}

/** A shift of the community with its group's key, or undefined. */
export async function shiftWithGroup(db: Executor, communityId: string, shiftId: string) {
  const [row] = await db
    .select({ id: shifts.id, groupKey: volunteerGroups.key })
    .from(shifts)
    .innerJoin(
      volunteerGroups,
      and(eq(volunteerGroups.communityId, shifts.communityId), eq(volunteerGroups.id, shifts.groupId)),
    )
    .where(and(eq(shifts.communityId, communityId), eq(shifts.id, shiftId)));
  return row;
}

/** Residents whose flags include any of `flags`: who goes on the door-to-door list up front. */
export async function residentIdsFlagged(db: Executor, communityId: string, flags: readonly string[]) {
  const rows = await db
    .select({ id: residents.id })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        sql`${residents.flags} && ${sql.raw(`array[${flags.map((f) => `'${f}'`).join(',')}]`)}::text[]`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function existingResidentIds(db: Executor, communityId: string, ids: string[]) {
  const rows = await db
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.communityId, communityId), inArray(residents.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function roundRows(db: Executor, communityId: string, roundId?: string) {
  return db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      status: testingRounds.status,
      startsAt: testingRounds.startsAt,
      pooling: testingRounds.pooling,
      lanes: testingRounds.lanes,
      serviceMeanSeconds: testingRounds.serviceMeanSeconds,
      serviceSdSeconds: testingRounds.serviceSdSeconds,
      switchSeconds: testingRounds.switchSeconds,
      callIntervalSeconds: testingRounds.callIntervalSeconds,
      shiftId: testingRounds.shiftId,
      shiftTitle: shifts.title,
      shiftStartsAt: shifts.startsAt,
      createdAt: testingRounds.createdAt,
    })
    .from(testingRounds)
    .leftJoin(
      shifts,
      and(eq(shifts.communityId, testingRounds.communityId), eq(shifts.id, testingRounds.shiftId)),
    )
    .where(
      and(eq(testingRounds.communityId, communityId), roundId ? eq(testingRounds.id, roundId) : undefined),
    )
    .orderBy(desc(testingRounds.startsAt), desc(testingRounds.createdAt))
    .limit(roundId ? 1 : 200);
}
export type RoundRow = Awaited<ReturnType<typeof roundRows>>[number];

export async function roundGateRows(db: Executor, communityId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: testingRoundGates.roundId,
      gateId: testingRoundGates.gateId,
      name: gates.name,
      lanes: testingRoundGates.lanes,
      crowdLimit: testingRoundGates.crowdLimit,
      queue: testingRoundGates.queue,
    })
    .from(testingRoundGates)
    .innerJoin(
      gates,
      and(eq(gates.communityId, testingRoundGates.communityId), eq(gates.id, testingRoundGates.gateId)),
    )
    .where(and(eq(testingRoundGates.communityId, communityId), inArray(testingRoundGates.roundId, roundIds)))
    .orderBy(asc(gates.code));
}

export async function roundZoneRows(db: Executor, communityId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: testingRoundZones.roundId,
      zoneId: testingRoundZones.zoneId,
      name: zones.name,
      gateId: testingRoundZones.gateId,
    })
    .from(testingRoundZones)
    .innerJoin(
      zones,
      and(eq(zones.communityId, testingRoundZones.communityId), eq(zones.id, testingRoundZones.zoneId)),
    )
    .where(and(eq(testingRoundZones.communityId, communityId), inArray(testingRoundZones.roundId, roundIds)))
    .orderBy(asc(zones.code));
}

/** Residents of the registry: everyone is expected (the registry has no "away" flag). */
export async function residentCount(db: Executor, communityId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .where(eq(residents.communityId, communityId));
  return row?.n ?? 0;
}

/** Per round: residents sampled and residents on the door-to-door list. */
export async function roundCounts(db: Executor, communityId: string, roundIds: string[]) {
  const counts = new Map<string, { tested: number; homeVisits: number }>();
  for (const id of roundIds) counts.set(id, { tested: 0, homeVisits: 0 });
  if (roundIds.length === 0) return counts;
  const tested = await db
    .select({ roundId: testingSamples.roundId, n: sql<number>`count(*)::int` })
    .from(testingSamples)
    .where(and(eq(testingSamples.communityId, communityId), inArray(testingSamples.roundId, roundIds)))
    .groupBy(testingSamples.roundId);
  const visits = await db
    .select({ roundId: testingHomeVisits.roundId, n: sql<number>`count(*)::int` })
    .from(testingHomeVisits)
    .where(and(eq(testingHomeVisits.communityId, communityId), inArray(testingHomeVisits.roundId, roundIds)))
    .groupBy(testingHomeVisits.roundId);
  for (const r of tested) counts.get(r.roundId)!.tested = r.n;
  for (const r of visits) counts.get(r.roundId)!.homeVisits = r.n;
  return counts;
}

export async function roundExists(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select({ id: testingRounds.id, title: testingRounds.title })
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
  return row;
}
