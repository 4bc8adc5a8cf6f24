import {
  checkInOpensAt,
  checkInWindow,
  checkOutClosesAt,
  workedMinutes,
} from '../../../domain/shifts/attendance.ts';
import {
  CHECK_IN_OPENS_MINUTES_BEFORE,
  CHECK_OUT_GRACE_MINUTES,
  type TAttendanceAction,
  type TNoShowAction,
  type TRosterEntry,
  type TShiftRoster,
  ZAttendanceAction,
  ZNoShowAction,
} from '../../../shared/api/attendance.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { attendanceActions } from './attendance.policy.ts';
import * as attendance from './attendance.repository.ts';
import * as repo from './shifts.repository.ts';
import { presentShift } from './shifts.service.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ShiftRow = Awaited<ReturnType<typeof repo.listShiftRows>>[number];
type SignupRow = NonNullable<Awaited<ReturnType<typeof attendance.lockSignup>>>['signup'];

async function loadShift(deps: AppDeps, communityId: string, shiftId: string) {
  const [row] = await repo.listShiftRows(deps.db, communityId, { ids: [shiftId], limit: 1 });
  if (!row) throw notFound('shift');
  return row;
}

/** Coordinators (and, to look, committee staff) run every group's shifts; a leader only their groups'. */
async function leadsGroup(deps: AppDeps, actor: Actor, groupId: string) {
  if (actor.roles.includes('coordinator')) return true;
  const volunteer = await repo.volunteerOf(deps.db, actor.communityId!, actor.account.id);
  if (!volunteer) return false;
  const groups = await repo.groupsOfVolunteer(deps.db, actor.communityId!, volunteer.id);
  return groups.some((g) => g.groupId === groupId && g.leader);
}

function presentEntry(
  row: { signup: SignupRow; name: string; mobile: string | null; position?: number | null },
  shift: ShiftRow['shift'],
  now: Date,
): TRosterEntry {
  const s = row.signup;
  return {
    signupId: s.id,
    volunteerId: s.volunteerId,
    name: row.name,
    mobile: row.mobile,
    role: s.role,
    status: s.status as TRosterEntry['status'],
    position: row.position ?? null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    noShow: s.noShow,
    minutes: workedMinutes(s, shift, now),
  };
}

/** The shift's sign-ups with who they are and where they stand today. */
export async function listShiftRoster(deps: AppDeps, actor: Actor, shiftId: string): Promise<TShiftRoster> {
  authorize(actor, attendanceActions['attendance.roster']);
  const communityId = actor.communityId!;
  const row = await loadShift(deps, communityId, shiftId);
  const manages = await leadsGroup(deps, actor, row.shift.groupId);
  if (!manages && !actor.roles.includes('staff')) throw new AppError('FORBIDDEN');
  const now = deps.clock.now();
  const roles = await repo.rolesOf(deps.db, communityId, [shiftId]);
  const { mine: _, ...shift } = presentShift(row, roles, null);
  const entries = await attendance.rosterOfShift(deps.db, communityId, shiftId);
  return {
    shift,
    now: now.toISOString(),
    checkInOpensAt: checkInOpensAt(row.shift, CHECK_IN_OPENS_MINUTES_BEFORE).toISOString(),
    checkOutClosesAt: checkOutClosesAt(row.shift, CHECK_OUT_GRACE_MINUTES).toISOString(),
    canManage: manages,
    items: entries.map((e) => presentEntry(e, row.shift, now)),
  };
}

type Change = 'check_in' | 'check_out' | 'no_show';

/**
 * Runs one change of a sign-up's attendance: authorize, find the sign-up (by id or badge) under a
 * row lock, apply the rule for the change, write, audit and tell open roster pages, all in one
 * transaction. A refused change writes nothing.
 */
async function changeAttendance(
  deps: AppDeps,
  actor: Actor,
  shiftId: string,
  who: { signupId?: string; badgeToken?: string },
  change: Change,
  undo: boolean,
): Promise<TRosterEntry> {
  const role = authorize(actor, attendanceActions['attendance.manage']);
  const communityId = actor.communityId!;
  const row = await loadShift(deps, communityId, shiftId);
  if (!(await leadsGroup(deps, actor, row.shift.groupId))) throw new AppError('FORBIDDEN');
  const timeZone = await attendance.timeZoneOf(deps.db, communityId);
  const title = repo.shiftTitle(row);
  return deps.db.transaction(async (tx) => {
    const found = await findSignup(tx, communityId, shiftId, who);
    const now = deps.clock.now();
    const set = applyRule(change, undo, found, row.shift, now, timeZone, actor.account.id);
    if (set) {
      await attendance.updateAttendance(tx, communityId, found.signup.id, set);
      await record(tx, { communityId, actor, role, shiftId, title, name: found.name }, change, undo);
    }
    const [fresh] = (await attendance.rosterOfShift(tx, communityId, shiftId)).filter(
      (e) => e.signup.id === found.signup.id,
    );
    return presentEntry(fresh!, row.shift, now);
  });
}

async function findSignup(
  tx: Tx,
  communityId: string,
  shiftId: string,
  who: { signupId?: string; badgeToken?: string },
) {
  if (who.signupId) {
    const found = await attendance.lockSignup(tx, communityId, shiftId, { signupId: who.signupId });
    if (!found) throw notFound('signup');
    return found;
  }
  // A badge of another community, or no badge at all, is unknown here: nothing about it is told.
  const volunteer = await attendance.volunteerByBadge(tx, communityId, who.badgeToken!);
  if (!volunteer) throw new AppError('BADGE_UNKNOWN');
  const found = await attendance.lockSignup(tx, communityId, shiftId, { volunteerId: volunteer.id });
  if (!found) throw new AppError('BADGE_NOT_ON_SHIFT', { name: volunteer.name });
  return found;
}

/** What the change sets, null when there is nothing to do (an undo of what is not there), or why not. */
function applyRule(
  change: Change,
  undo: boolean,
  found: { signup: SignupRow; name: string },
  shift: ShiftRow['shift'],
  now: Date,
  timeZone: string,
  by: string,
): Parameters<typeof attendance.updateAttendance>[3] | null {
  const s = found.signup;
  const name = found.name;
  if (undo) {
    if (change === 'check_in') {
      return s.checkedInAt ? { checkedInAt: null, checkedOutAt: null, checkedInBy: null } : null;
    }
    if (change === 'check_out') return s.checkedOutAt ? { checkedOutAt: null } : null;
    return s.noShow ? { noShow: false } : null;
  }
  if (shift.status === 'cancelled') throw new AppError('SHIFT_CANCELLED');
  if (s.status !== 'confirmed') throw new AppError('SIGNUP_NOT_CONFIRMED', { name });
  if (change === 'check_in') {
    if (s.noShow) throw new AppError('MARKED_NO_SHOW', { name });
    if (s.checkedInAt) {
      throw new AppError('ALREADY_CHECKED_IN', { name, time: s.checkedInAt.toISOString(), timeZone });
    }
    const window = checkInWindow(now, shift, CHECK_IN_OPENS_MINUTES_BEFORE);
    if (window === 'early') {
      throw new AppError('CHECK_IN_NOT_OPEN', {
        opensAt: checkInOpensAt(shift, CHECK_IN_OPENS_MINUTES_BEFORE).toISOString(),
        timeZone,
        minutes: CHECK_IN_OPENS_MINUTES_BEFORE,
      });
    }
    if (window === 'closed') throw new AppError('CHECK_IN_CLOSED');
    return { checkedInAt: now, checkedInBy: by };
  }
  if (change === 'check_out') {
    if (!s.checkedInAt) throw new AppError('NOT_CHECKED_IN', { name });
    if (s.checkedOutAt) {
      throw new AppError('ALREADY_CHECKED_OUT', { name, time: s.checkedOutAt.toISOString(), timeZone });
    }
    if (now > checkOutClosesAt(shift, CHECK_OUT_GRACE_MINUTES)) {
      throw new AppError('CHECK_OUT_CLOSED', { minutes: CHECK_OUT_GRACE_MINUTES });
    }
    return { checkedOutAt: now };
  }
  if (s.checkedInAt) {
    throw new AppError('ALREADY_CHECKED_IN', { name, time: s.checkedInAt.toISOString(), timeZone });
  }
  if (now < shift.startsAt) throw new AppError('NO_SHOW_TOO_EARLY');
  return s.noShow ? null : { noShow: true };
}

async function record(
  tx: Tx,
  c: { communityId: string; actor: Actor; role: PolicyRole; shiftId: string; title: string; name: string },
  change: Change,
  undo: boolean,
) {
  await audit(tx, {
    communityId: c.communityId,
    account: c.actor.account,
    role: c.role,
    action: `shift.${change}${undo ? '_undo' : ''}`,
    targetType: 'shift',
    targetId: c.shiftId,
    params: { title: c.title, name: c.name },
  });
  // Every open roster page of this shift refreshes (another leader may be checking people in too).
  await publishLive(tx, {
    communityId: c.communityId,
    type: 'shift.attendance',
    data: { shiftId: c.shiftId },
  });
}

export async function checkIn(deps: AppDeps, actor: Actor, shiftId: string, input: TAttendanceAction) {
  const { undo, ...who } = ZAttendanceAction.parse(input);
  return changeAttendance(deps, actor, shiftId, who, 'check_in', undo);
}

export async function checkOut(deps: AppDeps, actor: Actor, shiftId: string, input: TAttendanceAction) {
  const { undo, ...who } = ZAttendanceAction.parse(input);
  return changeAttendance(deps, actor, shiftId, who, 'check_out', undo);
}

export async function markNoShow(deps: AppDeps, actor: Actor, shiftId: string, input: TNoShowAction) {
  const { undo, signupId } = ZNoShowAction.parse(input);
  return changeAttendance(deps, actor, shiftId, { signupId }, 'no_show', undo);
}
