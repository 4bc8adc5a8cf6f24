import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { buildings, parcels } from '../../db/schema/index.ts';
import { type Executor, rideParcelColumns } from './ride.repository.ts';

export const pickupColumns = { ...rideParcelColumns, buildingCode: buildings.code };

export const withBuilding = and(
  eq(buildings.communityId, parcels.communityId),
  eq(buildings.id, parcels.buildingId),
);

export type PickupParcelRow = Awaited<ReturnType<typeof waitingWithCode>>[number];

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
