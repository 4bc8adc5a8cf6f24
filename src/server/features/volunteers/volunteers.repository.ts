import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TVolunteerQuery } from '../../../shared/api/volunteers.ts';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  groupMembers,
  memberships,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export async function listVolunteers(
  db: Db,
  communityId: string,
  q: Omit<TVolunteerQuery, 'showWorkplace'> & { id?: string },
) {
  const where: SQL[] = [eq(volunteers.communityId, communityId)];
  if (q.id) where.push(eq(volunteers.id, q.id));
  if (q.status) where.push(eq(volunteers.status, q.status));
  if (q.groupId) {
    where.push(
      sql`exists (select 1 from ${groupMembers} gm where gm.community_id = ${communityId} and gm.volunteer_id = ${volunteers.id} and gm.group_id = ${q.groupId})`,
    );
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    where.push(
      or(ilike(accounts.displayName, like), ilike(accounts.mobile, like), ilike(buildings.code, q.q))!,
    );
  }
  return db
    .select({
      id: volunteers.id,
      accountId: volunteers.accountId,
      name: accounts.displayName,
      mobile: accounts.mobile,
      status: volunteers.status,
      partyMember: volunteers.partyMember,
      buildingCode: buildings.code,
      room: volunteers.room,
      workplace: volunteers.workplace,
      skills: volunteers.skills,
      vehicles: volunteers.vehicles,
      ageBand: volunteers.ageBand,
      note: volunteers.note,
      createdAt: volunteers.createdAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .leftJoin(
      buildings,
      and(eq(buildings.communityId, volunteers.communityId), eq(buildings.id, volunteers.buildingId)),
    )
    .where(and(...where))
    .orderBy(asc(volunteers.createdAt), asc(accounts.displayName))
    .limit(q.limit)
    .offset(q.offset);
}
export type VolunteerRow = Awaited<ReturnType<typeof listVolunteers>>[number];

export async function groupsOf(db: Db, communityId: string, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return [];
  return db
    .select({
      volunteerId: groupMembers.volunteerId,
      groupId: groupMembers.groupId,
      key: volunteerGroups.key,
      name: volunteerGroups.name,
      leader: groupMembers.isLeader,
    })
    .from(groupMembers)
    .innerJoin(
      volunteerGroups,
      and(
        eq(volunteerGroups.communityId, groupMembers.communityId),
        eq(volunteerGroups.id, groupMembers.groupId),
      ),
    )
    .where(and(eq(groupMembers.communityId, communityId), inArray(groupMembers.volunteerId, volunteerIds)))
    .orderBy(volunteerGroups.sort);
}

export async function findVolunteers(db: Executor, communityId: string, ids: string[]) {
  return db
    .select({
      id: volunteers.id,
      accountId: volunteers.accountId,
      status: volunteers.status,
      name: accounts.displayName,
    })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .where(and(eq(volunteers.communityId, communityId), inArray(volunteers.id, ids)));
}

export async function existingGroups(db: Executor, communityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: volunteerGroups.id, name: volunteerGroups.name })
    .from(volunteerGroups)
    .where(and(eq(volunteerGroups.communityId, communityId), inArray(volunteerGroups.id, ids)));
}

/** The community-level `leader` role follows whether the person leads any group. */
export async function syncLeaderRole(
  db: Executor,
  communityId: string,
  volunteerId: string,
  accountId: string,
) {
  const [leads] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.communityId, communityId),
        eq(groupMembers.volunteerId, volunteerId),
        eq(groupMembers.isLeader, true),
      ),
    );
  const leader = and(
    eq(memberships.communityId, communityId),
    eq(memberships.accountId, accountId),
    eq(memberships.role, 'leader'),
  );
  if ((leads?.n ?? 0) > 0) {
    await db.insert(memberships).values({ communityId, accountId, role: 'leader' }).onConflictDoNothing();
  } else {
    await db.delete(memberships).where(leader);
  }
}
