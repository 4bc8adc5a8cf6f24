import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TSignup } from '../../../shared/api/shifts.ts';
import type { Db, DbKind } from '../../db/client.ts';
import { sendAsLast } from '../../db/one-message.ts';
import { auditLog, shiftSignups } from '../../db/schema/index.ts';
import { insertRow } from '../../db/statement-shapes.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit, auditRow } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { FinishWith, KeepAnswer } from '../../platform/idempotency.ts';
import { shiftStillOpen } from './cancel-shift.repository.ts';
import { placesTaken, publishShiftPlaces, takePlaceAndPublish, takePlaceOrRefuse } from './live-places.ts';
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
  keepAnswer: KeepAnswer<TSignup>;
  dbKind: DbKind;
  finishWith: FinishWith;
}

/**
 * The end of a first-come sign-up: a place taken, or a waitlist entry when asked for. The row of the
 * role's places is a queue for everyone in a rush, so the writes that do not depend on the outcome
 * come before it is locked. A plain sign-up sends them with the take and the commit as its last
 * message (FinishWith): a full role or a cancelled shift is refused by the take, and the caller learns
 * it, or the places it left, once the transaction is over (`places`).
 */
export async function placeSignup(tx: Tx, r: PlaceRequest) {
  const { communityId, shiftId, role } = r;
  // Named here, so that what depends on the id need not wait for the insert's answer.
  const id = randomUUID();
  const inserting = insertRow(tx, shiftSignups, {
    id,
    communityId,
    shiftId,
    role,
    volunteerId: r.volunteerId,
    status: 'confirmed',
    createdAt: r.now,
  });
  const auditRecord = (action: 'shift.signup' | 'shift.waitlist') => ({
    communityId,
    account: r.actor.account,
    role: 'volunteer' as const,
    action,
    targetType: 'shift',
    targetId: shiftId,
    params: { title: r.title, role },
  });
  if (!r.waitlist) {
    // The writes go in one message with the take and the commit: one wait on a busy server, and the
    // role's row locked only while the database works.
    const kept = r.keepAnswer({
      status: 201,
      body: { id, shiftId, role, status: 'confirmed', position: null },
    });
    const writes = [inserting, insertRow(tx, auditLog, auditRow(auditRecord('shift.signup')))];
    const results = sendAsLast(tx, r.dbKind, [
      ...writes,
      ...(kept ? [kept] : []),
      takePlaceOrRefuse.with({ communityId, shiftId, role }),
    ]);
    r.finishWith(results);
    const places = results.then((all) => placesTaken(all.at(-1)!));
    // Read after the transaction, by which time a refusal has long been thrown here.
    places.catch(() => {});
    return { id, status: 'confirmed' as const, position: null, places };
  }
  await tx.execute(inserting.getSQL());
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
  await audit(tx, auditRecord(confirmed ? 'shift.signup' : 'shift.waitlist'));
  if (!confirmed) await publishShiftPlaces(tx, communityId, shiftId, [role], { placeTaken: true });
  const position = confirmed ? null : await repo.waitlistPosition(tx, communityId, id);
  return {
    id: id,
    status: (confirmed ? 'confirmed' : 'waitlisted') as 'confirmed' | 'waitlisted',
    position,
    places: places ? Promise.resolve(places) : null,
  };
}
