import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  communities,
  groupMembers,
  households,
  memberships,
  residents,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';

export async function listCommunitiesOf(db: Db, accountId: string) {
  return db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      timezone: communities.timezone,
      roles: sql<string[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(communities)
    .innerJoin(memberships, eq(memberships.communityId, communities.id))
    .where(eq(memberships.accountId, accountId))
    .groupBy(communities.id)
    .orderBy(communities.name);
}

export async function findCommunity(db: Db, id: string) {
  const [row] = await db.select().from(communities).where(eq(communities.id, id));
  return row;
}

export async function slugExists(db: Db, slug: string) {
  const [row] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  return Boolean(row);
}

export async function countStaffByTitle(db: Db, communityId: string) {
  return db
    .select({ title: memberships.title, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'staff')))
    .groupBy(memberships.title);
}

/** Members per role (a person holding two roles counts in both): the dashboard's staff and coordinators. */
export async function countMembersByRole(db: Db, communityId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ role: memberships.role, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.communityId, communityId))
    .groupBy(memberships.role);
  return new Map(rows.map((r) => [r.role, r.n]));
}

export async function countVolunteersByStatus(db: Db, communityId: string) {
  return db
    .select({ status: volunteers.status, n: sql<number>`count(*)::int` })
    .from(volunteers)
    .where(eq(volunteers.communityId, communityId))
    .groupBy(volunteers.status);
}

export async function countGroupMembers(db: Db, communityId: string) {
  return db
    .select({
      groupId: volunteerGroups.id,
      key: volunteerGroups.key,
      name: volunteerGroups.name,
      volunteers: sql<number>`count(${volunteers.id})::int`,
    })
    .from(volunteerGroups)
    .leftJoin(
      groupMembers,
      and(
        eq(groupMembers.communityId, volunteerGroups.communityId),
        eq(groupMembers.groupId, volunteerGroups.id),
      ),
    )
    .leftJoin(
      volunteers,
      and(
        eq(volunteers.communityId, groupMembers.communityId),
        eq(volunteers.id, groupMembers.volunteerId),
        eq(volunteers.status, 'approved'),
      ),
    )
    .where(eq(volunteerGroups.communityId, communityId))
    .groupBy(volunteerGroups.id, volunteerGroups.key, volunteerGroups.name, volunteerGroups.sort)
    .orderBy(volunteerGroups.sort);
}

export async function countRegistry(db: Db, communityId: string) {
  const count = (table: typeof buildings | typeof households | typeof residents) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.communityId, communityId))
      .then((rows) => rows[0]?.n ?? 0);
  const vulnerable = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(and(eq(residents.communityId, communityId), sql`cardinality(${residents.flags}) > 0`));
  return {
    buildings: await count(buildings),
    households: await count(households),
    residents: await count(residents),
    vulnerableResidents: vulnerable[0]?.n ?? 0,
  };
}
