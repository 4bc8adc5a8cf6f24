import { and, asc, eq, gte, inArray, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  communities,
  groupMembers,
  shiftRoles,
  shiftSignups,
  shifts,
  volunteerGroups,
  volunteers,
} from '../../db/schema/index.ts';
import { SelectShape } from '../../db/statement-shapes.ts';
import { groupOfShift } from './joins.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

const volunteerQuery = (db: Executor, communityId: string, accountId: string) =>
  db
    .select({ id: volunteers.id, status: volunteers.status })
    .from(volunteers)
    .where(and(eq(volunteers.communityId, communityId), eq(volunteers.accountId, accountId)));

/** Locking the volunteer's row serialises one person's concurrent requests (overlap and cap checks). */
export const lockVolunteer = (db: Executor, communityId: string, accountId: string) =>
  volunteerQuery(db, communityId, accountId).for('update');

export async function volunteerOf(db: Executor, communityId: string, accountId: string) {
  const [row] = await volunteerQuery(db, communityId, accountId);
  return row;
}

export async function groupsOfVolunteer(db: Executor, communityId: string, volunteerId: string | SQL) {
  return db
    .select({ groupId: groupMembers.groupId, leader: groupMembers.isLeader })
    .from(groupMembers)
    .where(and(eq(groupMembers.communityId, communityId), eq(groupMembers.volunteerId, volunteerId)));
}

export async function findGroup(db: Executor, communityId: string, groupId: string) {
  const [row] = await db
    .select()
    .from(volunteerGroups)
    .where(and(eq(volunteerGroups.communityId, communityId), eq(volunteerGroups.id, groupId)));
  return row;
}

export async function listShiftRows(
  db: Db,
  communityId: string,
  f: { groupIds?: string[]; from?: Date; to?: Date; ids?: string[]; limit: number },
) {
  const where: SQL[] = [eq(shifts.communityId, communityId)];
  if (f.groupIds) where.push(f.groupIds.length ? inArray(shifts.groupId, f.groupIds) : sql`false`);
  if (f.ids) where.push(f.ids.length ? inArray(shifts.id, f.ids) : sql`false`);
  if (f.from) where.push(gte(shifts.endsAt, f.from));
  if (f.to) where.push(lte(shifts.startsAt, f.to));
  return db
    .select({ shift: shifts, groupName: volunteerGroups.name, groupKey: volunteerGroups.key })
    .from(shifts)
    .innerJoin(volunteerGroups, groupOfShift)
    .where(and(...where))
    .orderBy(asc(shifts.startsAt), asc(volunteerGroups.sort))
    .limit(f.limit);
}

export async function rolesOf(db: Executor, communityId: string, shiftIds: string[]) {
  if (shiftIds.length === 0) return [];
  return rolesQuery(db, communityId, shiftIds);
}

export const rolesQuery = (db: Executor, communityId: string, shiftIds: string[]) =>
  db
    .select({
      shiftId: shiftRoles.shiftId,
      role: shiftRoles.role,
      capacity: shiftRoles.capacity,
      taken: shiftRoles.taken,
      waiting: sql<number>`(select count(*)::int from ${shiftSignups} s where s.community_id = "shift_roles"."community_id" and s.shift_id = "shift_roles"."shift_id" and s.role = "shift_roles"."role" and s.status = 'waitlisted')`,
      // entries for a draw not yet made (draw-mode shifts only)
      requested: sql<number>`(select count(*)::int from ${shiftSignups} s where s.community_id = "shift_roles"."community_id" and s.shift_id = "shift_roles"."shift_id" and s.role = "shift_roles"."role" and s.status = 'requested')`,
    })
    .from(shiftRoles)
    .where(and(eq(shiftRoles.communityId, communityId), inArray(shiftRoles.shiftId, shiftIds)))
    .orderBy(shiftRoles.sort);

/**
 * A volunteer named by their account, as SQL: lets reads that need the volunteer's id go out in the
 * same breath as the read that finds it.
 */
export const volunteerOfAccount = (communityId: string, accountId: string) =>
  sql`(select v.id from ${volunteers} v where v.community_id = ${communityId} and v.account_id = ${accountId})`;

export function liveSignupsOf(db: Executor, communityId: string, volunteerId: string | SQL) {
  return db
    .select({ signup: shiftSignups, shift: shifts, groupName: volunteerGroups.name })
    .from(shiftSignups)
    .innerJoin(
      shifts,
      and(eq(shifts.communityId, shiftSignups.communityId), eq(shifts.id, shiftSignups.shiftId)),
    )
    .innerJoin(volunteerGroups, groupOfShift)
    .where(
      and(
        eq(shiftSignups.communityId, communityId),
        eq(shiftSignups.volunteerId, volunteerId),
        ne(shiftSignups.status, 'cancelled'),
        ne(shifts.status, 'cancelled'),
      ),
    )
    .orderBy(asc(shifts.startsAt));
}

/** Takes a place if one is free: the condition in the UPDATE is what keeps a stampede within capacity. */
export async function takePlace(db: Executor, communityId: string, shiftId: string, role: string) {
  const rows = await db
    .update(shiftRoles)
    .set({ taken: sql`${shiftRoles.taken} + 1` })
    .where(
      and(
        eq(shiftRoles.communityId, communityId),
        eq(shiftRoles.shiftId, shiftId),
        eq(shiftRoles.role, role),
        sql`${shiftRoles.taken} < ${shiftRoles.capacity}`,
      ),
    )
    .returning({ taken: shiftRoles.taken });
  return rows.length > 0;
}

/** Moves the first `count` of a role's waitlist up; returns the promoted sign-ups. */
export async function promoteWaitlisted(
  db: Executor,
  communityId: string,
  shiftId: string,
  role: string,
  count: number,
) {
  if (count <= 0) return [];
  // The chosen sign-ups are fixed before the update: as a plain `id in (… limit n for update)`, a plan
  // that rescans the subquery per row (chosen once the tables had statistics) skipped the rows this
  // statement had just promoted and took the next ones, promoting the whole waitlist past capacity.
  const result = await db.execute(sql`
    with chosen as materialized (
      select id from ${shiftSignups}
      where community_id = ${communityId} and shift_id = ${shiftId} and role = ${role} and status = 'waitlisted'
      order by seq limit ${count} for update)
    update ${shiftSignups} set status = 'confirmed'
    where community_id = ${communityId} and id in (select id from chosen)
    returning id, volunteer_id`);
  return (result as unknown as { rows: { id: string; volunteer_id: string }[] }).rows;
}

export async function waitlistPosition(db: Executor, communityId: string, signupId: string) {
  const result = await db.execute(sql`
    select count(*)::int as position from ${shiftSignups} w join ${shiftSignups} me
      on me.community_id = w.community_id and me.shift_id = w.shift_id and me.role = w.role
    where me.community_id = ${communityId} and me.id = ${signupId} and w.status = 'waitlisted' and w.seq <= me.seq`);
  return (result as unknown as { rows: { position: number }[] }).rows[0]?.position ?? null;
}

/** The sign-up transaction's first reads, built once and sent together (db/statement-shapes.ts). */
type SignupAsk = { communityId: string; accountId: string; shiftId: string };
const me = (v: SignupAsk) => volunteerOfAccount(v.communityId, v.accountId);
export const signupReads = {
  lockedVolunteer: SelectShape.of((db, v: SignupAsk) =>
    lockVolunteer(db as Executor, v.communityId, v.accountId),
  ),
  context: SelectShape.of((db, v: SignupAsk) =>
    signupContextQuery(db as Executor, v.communityId, v.shiftId, me(v)),
  ),
  roles: SelectShape.of((db, v: SignupAsk) => rolesQuery(db as Executor, v.communityId, [v.shiftId])),
  live: SelectShape.of((db, v: SignupAsk) => liveSignupsOf(db as Executor, v.communityId, me(v))),
};

/** Everything a sign-up checks about a shift, in one round trip: the shift, its group's caps, the time zone, membership. */
export const signupContextQuery = (
  db: Executor,
  communityId: string,
  shiftId: string,
  volunteerId: string | SQL,
) =>
  db
    .select({
      shift: shifts,
      groupName: volunteerGroups.name,
      maxShiftsPerDay: volunteerGroups.maxShiftsPerDay,
      maxShiftsPerWeek: volunteerGroups.maxShiftsPerWeek,
      timeZone: communities.timezone,
      inGroup: sql<boolean>`exists (select 1 from ${groupMembers} gm where gm.community_id = ${communityId} and gm.group_id = "shifts"."group_id" and gm.volunteer_id = ${volunteerId})`,
    })
    .from(shifts)
    .innerJoin(volunteerGroups, groupOfShift)
    .innerJoin(communities, eq(communities.id, shifts.communityId))
    .where(and(eq(shifts.communityId, communityId), eq(shifts.id, shiftId)));

export async function signupContext(db: Executor, communityId: string, shiftId: string, volunteerId: string) {
  const [row] = await signupContextQuery(db, communityId, shiftId, volunteerId);
  return row;
}

/** What a shift is called: its own title, or its group's name. */
export const shiftTitle = (row: { shift: { title: string | null }; groupName: string }) =>
  row.shift.title ?? row.groupName;
