import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import {
  buildings,
  gates,
  households,
  residents,
  testingCalls,
  testingHomeVisits,
  testingRoundGates,
  testingRounds,
  testingRoundZones,
} from '../../db/schema/index.ts';
import { buildingOrder } from '../registry/buildings.repository.ts';
import { buildingOfHousehold, householdOfResident } from '../registry/joins.ts';
import type { Executor } from './rounds.repository.ts';

const visitOfResident = (roundId: string) =>
  and(
    eq(testingHomeVisits.communityId, residents.communityId),
    eq(testingHomeVisits.roundId, roundId),
    eq(testingHomeVisits.residentId, residents.id),
  );

/** The round's state and settings the call-down needs, or undefined. */
export async function callDownRound(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      status: testingRounds.status,
      startsAt: testingRounds.startsAt,
      publishedAt: testingRounds.publishedAt,
      pooling: testingRounds.pooling,
      lanes: testingRounds.lanes,
      serviceMeanSeconds: testingRounds.serviceMeanSeconds,
      serviceSdSeconds: testingRounds.serviceSdSeconds,
      switchSeconds: testingRounds.switchSeconds,
      callIntervalSeconds: testingRounds.callIntervalSeconds,
    })
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
  return row;
}
export type CallDownRound = NonNullable<Awaited<ReturnType<typeof callDownRound>>>;

/** The round's gates with their position on the site plan, lanes and crowd limit. */
export async function callDownGates(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      gateId: testingRoundGates.gateId,
      name: gates.name,
      x: gates.x,
      y: gates.y,
      lanes: testingRoundGates.lanes,
      crowdLimit: testingRoundGates.crowdLimit,
    })
    .from(testingRoundGates)
    .innerJoin(
      gates,
      and(eq(gates.communityId, testingRoundGates.communityId), eq(gates.id, testingRoundGates.gateId)),
    )
    .where(and(eq(testingRoundGates.communityId, communityId), eq(testingRoundGates.roundId, roundId)))
    .orderBy(asc(gates.code));
}

/**
 * Every building with residents, the gate its zone uses in this round (null: its zone has none),
 * its position, and how many of its residents are on the round's door-to-door list.
 */
export async function callDownBuildings(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      buildingId: buildings.id,
      code: buildings.code,
      x: buildings.x,
      y: buildings.y,
      gateId: testingRoundZones.gateId,
      residents: sql<number>`count(${residents.id})::int`,
      homeVisits: sql<number>`count(${testingHomeVisits.residentId})::int`,
    })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .innerJoin(buildings, buildingOfHousehold)
    .leftJoin(
      testingRoundZones,
      and(
        eq(testingRoundZones.communityId, buildings.communityId),
        eq(testingRoundZones.roundId, roundId),
        eq(testingRoundZones.zoneId, buildings.zoneId),
      ),
    )
    .leftJoin(testingHomeVisits, visitOfResident(roundId))
    .where(eq(residents.communityId, communityId))
    .groupBy(buildings.id, buildings.code, buildings.x, buildings.y, testingRoundZones.gateId)
    .orderBy(buildingOrder);
}

/** The stored calls of the round, earliest first. */
export async function storedCalls(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      buildingId: testingCalls.buildingId,
      buildingCode: buildings.code,
      gateId: testingCalls.gateId,
      callAt: testingCalls.callAt,
      notifiedAt: testingCalls.notifiedAt,
    })
    .from(testingCalls)
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, testingCalls.communityId), eq(buildings.id, testingCalls.buildingId)),
    )
    .where(and(eq(testingCalls.communityId, communityId), eq(testingCalls.roundId, roundId)))
    .orderBy(asc(testingCalls.callAt), buildingOrder);
}

/** Calls whose time has come in published or running rounds, not told yet: what the notice task claims. */
export async function dueCalls(db: Executor, now: Date) {
  return db
    .select({
      communityId: testingCalls.communityId,
      roundId: testingCalls.roundId,
      buildingId: testingCalls.buildingId,
    })
    .from(testingCalls)
    .innerJoin(
      testingRounds,
      and(
        eq(testingRounds.communityId, testingCalls.communityId),
        eq(testingRounds.id, testingCalls.roundId),
      ),
    )
    .where(
      and(
        isNull(testingCalls.notifiedAt),
        lte(testingCalls.callAt, now),
        inArray(testingRounds.status, ['published', 'running']),
      ),
    )
    .orderBy(asc(testingCalls.callAt))
    .limit(500);
}

/**
 * Marks one call told, only if nobody has: the conditional UPDATE is the claim, so two server
 * processes never tell the same building twice. Returns the call's gate, or undefined when lost.
 */
export async function claimCall(
  tx: Executor,
  call: { communityId: string; roundId: string; buildingId: string },
  now: Date,
) {
  const [row] = await tx
    .update(testingCalls)
    .set({ notifiedAt: now })
    .where(
      and(
        eq(testingCalls.communityId, call.communityId),
        eq(testingCalls.roundId, call.roundId),
        eq(testingCalls.buildingId, call.buildingId),
        isNull(testingCalls.notifiedAt),
      ),
    )
    .returning({ gateId: testingCalls.gateId, callAt: testingCalls.callAt });
  return row;
}

/** The building's code and its relay contact's account (楼组长), if the contact has one. */
export async function buildingAndRelay(db: Executor, communityId: string, buildingId: string) {
  const [row] = await db
    .select({ code: buildings.code, relayAccountId: residents.accountId })
    .from(buildings)
    .leftJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, buildingId)));
  return row;
}

/** Accounts of the building's residents, split by whether they are on the round's door-to-door list. */
export async function buildingResidentAccounts(
  db: Executor,
  communityId: string,
  roundId: string,
  buildingId: string,
) {
  const rows = await db
    .select({
      accountId: residents.accountId,
      atHome: sql<boolean>`${testingHomeVisits.residentId} is not null`,
    })
    .from(residents)
    .innerJoin(households, householdOfResident)
    .leftJoin(testingHomeVisits, visitOfResident(roundId))
    .where(
      and(
        eq(residents.communityId, communityId),
        eq(households.buildingId, buildingId),
        sql`${residents.accountId} is not null`,
      ),
    );
  return {
    comeDown: rows.filter((r) => !r.atHome).map((r) => r.accountId!),
    atHome: rows.filter((r) => r.atHome).map((r) => r.accountId!),
  };
}
