import { and, asc, desc, eq, gte, inArray, isNotNull, or } from 'drizzle-orm';
import { buildings, households, parcels, residents } from '../../db/schema/index.ts';
import { type Executor, rideParcelColumns } from './ride.repository.ts';

/** The households the account lives in (through its resident rows), with where they are. */
export async function householdsOfAccount(db: Executor, communityId: string, accountId: string) {
  return db
    .selectDistinct({
      id: households.id,
      buildingId: households.buildingId,
      buildingCode: buildings.code,
      room: households.room,
    })
    .from(residents)
    .innerJoin(
      households,
      and(eq(households.communityId, residents.communityId), eq(households.id, residents.householdId)),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(and(eq(residents.communityId, communityId), eq(residents.accountId, accountId)));
}

/** The buildings whose relay contact (楼组长) is a resident signed in as this account. */
export async function relayBuildingsOf(db: Executor, communityId: string, accountId: string) {
  return db
    .select({ id: buildings.id, code: buildings.code })
    .from(buildings)
    .innerJoin(
      residents,
      and(eq(residents.communityId, buildings.communityId), eq(residents.id, buildings.relayResidentId)),
    )
    .where(and(eq(buildings.communityId, communityId), eq(residents.accountId, accountId)));
}

const pickupColumns = { ...rideParcelColumns, buildingCode: buildings.code };

const withBuilding = and(
  eq(buildings.communityId, parcels.communityId),
  eq(buildings.id, parcels.buildingId),
);

/**
 * The households' parcels worth showing: everything still on its way or waiting at the building,
 * and what arrived or was picked up since `since`.
 */
export async function parcelsOfHouseholds(
  db: Executor,
  communityId: string,
  householdIds: string[],
  since: Date,
) {
  if (householdIds.length === 0) return [];
  return db
    .select(pickupColumns)
    .from(parcels)
    .leftJoin(buildings, withBuilding)
    .where(
      and(
        eq(parcels.communityId, communityId),
        inArray(parcels.householdId, householdIds),
        or(
          inArray(parcels.status, ['waiting', 'on_run', 'delivered']),
          gte(parcels.receivedAt, since),
          gte(parcels.pickedUpAt, since),
        ),
      ),
    )
    .orderBy(desc(parcels.receivedAt), asc(parcels.waybill), asc(parcels.id));
}
export type PickupParcelRow = Awaited<ReturnType<typeof parcelsOfHouseholds>>[number];

/** The parcels a building and a code name: those waiting at the building with it. */
export async function waitingWithCode(db: Executor, communityId: string, buildingId: string, code: string) {
  return db
    .select(pickupColumns)
    .from(parcels)
    .leftJoin(buildings, withBuilding)
    .where(
      and(
        eq(parcels.communityId, communityId),
        eq(parcels.buildingId, buildingId),
        eq(parcels.status, 'delivered'),
        eq(parcels.pickupCode, code),
      ),
    );
}

/**
 * The code's parcels at its last pickup, so that confirming a pickup twice answers the same. A code
 * comes free once its parcels are picked up; only the latest pickup with it counts.
 */
export async function lastPickedUpWithCode(
  db: Executor,
  communityId: string,
  buildingId: string,
  code: string,
) {
  const rows = await db
    .select(pickupColumns)
    .from(parcels)
    .leftJoin(buildings, withBuilding)
    .where(
      and(
        eq(parcels.communityId, communityId),
        eq(parcels.buildingId, buildingId),
        eq(parcels.status, 'picked_up'),
        eq(parcels.pickupCode, code),
        isNotNull(parcels.pickedUpAt),
      ),
    )
    .orderBy(desc(parcels.pickedUpAt))
    .limit(500);
  const latest = rows[0]?.pickedUpAt?.getTime();
  return rows.filter((r) => r.pickedUpAt?.getTime() === latest);
}

export async function parcelsByIds(db: Executor, communityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select(pickupColumns)
    .from(parcels)
    .leftJoin(buildings, withBuilding)
    .where(and(eq(parcels.communityId, communityId), inArray(parcels.id, ids)));
}

/** Marks the parcels still waiting at their building as picked up; returns those it changed. */
export async function markPickedUp(tx: Executor, communityId: string, ids: string[], at: Date, by: string) {
  if (ids.length === 0) return [];
  return tx
    .update(parcels)
    .set({ status: 'picked_up', pickedUpAt: at, pickedUpBy: by })
    .where(
      and(eq(parcels.communityId, communityId), inArray(parcels.id, ids), eq(parcels.status, 'delivered')),
    )
    .returning({ id: parcels.id, buildingId: parcels.buildingId });
}
