import { SHIFT_CANCELLED } from '../../../shared/api/live-events.ts';
import type { TCancelShift } from '../../../shared/api/shift-templates.ts';
import { ZCancelShift } from '../../../shared/api/shift-templates.ts';
import { sqlState } from '../../db/errors.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import * as cancelRepo from './cancel-shift.repository.ts';
import { publishShiftPlaces } from './live-places.ts';
import { notifyShiftVolunteers } from './shift-notices.ts';
import { shiftActions } from './shifts.policy.ts';
import * as repo from './shifts.repository.ts';
import { authorizeGroup, shiftsByIds } from './shifts.service.ts';

// A deadlock with a volunteer giving a place back at the same instant is resolved by PostgreSQL
// aborting one side; cancelling simply tries again.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Cancels a shift before it ends: every sign-up and waitlist place is cancelled, the places are
 * released, and each volunteer concerned is told, all in one transaction.
 */
export async function cancelShift(deps: AppDeps, actor: Actor, shiftId: string, input: TCancelShift = {}) {
  authorize(actor, shiftActions['shifts.manage']);
  const { reason } = ZCancelShift.parse(input);
  const communityId = actor.communityId!;
  const [row] = await repo.listShiftRows(deps.db, communityId, { ids: [shiftId], limit: 1 });
  if (!row) throw notFound('shift');
  const role = await authorizeGroup(deps, actor, row.shift.groupId);
  if (row.shift.status === 'cancelled') throw new AppError('SHIFT_CANCELLED');
  const now = deps.clock.now();
  if (now >= row.shift.endsAt) throw new AppError('SHIFT_ENDED');
  const title = repo.shiftTitle(row);

  const cancel = () =>
    deps.db.transaction(async (tx) => {
      await cancelRepo.lockRoles(tx, communityId, shiftId);
      if (!(await cancelRepo.markCancelled(tx, communityId, shiftId))) throw new AppError('SHIFT_CANCELLED');
      const signups = await cancelRepo.cancelLiveSignups(tx, communityId, shiftId, now);
      await cancelRepo.releasePlaces(tx, communityId, shiftId);
      const volunteerIds = [...new Set(signups.map((s) => s.volunteerId))];
      await notifyShiftVolunteers(tx, {
        communityId,
        volunteerIds,
        kind: reason ? 'shift.cancelled_reason' : 'shift.cancelled',
        shift: row,
        now,
        params: reason ? { reason } : {},
      });
      // Open shifts pages show the places freed and the shift called off without reloading.
      await publishShiftPlaces(tx, communityId, shiftId);
      await publishLive(tx, {
        communityId,
        type: SHIFT_CANCELLED,
        data: { shiftId, groupId: row.shift.groupId },
      });
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: reason ? 'shift.cancel_reason' : 'shift.cancel',
        targetType: 'shift',
        targetId: shiftId,
        params: { title, told: volunteerIds.length, ...(reason ? { reason } : {}) },
      });
      return volunteerIds.length;
    });

  let told = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      told = await cancel();
      break;
    } catch (err) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlState(err) ?? '')) throw err;
    }
  }
  return { shift: (await shiftsByIds(deps, actor, [shiftId]))[0]!, told };
}
