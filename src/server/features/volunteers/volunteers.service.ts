import { and, eq, inArray } from 'drizzle-orm';
import type {
  TSetVolunteerGroups,
  TVolunteer,
  TVolunteerDecision,
  TVolunteerQuery,
} from '../../../shared/api/volunteers.ts';
import { ZSetVolunteerGroups, ZVolunteerDecision } from '../../../shared/api/volunteers.ts';
import { groupMembers, memberships, volunteers } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { announceRolesChanged } from '../../platform/roles-cache.ts';
import { figuresOfVolunteers, NO_FIGURES } from '../shifts/attendance.repository.ts';
import { notifyApproved } from './volunteer-notices.ts';
import { volunteerActions } from './volunteers.policy.ts';
import * as repo from './volunteers.repository.ts';

type Skill = TVolunteer['skills'][number];
type Vehicle = TVolunteer['vehicles'][number];

export async function listVolunteers(deps: AppDeps, actor: Actor, query: TVolunteerQuery & { id?: string }) {
  authorize(actor, volunteerActions['volunteers.list']);
  const { showWorkplace, ...filter } = query;
  if (showWorkplace) authorize(actor, volunteerActions['volunteers.showWorkplace']);
  const communityId = actor.communityId!;
  const rows = await repo.listVolunteers(deps.db, communityId, filter);
  const groups = await repo.groupsOf(
    deps.db,
    communityId,
    rows.map((r) => r.id),
  );
  const records = await figuresOfVolunteers(
    deps.db,
    communityId,
    rows.map((r) => r.id),
    deps.clock.now(),
  );
  const items: TVolunteer[] = rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    name: r.name,
    mobile: r.mobile,
    status: r.status as TVolunteer['status'],
    partyMember: r.partyMember,
    buildingCode: r.buildingCode,
    room: r.room,
    workplace: showWorkplace ? r.workplace : null,
    skills: r.skills as Skill[],
    vehicles: r.vehicles as Vehicle[],
    ageBand: r.ageBand,
    note: r.note,
    groups: groups.filter((g) => g.volunteerId === r.id).map(({ volunteerId: _, ...g }) => g),
    registeredAt: r.createdAt.toISOString(),
    record: records.get(r.id) ?? NO_FIGURES,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

/** Approve or turn down, one or many, in one transaction; approved volunteers join the chosen groups. */
export async function approveVolunteers(deps: AppDeps, actor: Actor, input: TVolunteerDecision) {
  const role = authorize(actor, volunteerActions['volunteers.decide']);
  const { volunteerIds, decision, groupIds } = ZVolunteerDecision.parse(input);
  const communityId = actor.communityId!;
  const ids = [...new Set(volunteerIds)];
  await deps.db.transaction(async (tx) => {
    const found = await repo.findVolunteers(tx, communityId, ids);
    if (found.length !== ids.length) throw notFound('volunteer');
    const groups = await repo.existingGroups(tx, communityId, groupIds);
    if (groups.length !== new Set(groupIds).size)
      throw new AppError('UNKNOWN_GROUP', {}, [{ path: 'body.groupIds', message: '' }]);
    const approve = decision === 'approve';
    await tx
      .update(volunteers)
      .set({
        status: approve ? 'approved' : 'rejected',
        approvedAt: approve ? deps.clock.now() : null,
        decidedBy: actor.account.id,
      })
      .where(and(eq(volunteers.communityId, communityId), inArray(volunteers.id, ids)));
    await announceRolesChanged(
      tx,
      found.map((v) => v.accountId),
      deps.db,
    );
    for (const v of found) {
      if (approve) {
        await tx
          .insert(memberships)
          .values({ communityId, accountId: v.accountId, role: 'volunteer' })
          .onConflictDoNothing();
        if (groups.length > 0) {
          await tx
            .insert(groupMembers)
            .values(groups.map((g) => ({ communityId, groupId: g.id, volunteerId: v.id })))
            .onConflictDoNothing();
        }
      } else {
        // Turning down someone approved earlier takes back what approval gave.
        await tx
          .delete(groupMembers)
          .where(and(eq(groupMembers.communityId, communityId), eq(groupMembers.volunteerId, v.id)));
        await tx
          .delete(memberships)
          .where(
            and(
              eq(memberships.communityId, communityId),
              eq(memberships.accountId, v.accountId),
              inArray(memberships.role, ['volunteer', 'leader']),
            ),
          );
      }
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: approve ? 'volunteer.approve' : 'volunteer.reject',
        targetType: 'volunteer',
        targetId: v.id,
        params: { name: v.name },
      });
    }
    // Only those newly approved hear of it; approving someone twice tells them once.
    const newcomers = approve ? found.filter((v) => v.status !== 'approved').map((v) => v.accountId) : [];
    await notifyApproved(tx, communityId, newcomers, deps.clock.now());
  });
  return { updated: ids.length };
}

/** Replaces a volunteer's groups and leaderships; the leader role follows. */
export async function setVolunteerGroups(
  deps: AppDeps,
  actor: Actor,
  volunteerId: string,
  input: TSetVolunteerGroups,
) {
  const role = authorize(actor, volunteerActions['volunteers.setGroups']);
  const { groups: wanted } = ZSetVolunteerGroups.parse(input);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const [v] = await repo.findVolunteers(tx, communityId, [volunteerId]);
    if (!v) throw notFound('volunteer');
    if (v.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED');
    const ids = [...new Set(wanted.map((g) => g.groupId))];
    const groups = await repo.existingGroups(tx, communityId, ids);
    if (groups.length !== ids.length)
      throw new AppError('UNKNOWN_GROUP', {}, [{ path: 'body.groups', message: '' }]);
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.communityId, communityId), eq(groupMembers.volunteerId, v.id)));
    if (wanted.length > 0) {
      const leads = new Set(wanted.filter((g) => g.leader).map((g) => g.groupId));
      await tx
        .insert(groupMembers)
        .values(
          ids.map((groupId) => ({ communityId, groupId, volunteerId: v.id, isLeader: leads.has(groupId) })),
        );
    }
    await repo.syncLeaderRole(tx, communityId, v.id, v.accountId);
    await announceRolesChanged(tx, [v.accountId], deps.db);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'volunteer.groups',
      targetType: 'volunteer',
      targetId: v.id,
      params: { name: v.name, groups: groups.map((g) => g.name).join('、') || '—' },
    });
  });
  const page = await listVolunteers(deps, actor, { id: volunteerId, limit: 1, offset: 0 });
  return page.items[0]!;
}
