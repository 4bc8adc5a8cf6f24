import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveryRunStops, deliveryRuns, parcels, volunteers } from '../../db/schema/index.ts';

// The writes of planning, moving and confirming delivery runs; the reads are in delivery-plan.repository.ts.
type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export type NewRun = typeof deliveryRuns.$inferInsert;

export async function insertRuns(
  tx: Executor,
  runs: NewRun[],
  stops: (typeof deliveryRunStops.$inferInsert)[],
) {
  if (runs.length > 0) await tx.insert(deliveryRuns).values(runs);
  if (stops.length > 0) await tx.insert(deliveryRunStops).values(stops);
}

export async function updateRun(
  tx: Executor,
  communityId: string,
  runId: string,
  set: Partial<Pick<NewRun, 'seq' | 'trip' | 'status' | 'load' | 'distanceM' | 'estimatedSeconds'>>,
) {
  await tx
    .update(deliveryRuns)
    .set(set)
    .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.id, runId)));
}

/** A run and (by cascade) its stops. */
export async function deleteRun(tx: Executor, communityId: string, runId: string) {
  await tx
    .delete(deliveryRuns)
    .where(and(eq(deliveryRuns.communityId, communityId), eq(deliveryRuns.id, runId)));
}

/** Parcel drafts of the community nobody confirmed: a new plan replaces them (their stops go with them). */
export async function deleteDrafts(tx: Executor, communityId: string) {
  await tx
    .delete(deliveryRuns)
    .where(
      and(
        eq(deliveryRuns.communityId, communityId),
        eq(deliveryRuns.status, 'planned'),
        isNull(deliveryRuns.groupBuyId),
      ),
    );
}

/** Replaces a run's stops by these, in this order. */
export async function replaceStops(
  tx: Executor,
  communityId: string,
  runId: string,
  stops: { buildingId: string; parcels: number }[],
) {
  await tx
    .delete(deliveryRunStops)
    .where(and(eq(deliveryRunStops.communityId, communityId), eq(deliveryRunStops.runId, runId)));
  if (stops.length === 0) return;
  await tx
    .insert(deliveryRunStops)
    .values(stops.map((s, seq) => ({ communityId, runId, seq: seq + 1, ...s })));
}

/** Puts these (locked, waiting) parcels on a confirmed run. */
export async function attachParcels(tx: Executor, communityId: string, runId: string, parcelIds: string[]) {
  for (let i = 0; i < parcelIds.length; i += 1000) {
    await tx
      .update(parcels)
      .set({ status: 'on_run', runId })
      .where(and(eq(parcels.communityId, communityId), inArray(parcels.id, parcelIds.slice(i, i + 1000))));
  }
}

/** The accounts of some volunteers (riders), by volunteer id. */
export async function riderAccounts(db: Pick<Db, 'select'>, communityId: string, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: volunteers.id, accountId: volunteers.accountId })
    .from(volunteers)
    .where(and(eq(volunteers.communityId, communityId), inArray(volunteers.id, volunteerIds)));
  return new Map(rows.flatMap((r) => (r.accountId ? [[r.id, r.accountId] as const] : [])));
}
