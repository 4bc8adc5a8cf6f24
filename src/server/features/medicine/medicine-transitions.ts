import { and, eq } from 'drizzle-orm';
import { MEDICINE_REQUESTS } from '../../../shared/api/medicine.ts';
import { medicineRequestEvents, medicineRequests } from '../../db/schema/index.ts';
import { publishLive } from '../../platform/live-events.ts';
import type { Executor } from './medicine-requests.repository.ts';

type RequestChanges = Partial<typeof medicineRequests.$inferInsert>;

/**
 * Moves a request from one status to another inside the caller's transaction, with its history row
 * and a live event. The UPDATE is conditional on the status the caller read, so of two moves at once
 * only one applies: the other gets undefined back and must refuse (or re-read). Used by the status
 * endpoint and by assignment (M3), so every move leaves the same traces.
 */
export async function moveRequestStatus(
  tx: Executor,
  move: {
    communityId: string;
    requestId: string;
    from: string;
    to: string;
    by: string | null;
    reason?: string | null;
    now: Date;
    /** other columns to set with the move (assigned_to, delivered_at, …) */
    set?: RequestChanges;
  },
) {
  const [row] = await tx
    .update(medicineRequests)
    .set({ ...move.set, status: move.to, updatedAt: move.now })
    .where(
      and(
        eq(medicineRequests.communityId, move.communityId),
        eq(medicineRequests.id, move.requestId),
        eq(medicineRequests.status, move.from),
      ),
    )
    .returning();
  if (!row) return undefined;
  await recordRequestEvent(tx, { ...move, from: move.from });
  await publishMedicineChange(tx, move.communityId, move.requestId, move.to);
  return row;
}

export async function recordRequestEvent(
  tx: Pick<Executor, 'insert'>,
  e: {
    communityId: string;
    requestId: string;
    from: string | null;
    to: string;
    by: string | null;
    reason?: string | null;
    now: Date;
  },
) {
  await tx.insert(medicineRequestEvents).values({
    communityId: e.communityId,
    requestId: e.requestId,
    fromStatus: e.from,
    toStatus: e.to,
    reason: e.reason ?? null,
    at: e.now,
    by: e.by,
  });
}

/** Tells the browsers of the community that a request changed (no medical details in the event). */
export async function publishMedicineChange(
  tx: Pick<Executor, 'execute'>,
  communityId: string,
  requestId: string,
  status: string,
) {
  await publishLive(tx, { communityId, type: MEDICINE_REQUESTS, data: { requestId, status } });
}
