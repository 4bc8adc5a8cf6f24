import { and, asc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  deliveryRunStops,
  deliveryRuns,
  gates,
  groupMembers,
  parcels,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { stopsWithBuildings } from './delivery-plan.repository.ts';
import { PARCELS_GROUP_KEY } from './parcels.repository.ts';

export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;

/**
 * The account as a volunteer of the community: its volunteer id (riders are named by it on a run)
 * and whether it leads the parcels group.
 */
export async function crewMemberOf(db: Executor, communityId: string, accountId: string) {
  const rows = await db
    .select({ volunteerId: volunteers.id, groupKey: volunteerGroups.key, isLeader: groupMembers.isLeader })
    .from(volunteers)
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.communityId, volunteers.communityId), eq(groupMembers.volunteerId, volunteers.id)),
    )
    .leftJoin(
      volunteerGroups,
      and(
        eq(volunteerGroups.communityId, groupMembers.communityId),
        eq(volunteerGroups.id, groupMembers.groupId),
      ),
    )
    .where(
      and(
        eq(volunteers.communityId, communityId),
        eq(volunteers.accountId, accountId),
        eq(volunteers.status, 'approved'),
      ),
    );
  if (rows.length === 0) return null;
  const parcels = rows.find((r) => r.groupKey === PARCELS_GROUP_KEY);
  return { volunteerId: rows[0]!.volunteerId, inParcelsGroup: !!parcels, leadsParcels: !!parcels?.isLeader };
}

export type RunRow = typeof deliveryRuns.$inferSelect;

export async function runById(db: Executor, communityId: string, runId: string): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(deliveryRuns)
    // a group buy's runs are not parcel runs: their drops are marked through the group buy
    .where(
      and(
        eq(deliveryRuns.communityId, communityId),
        eq(deliveryRuns.id, runId),
        isNull(deliveryRuns.groupBuyId),
      ),
    );
  return row ?? null;
}

/**
 * The rider's runs worth showing today: confirmed or started ones made since the start of the local
 * day, any run still under way (a run started late yesterday is not forgotten at midnight), and the
 * runs finished today, so the page can say "all delivered".
 */
export async function runsOfRider(db: Executor, communityId: string, volunteerId: string, since: Date) {
  return db
    .select()
    .from(deliveryRuns)
    .where(
      and(
        eq(deliveryRuns.communityId, communityId),
        eq(deliveryRuns.riderId, volunteerId),
        isNull(deliveryRuns.groupBuyId),
        or(
          and(eq(deliveryRuns.status, 'confirmed'), gte(deliveryRuns.createdAt, since)),
          eq(deliveryRuns.status, 'started'),
          and(eq(deliveryRuns.status, 'done'), gte(deliveryRuns.finishedAt, since)),
        ),
      ),
    )
    .orderBy(asc(deliveryRuns.createdAt), asc(deliveryRuns.trip), asc(deliveryRuns.seq));
}

/** Stops of these runs with building code and position, in riding order (the planner's read). */
export const stopsOf = stopsWithBuildings;
export type StopRow = Awaited<ReturnType<typeof stopsOf>>[number];

export const rideParcelColumns = {
  id: parcels.id,
  waybill: parcels.waybill,
  buildingId: parcels.buildingId,
  room: parcels.room,
  householdId: parcels.householdId,
  status: parcels.status,
  runId: parcels.runId,
  pickupCode: parcels.pickupCode,
  receivedAt: parcels.receivedAt,
  deliveredAt: parcels.deliveredAt,
  pickedUpAt: parcels.pickedUpAt,
  remindedAt: parcels.remindedAt,
};

export async function parcelsOnRuns(db: Executor, communityId: string, runIds: string[]) {
  if (runIds.length === 0) return [];
  return db
    .select(rideParcelColumns)
    .from(parcels)
    .where(and(eq(parcels.communityId, communityId), inArray(parcels.runId, runIds)))
    .orderBy(asc(parcels.room), asc(parcels.receivedAt), asc(parcels.waybill), asc(parcels.id));
}
export type RideParcelRow = Awaited<ReturnType<typeof parcelsOnRuns>>[number];

export async function sitePlanOf(db: Executor, communityId: string) {
  return db
    .select({ id: buildings.id, code: buildings.code, x: buildings.x, y: buildings.y })
    .from(buildings)
    .where(eq(buildings.communityId, communityId));
}

export async function gatePosition(db: Executor, communityId: string, gateId: string | null) {
  if (!gateId) return null;
  const [row] = await db
    .select({ x: gates.x, y: gates.y })
    .from(gates)
    .where(and(eq(gates.communityId, communityId), eq(gates.id, gateId)));
  return row ?? null;
}

/** The accounts of each household's residents: who is told about the household's parcels. */
export async function householdAccounts(db: Executor, communityId: string, householdIds: string[]) {
  const accounts = new Map<string, string[]>();
  if (householdIds.length === 0) return accounts;
  const rows = await db
    .select({ householdId: residents.householdId, accountId: residents.accountId })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        inArray(residents.householdId, householdIds),
        isNotNull(residents.accountId),
      ),
    );
  for (const r of rows) accounts.set(r.householdId, [...(accounts.get(r.householdId) ?? []), r.accountId!]);
  return accounts;
}

/** The building's code and the account of its relay contact (楼组长), when the contact can sign in. */
export async function buildingWithRelay(db: Executor, communityId: string, buildingId: string) {
  const [row] = await db
    .select({ id: buildings.id, code: buildings.code, relayAccountId: residents.accountId })
    .from(buildings)
    .leftJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, buildingId)));
  return row ?? null;
}

/** Takes the building's turn for choosing pickup codes: two deliveries there never pick the same code. */
export async function lockBuilding(tx: Executor, communityId: string, buildingId: string) {
  await tx.execute(
    sql`select 1 from buildings where community_id = ${communityId} and id = ${buildingId} for update`,
  );
}

/** Parcels delivered to the building and not yet picked up, with their codes. */
export async function waitingForPickup(db: Executor, communityId: string, buildingId: string) {
  return db
    .select(rideParcelColumns)
    .from(parcels)
    .where(
      and(
        eq(parcels.communityId, communityId),
        eq(parcels.buildingId, buildingId),
        eq(parcels.status, 'delivered'),
      ),
    );
}

/** Claims the stop for delivery: null when it was delivered already (another tap, another phone). */
export async function claimStop(
  tx: Executor,
  stop: { communityId: string; runId: string; seq: number },
  at: Date,
  by: string,
) {
  const [row] = await tx
    .update(deliveryRunStops)
    .set({ deliveredAt: at, deliveredBy: by })
    .where(
      and(
        eq(deliveryRunStops.communityId, stop.communityId),
        eq(deliveryRunStops.runId, stop.runId),
        eq(deliveryRunStops.seq, stop.seq),
        isNull(deliveryRunStops.deliveredAt),
      ),
    )
    .returning({ seq: deliveryRunStops.seq });
  return row ?? null;
}

export async function stopsLeft(tx: Executor, communityId: string, runId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveryRunStops)
    .where(
      and(
        eq(deliveryRunStops.communityId, communityId),
        eq(deliveryRunStops.runId, runId),
        isNull(deliveryRunStops.deliveredAt),
      ),
    );
  return row?.n ?? 0;
}
