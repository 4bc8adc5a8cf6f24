import { and, eq, isNull, sql } from 'drizzle-orm';
import { PARCELS_STATUS } from '../../../shared/api/parcel-rides.ts';
import { communities, parcels } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { registerBackgroundTask } from '../../platform/background.ts';
import type { AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { groupForPickup, tellAboutParcels } from './parcel-notices.ts';
import { buildingWithRelay, type Executor, rideParcelColumns } from './ride.repository.ts';

/** Delivered, not picked up, not reminded yet, and waiting longer than the community allows. */
const overdue = (now: Date) =>
  and(
    eq(parcels.status, 'delivered'),
    isNull(parcels.remindedAt),
    sql`${parcels.deliveredAt} <= ${now.toISOString()}::timestamptz - ${communities.parcelReminderMinutes} * interval '1 minute'`,
  );

async function buildingsWithOverdueParcels(db: Executor, now: Date) {
  return db
    .selectDistinct({
      communityId: parcels.communityId,
      buildingId: parcels.buildingId,
      minutes: communities.parcelReminderMinutes,
      timeZone: communities.timezone,
    })
    .from(parcels)
    .innerJoin(communities, eq(communities.id, parcels.communityId))
    .where(overdue(now));
}

/**
 * Re-notifies the households of one building whose parcels wait too long, once: the conditional
 * UPDATE … WHERE reminded_at IS NULL claims them, so two processes never remind the same parcel.
 */
async function remindBuilding(
  deps: AppDeps,
  due: { communityId: string; buildingId: string; minutes: number; timeZone: string },
) {
  const { communityId, buildingId } = due;
  const building = await buildingWithRelay(deps.db, communityId, buildingId);
  if (!building) return 0;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const claimed = await tx
      .update(parcels)
      .set({ remindedAt: now })
      .from(communities)
      .where(
        and(
          eq(communities.id, parcels.communityId),
          eq(parcels.communityId, communityId),
          eq(parcels.buildingId, buildingId),
          overdue(now),
        ),
      )
      .returning(rideParcelColumns);
    if (claimed.length === 0) return 0;
    const groups = groupForPickup(claimed);
    await tellAboutParcels(tx, { communityId, building, timeZone: due.timeZone, now }, groups, {
      kind: 'reminder',
      minutes: due.minutes,
    });
    await audit(tx, {
      communityId,
      account: null,
      role: 'system',
      action: 'parcels.remind',
      targetType: 'building',
      targetId: buildingId,
      params: { building: building.code, households: groups.length, count: claimed.length },
    });
    await publishLive(tx, { communityId, type: PARCELS_STATUS, data: { buildingId }, coalesceKey: 'status' });
    return claimed.length;
  });
}

/** The background task: every building with overdue parcels, each in its own transaction. */
export async function remindUncollectedParcels(deps: AppDeps) {
  let reminded = 0;
  for (const due of await buildingsWithOverdueParcels(deps.db, deps.clock.now())) {
    if (due.buildingId) reminded += await remindBuilding(deps, { ...due, buildingId: due.buildingId });
  }
  return reminded;
}

registerBackgroundTask({ name: 'parcel-reminders', intervalMs: 60_000, run: remindUncollectedParcels });
