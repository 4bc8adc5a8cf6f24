import { and, eq, ne, sql } from 'drizzle-orm';
import { capReached, findOverlap, signupWindow } from '../../../domain/shifts/rules.ts';
import type { TSignUp, TSignup } from '../../../shared/api/shifts.ts';
import { ZSignUp } from '../../../shared/api/shifts.ts';
import { sqlRefusal } from '../../db/errors.ts';
import { selectTogether } from '../../db/one-message.ts';
import { shiftRoles, shiftSignups } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { shiftStillOpen } from './cancel-shift.repository.ts';
import { recordDrawRequest } from './draw-requests.ts';
import { publishShiftPlaces } from './live-places.ts';
import { notifyShiftVolunteers } from './shift-notices.ts';
import { shiftActions } from './shifts.policy.ts';
import * as repo from './shifts.repository.ts';
import { presentShift } from './shifts.service.ts';
import { gateMemory, type PlacesSeen } from './signup-gate.ts';
import { placeSignup } from './signup-place.ts';

async function approvedVolunteer(deps: AppDeps, actor: Actor) {
  const v = await repo.volunteerOf(deps.db, actor.communityId!, actor.account.id);
  if (v?.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED');
  return v;
}

/**
 * Signs the caller up for a role of a shift, or onto its waitlist when asked. All checks and the
 * conditional take of a place run in one transaction; a retry with the same key gets the first answer.
 */
export async function signUpForShift(
  deps: AppDeps,
  actor: Actor,
  shiftId: string,
  input: TSignUp,
  key?: string,
) {
  authorize(actor, shiftActions['shifts.signup']);
  const { role: wanted, waitlist } = ZSignUp.parse(input);
  const communityId = actor.communityId!;
  const scope = { communityId, accountId: actor.account.id, key, operation: `signUpForShift:${shiftId}` };
  // What this sign-up learnt of the places, for the gate to refuse the next ones without a transaction.
  let committedPlaces: Promise<PlacesSeen> | undefined;
  let chosenRole: { role: string; capacity: number } | undefined;
  const signingUp = idempotent<TSignup>(
    deps.db,
    scope,
    async (tx, keepAnswer, finishWith) => {
      // The lock on the volunteer's row (one person's requests in turn) and the reads go in one message.
      const ask = { communityId, accountId: actor.account.id, shiftId };
      const reads = repo.signupReads;
      const [[volunteer], [context], roles, live] = await selectTogether(tx, deps.dbKind, [
        reads.lockedVolunteer.with(tx, ask),
        reads.context.with(tx, ask),
        reads.roles.with(tx, ask),
        reads.live.with(tx, ask),
      ]);
      if (volunteer?.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED');
      if (!context) throw notFound('shift');
      const { shift, timeZone } = context;
      if (shift.status === 'cancelled') throw new AppError('SHIFT_CANCELLED');
      if (!context.inGroup) throw new AppError('NOT_IN_GROUP');
      const now = deps.clock.now();
      const window = signupWindow(now, shift.signupOpensAt, shift.signupClosesAt);
      if (window === 'not_open') {
        throw new AppError('SIGNUP_NOT_OPEN', { opensAt: shift.signupOpensAt.toISOString(), timeZone });
      }
      if (window === 'closed') throw new AppError('SIGNUP_CLOSED');
      const role = wanted ?? (roles.find((r) => r.taken < r.capacity) ?? roles[0])!.role;
      const chosen = roles.find((r) => r.role === role);
      if (!chosen) throw new AppError('UNKNOWN_ROLE', { role });
      chosenRole = chosen;
      // A full shift is answered before the costlier checks: in a stampede that is nearly every request.
      // The conditional take below stays the guard; this read only saves work.
      if (chosen.taken >= chosen.capacity && !waitlist && shift.mode !== 'draw') {
        gateMemory.rememberPlaces(communityId, shiftId, roles);
        throw new AppError('SHIFT_FULL');
      }
      if (live.some((l) => l.shift.id === shiftId)) throw new AppError('ALREADY_SIGNED_UP');
      const clash = live.find((l) => findOverlap([l.shift], shift));
      if (clash) {
        throw new AppError('SHIFT_OVERLAP', {
          title: repo.shiftTitle(clash),
          time: clash.shift.startsAt.toISOString(),
          timeZone,
        });
      }
      const caps = { perDay: context.maxShiftsPerDay, perWeek: context.maxShiftsPerWeek };
      const sameGroup = live.filter((l) => l.shift.groupId === shift.groupId).map((l) => l.shift.startsAt);
      const cap = capReached(sameGroup, shift.startsAt, caps, timeZone);
      if (cap) {
        throw new AppError('CAP_REACHED', {
          period: cap,
          limit: (cap === 'day' ? caps.perDay : caps.perWeek) ?? 0,
        });
      }
      if (shift.mode === 'draw') {
        // No place is taken now: the request waits for the draw at the window's close.
        const title = repo.shiftTitle(context);
        if (!(await shiftStillOpen(tx, communityId, shiftId))) throw new AppError('SHIFT_CANCELLED');
        return recordDrawRequest(tx, actor, {
          communityId,
          shiftId,
          role,
          volunteerId: volunteer.id,
          title,
          now,
        });
      }
      const placed = await placeSignup(tx, {
        actor,
        communityId,
        shiftId,
        role,
        volunteerId: volunteer.id,
        waitlist: Boolean(waitlist),
        title: repo.shiftTitle(context),
        now,
        keepAnswer,
        finishWith,
        dbKind: deps.dbKind,
      });
      if (placed.places) committedPlaces = placed.places;
      return {
        status: 201,
        body: { id: placed.id, shiftId, role, status: placed.status, position: placed.position },
      };
    },
    // A retry mostly meets the gate's memory of its answer; the rest find their key in the run.
    { lookFirst: false },
  );
  const answer = await signingUp.catch(async (err) => {
    // The take found the role full: that is the committed state, for the gate to refuse the next ones.
    // A SHIFT_FULL replayed from an earlier answer to the key says nothing about the places now.
    const takeRefusal = await committedPlaces?.then(() => undefined, sqlRefusal);
    if (takeRefusal === 'SHIFT_FULL' && chosenRole)
      gateMemory.rememberPlaces(communityId, shiftId, [{ ...chosenRole, taken: chosenRole.capacity }]);
    throw err;
  });
  // A retry that raced this request may have answered instead; then there is nothing to remember.
  const places = await committedPlaces?.catch(() => undefined);
  if (places) gateMemory.rememberPlaces(communityId, shiftId, places);
  return answer;
}

/** Gives a place back before the cut-off; the first on the waitlist moves up. */
export async function cancelSignup(deps: AppDeps, actor: Actor, signupId: string) {
  authorize(actor, shiftActions['shifts.signup']);
  const communityId = actor.communityId!;
  const volunteer = await approvedVolunteer(deps, actor);
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(shiftSignups)
      .where(
        and(
          eq(shiftSignups.communityId, communityId),
          eq(shiftSignups.id, signupId),
          eq(shiftSignups.volunteerId, volunteer.id),
          ne(shiftSignups.status, 'cancelled'),
        ),
      )
      .for('update');
    if (!current) throw notFound('signup');
    const [row] = await repo.listShiftRows(tx as never, communityId, { ids: [current.shiftId], limit: 1 });
    const shift = row!.shift;
    const now = deps.clock.now();
    // A draw request can be withdrawn while requests are open; after that the draw owns it.
    if (current.status === 'requested') {
      if (now.getTime() >= shift.signupClosesAt.getTime()) throw new AppError('SIGNUP_CLOSED');
    } else if (now.getTime() > shift.startsAt.getTime() - shift.cancelCutoffMinutes * 60_000) {
      throw new AppError('CANCEL_TOO_LATE', { minutes: shift.cancelCutoffMinutes });
    }
    await tx
      .update(shiftSignups)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(shiftSignups.communityId, communityId), eq(shiftSignups.id, signupId)));
    if (current.status === 'confirmed') {
      const promoted = await repo.promoteWaitlisted(tx, communityId, current.shiftId, current.role, 1);
      const volunteerIds = promoted.map((p) => p.volunteer_id);
      await notifyShiftVolunteers(tx, {
        communityId,
        volunteerIds,
        kind: 'shift.promoted',
        shift: row!,
        now,
      });
      if (promoted.length === 0) {
        await tx
          .update(shiftRoles)
          .set({ taken: sql`${shiftRoles.taken} - 1` })
          .where(
            and(
              eq(shiftRoles.communityId, communityId),
              eq(shiftRoles.shiftId, current.shiftId),
              eq(shiftRoles.role, current.role),
            ),
          );
      }
    }
    await publishShiftPlaces(tx, communityId, current.shiftId, [current.role]);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: 'volunteer',
      action: 'shift.cancel_signup',
      targetType: 'shift',
      targetId: current.shiftId,
      params: { title: repo.shiftTitle(row!) },
    });
  });
}

export async function listMySignups(deps: AppDeps, actor: Actor) {
  authorize(actor, shiftActions['shifts.signup']);
  const communityId = actor.communityId!;
  const volunteer = await repo.volunteerOf(deps.db, communityId, actor.account.id);
  if (!volunteer) return { items: [] };
  const live = await repo.liveSignupsOf(deps.db, communityId, volunteer.id);
  const ids = live.map((l) => l.shift.id);
  const rows = await repo.listShiftRows(deps.db, communityId, { ids, limit: ids.length || 1 });
  const roles = await repo.rolesOf(deps.db, communityId, ids);
  const items = [];
  for (const { signup } of live) {
    const row = rows.find((r) => r.shift.id === signup.shiftId)!;
    const { mine: _, ...shift } = presentShift(row, roles, null);
    const position =
      signup.status === 'waitlisted' ? await repo.waitlistPosition(deps.db, communityId, signup.id) : null;
    items.push({
      id: signup.id,
      shiftId: signup.shiftId,
      role: signup.role,
      status: signup.status as TSignup['status'],
      position,
      shift,
    });
  }
  return { items };
}
