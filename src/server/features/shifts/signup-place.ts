import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TSignup } from '../../../shared/api/shifts.ts';
import type { Db } from '../../db/client.ts';
import { shiftSignups } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { FinishWith, KeepEarly } from '../../platform/idempotency.ts';
import { shiftStillOpen } from './cancel-shift.repository.ts';
import { publishShiftPlaces, takePlaceAndPublish, takePlaceOrRefuse } from './live-places.ts';
import * as repo from './shifts.repository.ts';
import type { PlacesSeen } from './signup-gate.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface PlaceRequest {
  actor: Actor;
  communityId: string;
  shiftId: string;
  role: string;
  volunteerId: string;
  waitlist: boolean;
  title: string;
  now: Date;
  keepEarly: KeepEarly<TSignup>;
  finishWith: FinishWith;
}

/**
 * The end of a first-come sign-up: a place taken, or a waitlist entry when asked for. The row of the
 * role's places is a queue for everyone in a rush, so the writes that do not depend on the outcome
 * come before it is locked. A plain sign-up then ends with the take itself, the commit queued right
 * behind it (FinishWith): a full role or a cancelled shift is refused by that statement, and the
 * caller learns it, or the places it left, once the transaction is over (`places`).
 */
export async function placeSignup(tx: Tx, r: PlaceRequest) {
  const { communityId, shiftId, role } = r;
  // Named here, so that what depends on the id need not wait for the insert's answer.
  const id = randomUUID();
  const inserting = tx
    .insert(shiftSignups)
    .values({
      id,
      communityId,
      shiftId,
      role,
      volunteerId: r.volunteerId,
      status: 'confirmed',
      createdAt: r.now,
    });
  const record = (action: 'shift.signup' | 'shift.waitlist') =>
    audit(tx, {
      communityId,
      account: r.actor.account,
      role: 'volunteer',
      action,
      targetType: 'shift',
      targetId: shiftId,
      params: { title: r.title, role },
    });
  if (!r.waitlist) {
    // Sent one behind the other without waiting for answers: the connection runs them in order, and
    // the take, with the commit queued behind it, comes last so that the role's row is locked briefly.
    const writes = Promise.all([
      inserting.then((rows) => rows),
      record('shift.signup'),
      r.keepEarly({ status: 201, body: { id, shiftId, role, status: 'confirmed', position: null } }),
    ]);
    const taking = takePlaceOrRefuse(tx, communityId, shiftId, role);
    r.finishWith(Promise.all([writes, taking]));
    return { id, status: 'confirmed' as const, position: null, places: taking };
  }
  await inserting;
  const took = await takePlaceAndPublish(tx, communityId, shiftId, role);
  if (took?.shiftCancelled) throw new AppError('SHIFT_CANCELLED');
  const places: PlacesSeen | null = took?.places ?? null;
  const confirmed = places !== null;
  if (!confirmed) {
    await tx
      .update(shiftSignups)
      .set({ status: 'waitlisted' })
      .where(and(eq(shiftSignups.communityId, communityId), eq(shiftSignups.id, id)));
    // A place taken was checked against a cancellation in the same statement; a waitlist entry is
    // checked here, in the same lock order as the cancellation's (cancel-shift.repository.ts).
    if (!(await shiftStillOpen(tx, communityId, shiftId))) throw new AppError('SHIFT_CANCELLED');
  }
  await record(confirmed ? 'shift.signup' : 'shift.waitlist');
  if (!confirmed) await publishShiftPlaces(tx, communityId, shiftId, [role], { placeTaken: true });
  const position = confirmed ? null : await repo.waitlistPosition(tx, communityId, id);
  return {
    id: id,
    status: (confirmed ? 'confirmed' : 'waitlisted') as 'confirmed' | 'waitlisted',
    position,
    places: places ? Promise.resolve(places) : null,
  };
}
