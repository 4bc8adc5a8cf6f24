import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shiftRoles, shiftSignups, shifts } from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'update'>;

/**
 * Locks a shift's roles. Taken first, in the order sign-ups and capacity changes take their locks,
 * so cancelling never deadlocks with them.
 */
export async function lockRoles(db: Executor, communityId: string, shiftId: string) {
  return db
    .select()
    .from(shiftRoles)
    .where(and(eq(shiftRoles.communityId, communityId), eq(shiftRoles.shiftId, shiftId)))
    .orderBy(shiftRoles.sort)
    .for('update');
}

/** False when the shift was already cancelled (by someone a moment earlier). */
export async function markCancelled(db: Executor, communityId: string, shiftId: string) {
  const rows = await db
    .update(shifts)
    .set({ status: 'cancelled' })
    .where(and(eq(shifts.communityId, communityId), eq(shifts.id, shiftId), ne(shifts.status, 'cancelled')))
    .returning({ id: shifts.id });
  return rows.length > 0;
}

/** Cancels every live sign-up (confirmed, waitlisted, draw entries); returns whose they were. */
export async function cancelLiveSignups(db: Executor, communityId: string, shiftId: string, at: Date) {
  return db
    .update(shiftSignups)
    .set({ status: 'cancelled', cancelledAt: at })
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        eq(shiftSignups.shiftId, shiftId),
        ne(shiftSignups.status, 'cancelled'),
      ),
    )
    .returning({ volunteerId: shiftSignups.volunteerId, status: shiftSignups.status });
}

export async function releasePlaces(db: Executor, communityId: string, shiftId: string) {
  await db
    .update(shiftRoles)
    .set({ taken: 0 })
    .where(and(eq(shiftRoles.communityId, communityId), eq(shiftRoles.shiftId, shiftId)));
}

/**
 * Whether a shift is still open, read under a share lock: a sign-up asks this last, so that it either
 * waits for a cancellation in progress and sees it, or holds the cancellation back until it is
 * committed and then gets cancelled with the rest.
 */
export async function shiftStillOpen(db: Executor, communityId: string, shiftId: string) {
  const [row] = await db
    .select({ status: shifts.status })
    .from(shifts)
    .where(and(eq(shifts.communityId, communityId), eq(shifts.id, shiftId)))
    .for('share');
  return row?.status !== 'cancelled';
}
