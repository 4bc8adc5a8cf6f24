import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { deliveryRunStops, deliveryRuns, volunteers } from '../../db/schema/index.ts';
import type { Executor } from './group-buy-fulfilment.repository.ts';

// A group buy's delivery runs live in delivery_runs beside the parcel runs, told apart by
// group_buy_id (parcel queries ask for it to be null). Planning writes reuse the parcel writes.

export async function runsOfCampaign(db: Executor, communityId: string, groupBuyId: string) {
  return db
    .select()
    .from(deliveryRuns)
    .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.groupBuyId, groupBuyId)));
}

/** Buildings on the campaign's runs that are under way or done: a new plan leaves them to their run. */
export async function buildingsOnRiddenRuns(db: Executor, communityId: string, groupBuyId: string) {
  const rows = await db
    .selectDistinct({ buildingId: deliveryRunStops.buildingId })
    .from(deliveryRunStops)
    .innerJoin(
      deliveryRuns,
      and(
        eq(deliveryRuns.communityId, deliveryRunStops.communityId),
        eq(deliveryRuns.id, deliveryRunStops.runId),
      ),
    )
    .where(
      and(
        eq(deliveryRunStops.communityId, communityId),
        eq(deliveryRuns.groupBuyId, groupBuyId),
        inArray(deliveryRuns.status, ['started', 'done']),
      ),
    );
  return new Set(rows.map((r) => r.buildingId));
}

/** The campaign's runs nobody has started riding: a new plan replaces them (stops go by cascade). */
export async function deleteUnstartedRuns(tx: Executor, communityId: string, groupBuyId: string) {
  await tx
    .delete(deliveryRuns)
    .where(
      and(
        eq(deliveryRuns.communityId, communityId),
        eq(deliveryRuns.groupBuyId, groupBuyId),
        inArray(deliveryRuns.status, ['planned', 'confirmed']),
      ),
    );
}

/**
 * The building's stops on the campaign's runs are delivered with its drop; a run is started by its
 * first delivered stop and done with its last, as a parcel run is.
 */
export async function markRunStopsDelivered(
  tx: Executor,
  communityId: string,
  groupBuyId: string,
  buildingId: string,
  at: Date,
  by: string,
) {
  const campaignRuns = tx
    .select({ id: deliveryRuns.id })
    .from(deliveryRuns)
    .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.groupBuyId, groupBuyId)));
  const touched = await tx
    .update(deliveryRunStops)
    .set({ deliveredAt: at, deliveredBy: by })
    .where(
      and(
        eq(deliveryRunStops.communityId, communityId),
        eq(deliveryRunStops.buildingId, buildingId),
        isNull(deliveryRunStops.deliveredAt),
        inArray(deliveryRunStops.runId, campaignRuns),
      ),
    )
    .returning({ runId: deliveryRunStops.runId });
  for (const runId of new Set(touched.map((t) => t.runId))) {
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(deliveryRunStops)
      .where(
        and(
          eq(deliveryRunStops.communityId, communityId),
          eq(deliveryRunStops.runId, runId),
          isNull(deliveryRunStops.deliveredAt),
        ),
      );
    const done = (left?.n ?? 0) === 0;
    await tx
      .update(deliveryRuns)
      .set({
        status: done ? 'done' : 'started',
        startedAt: sql`coalesce(${deliveryRuns.startedAt}, ${at.toISOString()}::timestamptz)`,
        ...(done ? { finishedAt: at } : {}),
      })
      .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.id, runId)));
  }
}

/** Approved volunteers of the community among `ids`: who may ride a group buy's run. */
export async function approvedVolunteers(db: Executor, communityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(
      and(
        eq(volunteers.communityId, communityId),
        inArray(volunteers.id, ids),
        eq(volunteers.status, 'approved'),
      ),
    );
}
