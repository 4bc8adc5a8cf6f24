import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { TGroup } from '../../../shared/api/volunteers.ts';
import { accounts, groupMembers, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { figuresOfGroups, NO_FIGURES } from '../shifts/attendance.repository.ts';
import { volunteerActions } from './volunteers.policy.ts';

export async function listGroups(deps: AppDeps, actor: Actor): Promise<{ items: TGroup[] }> {
  authorize(actor, volunteerActions['groups.list']);
  const communityId = actor.communityId!;
  const groups = await deps.db
    .select({
      id: volunteerGroups.id,
      key: volunteerGroups.key,
      name: volunteerGroups.name,
      sort: volunteerGroups.sort,
      members: sql<number>`(select count(*)::int from ${groupMembers} gm join ${volunteers} v on v.community_id = gm.community_id and v.id = gm.volunteer_id where gm.community_id = "volunteer_groups"."community_id" and gm.group_id = "volunteer_groups"."id" and v.status = 'approved')`,
    })
    .from(volunteerGroups)
    .where(eq(volunteerGroups.communityId, communityId))
    .orderBy(volunteerGroups.sort, volunteerGroups.name);
  const leaders = await deps.db
    .select({
      groupId: groupMembers.groupId,
      volunteerId: groupMembers.volunteerId,
      name: accounts.displayName,
    })
    .from(groupMembers)
    .innerJoin(
      volunteers,
      and(eq(volunteers.communityId, groupMembers.communityId), eq(volunteers.id, groupMembers.volunteerId)),
    )
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(and(eq(groupMembers.communityId, communityId), eq(groupMembers.isLeader, true)));
  const records = await figuresOfGroups(deps.db, communityId, deps.clock.now());
  return {
    items: groups.map((g) => ({
      ...g,
      record: records.get(g.id) ?? NO_FIGURES,
      leaders: leaders
        .filter((l) => l.groupId === g.id)
        .map(({ volunteerId, name }) => ({ volunteerId, name })),
    })),
  };
}

export async function createGroup(deps: AppDeps, actor: Actor, name: string) {
  const role = authorize(actor, volunteerActions['groups.manage']);
  const communityId = actor.communityId!;
  const id = await deps.db.transaction(async (tx) => {
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${volunteerGroups.sort}), -1)::int + 1` })
      .from(volunteerGroups)
      .where(eq(volunteerGroups.communityId, communityId));
    const [row] = await tx
      .insert(volunteerGroups)
      .values({ communityId, key: `custom-${randomBytes(4).toString('hex')}`, name, sort: next })
      .returning({ id: volunteerGroups.id });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'group.create',
      targetType: 'group',
      targetId: row!.id,
      params: { name },
    });
    return row!.id;
  });
  return (await listGroups(deps, actor)).items.find((g) => g.id === id)!;
}

export async function renameGroup(deps: AppDeps, actor: Actor, groupId: string, name: string) {
  const role = authorize(actor, volunteerActions['groups.manage']);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const where = and(eq(volunteerGroups.communityId, communityId), eq(volunteerGroups.id, groupId));
    const [before] = await tx.select({ name: volunteerGroups.name }).from(volunteerGroups).where(where);
    if (!before) throw notFound('group');
    await tx.update(volunteerGroups).set({ name }).where(where);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'group.rename',
      targetType: 'group',
      targetId: groupId,
      params: { from: before.name, name },
    });
  });
  return (await listGroups(deps, actor)).items.find((g) => g.id === groupId)!;
}
