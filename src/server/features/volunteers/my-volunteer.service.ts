import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { TMyVolunteer } from '../../../shared/api/attendance.ts';
import { accounts, communities, volunteers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { attendanceActions } from '../shifts/attendance.policy.ts';
import { figuresOfVolunteers, NO_FIGURES } from '../shifts/attendance.repository.ts';
import * as repo from './volunteers.repository.ts';

export const calendarPath = (token: string) => `/api/calendar/${token}.ics`;

async function myVolunteerRow(deps: AppDeps, actor: Actor) {
  const communityId = actor.communityId!;
  const [row] = await deps.db
    .select({
      id: volunteers.id,
      name: accounts.displayName,
      status: volunteers.status,
      badgeToken: volunteers.badgeToken,
      calendarToken: volunteers.calendarToken,
      timeZone: communities.timezone,
    })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .innerJoin(communities, eq(communities.id, volunteers.communityId))
    .where(and(eq(volunteers.communityId, communityId), eq(volunteers.accountId, actor.account.id)));
  if (!row) throw notFound('volunteer');
  return row;
}

/** My volunteer profile: status, groups (and which I lead), record, badge, calendar feed. */
export async function getMyVolunteer(deps: AppDeps, actor: Actor): Promise<TMyVolunteer> {
  authorize(actor, attendanceActions['attendance.self']);
  const communityId = actor.communityId!;
  const me = await myVolunteerRow(deps, actor);
  const groups = await repo.groupsOf(deps.db, communityId, [me.id]);
  const figures = await figuresOfVolunteers(deps.db, communityId, [me.id], deps.clock.now());
  return {
    id: me.id,
    name: me.name,
    status: me.status as TMyVolunteer['status'],
    groups: groups.map(({ volunteerId: _, ...g }) => g),
    record: figures.get(me.id) ?? NO_FIGURES,
    badgeToken: me.badgeToken,
    calendarPath: calendarPath(me.calendarToken),
    timeZone: me.timeZone,
  };
}

/** A new secret for my calendar feed: the old URL stops working at once (e.g. after sharing it by mistake). */
export async function resetCalendarToken(deps: AppDeps, actor: Actor): Promise<TMyVolunteer> {
  const role = authorize(actor, attendanceActions['attendance.self']);
  const communityId = actor.communityId!;
  const me = await myVolunteerRow(deps, actor);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(volunteers)
      .set({ calendarToken: randomBytes(16).toString('hex') })
      .where(and(eq(volunteers.communityId, communityId), eq(volunteers.id, me.id)));
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'volunteer.calendar_reset',
      targetType: 'volunteer',
      targetId: me.id,
      params: { name: me.name },
    });
  });
  return getMyVolunteer(deps, actor);
}
