import { and, eq } from 'drizzle-orm';
import { promotable } from '../../../domain/shifts/rules.ts';
import type { TCreateShift, TShift, TShiftQuery } from '../../../shared/api/shifts.ts';
import { ZCreateShift } from '../../../shared/api/shifts.ts';
import { shiftRoles, shiftSignups, shifts } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishShiftPlaces } from './live-places.ts';
import { notifyShiftVolunteers } from './shift-notices.ts';
import { shiftActions } from './shifts.policy.ts';
import * as repo from './shifts.repository.ts';

type ShiftRow = Awaited<ReturnType<typeof repo.listShiftRows>>[number];
type RoleRow = Awaited<ReturnType<typeof repo.rolesOf>>[number];
type Mine = TShift['mine'];

export function presentShift(row: ShiftRow, roles: RoleRow[], mine: Mine): TShift {
  const s = row.shift;
  return {
    id: s.id,
    groupId: s.groupId,
    groupName: row.groupName,
    groupKey: row.groupKey,
    title: repo.shiftTitle(row),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    signupOpensAt: s.signupOpensAt.toISOString(),
    signupClosesAt: s.signupClosesAt.toISOString(),
    cancelCutoffMinutes: s.cancelCutoffMinutes,
    mode: s.mode as TShift['mode'],
    status: s.status as TShift['status'],
    roles: roles
      .filter((r) => r.shiftId === s.id)
      // the count of draw requests only means something on a draw-mode shift
      .map(({ shiftId: _, requested, ...r }) => (s.mode === 'draw' ? { ...r, requested } : r)),
    mine,
  };
}

/** Coordinators manage every group's shifts; a leader only the groups they lead. */
export async function authorizeGroup(deps: AppDeps, actor: Actor, groupId: string) {
  const role = authorize(actor, shiftActions['shifts.manage']);
  const communityId = actor.communityId!;
  if (!(await repo.findGroup(deps.db, communityId, groupId))) {
    throw new AppError('UNKNOWN_GROUP', {}, [{ path: 'body.groupId', message: '' }]);
  }
  if (!actor.roles.includes('coordinator')) {
    const volunteer = await repo.volunteerOf(deps.db, communityId, actor.account.id);
    const groups = volunteer ? await repo.groupsOfVolunteer(deps.db, communityId, volunteer.id) : [];
    if (!groups.some((g) => g.groupId === groupId && g.leader)) throw new AppError('FORBIDDEN');
  }
  return role;
}

export async function createShift(deps: AppDeps, actor: Actor, input: TCreateShift) {
  const data = ZCreateShift.parse(input);
  const role = await authorizeGroup(deps, actor, data.groupId);
  const communityId = actor.communityId!;
  const group = (await repo.findGroup(deps.db, communityId, data.groupId))!;
  const roles = data.roles?.length ? data.roles : [{ role: data.role, capacity: data.capacity }];
  if (new Set(roles.map((r) => r.role)).size !== roles.length) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.roles', message: '' }]);
  }
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(shifts)
      .values({
        communityId,
        groupId: data.groupId,
        title: data.title ?? null,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        signupOpensAt: new Date(data.signupOpensAt),
        signupClosesAt: new Date(data.signupClosesAt),
        cancelCutoffMinutes: data.cancelCutoffMinutes,
        mode: data.mode,
        createdBy: actor.account.id,
      })
      .returning({ id: shifts.id, title: shifts.title });
    await tx
      .insert(shiftRoles)
      .values(
        roles.map((r, sort) => ({ communityId, shiftId: row!.id, role: r.role, capacity: r.capacity, sort })),
      );
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'shift.create',
      targetType: 'shift',
      targetId: row!.id,
      params: { title: row!.title ?? group.name, places: roles.reduce((n, r) => n + r.capacity, 0) },
    });
    return row!.id;
  });
  return (await shiftsByIds(deps, actor, [id]))[0]!;
}

/** The caller's live sign-ups by shift (none for someone who is not a volunteer), in one statement. */
async function mineFor(deps: AppDeps, actor: Actor) {
  const communityId = actor.communityId!;
  const me = repo.volunteerOfAccount(communityId, actor.account.id);
  const live = await repo.liveSignupsOf(deps.db, communityId, me);
  return new Map<string, NonNullable<Mine>>(
    live.map(({ signup }) => [
      signup.shiftId,
      { signupId: signup.id, role: signup.role, status: signup.status as 'confirmed' },
    ]),
  );
}

export async function shiftsByIds(deps: AppDeps, actor: Actor, ids: string[]) {
  const rows = await repo.listShiftRows(deps.db, actor.communityId!, { ids, limit: ids.length });
  const roles = await repo.rolesOf(deps.db, actor.communityId!, ids);
  const mine = await mineFor(deps, actor);
  return rows.map((r) => presentShift(r, roles, mine.get(r.shift.id) ?? null));
}

/** Volunteers see the shifts of their groups; those who manage or oversee see all. */
export async function listShifts(deps: AppDeps, actor: Actor, query: TShiftQuery) {
  authorize(actor, shiftActions['shifts.view']);
  const communityId = actor.communityId!;
  // The caller's own sign-ups are read meanwhile: they depend on nothing read here.
  const minePending = mineFor(deps, actor);
  minePending.catch(() => {});
  let groupIds = query.groupId ? [query.groupId] : undefined;
  if (!actor.roles.some((r) => r === 'coordinator' || r === 'staff' || r === 'viewer')) {
    const me = repo.volunteerOfAccount(communityId, actor.account.id);
    const mine = (await repo.groupsOfVolunteer(deps.db, communityId, me)).map((g) => g.groupId);
    groupIds = groupIds ? groupIds.filter((g) => mine.includes(g)) : mine;
  }
  const rows = await repo.listShiftRows(deps.db, communityId, {
    groupIds,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit,
  });
  const roles = await repo.rolesOf(
    deps.db,
    communityId,
    rows.map((r) => r.shift.id),
  );
  const mine = await minePending;
  return { items: rows.map((r) => presentShift(r, roles, mine.get(r.shift.id) ?? null)) };
}

/** Never below those already confirmed; more room moves the waitlist up. */
export async function setShiftCapacity(
  deps: AppDeps,
  actor: Actor,
  shiftId: string,
  input: { role: string; capacity: number },
) {
  const communityId = actor.communityId!;
  const [row] = await repo.listShiftRows(deps.db, communityId, { ids: [shiftId], limit: 1 });
  if (!row) throw notFound('shift');
  const role = await authorizeGroup(deps, actor, row.shift.groupId);
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(shiftRoles)
      .where(
        and(
          eq(shiftRoles.communityId, communityId),
          eq(shiftRoles.shiftId, shiftId),
          eq(shiftRoles.role, input.role),
        ),
      )
      .for('update');
    if (!current) throw new AppError('UNKNOWN_ROLE', { role: input.role });
    if (input.capacity < current.taken) throw new AppError('CAPACITY_BELOW_TAKEN', { taken: current.taken });
    const waiting = await tx
      .select({ id: shiftSignups.id })
      .from(shiftSignups)
      .where(
        and(
          eq(shiftSignups.communityId, communityId),
          eq(shiftSignups.shiftId, shiftId),
          eq(shiftSignups.role, input.role),
          eq(shiftSignups.status, 'waitlisted'),
        ),
      );
    const promoted = await repo.promoteWaitlisted(
      tx,
      communityId,
      shiftId,
      input.role,
      promotable(input.capacity, current.taken, waiting.length),
    );
    const volunteerIds = promoted.map((p) => p.volunteer_id);
    await notifyShiftVolunteers(tx, {
      communityId,
      volunteerIds,
      kind: 'shift.promoted',
      shift: row,
      now: deps.clock.now(),
    });
    await tx
      .update(shiftRoles)
      .set({ capacity: input.capacity, taken: current.taken + promoted.length })
      .where(
        and(
          eq(shiftRoles.communityId, communityId),
          eq(shiftRoles.shiftId, shiftId),
          eq(shiftRoles.role, input.role),
        ),
      );
    await publishShiftPlaces(tx, communityId, shiftId, [input.role]);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'shift.capacity',
      targetType: 'shift',
      targetId: shiftId,
      params: { title: repo.shiftTitle(row), role: input.role, from: current.capacity, to: input.capacity },
    });
  });
  return (await shiftsByIds(deps, actor, [shiftId]))[0]!;
}
