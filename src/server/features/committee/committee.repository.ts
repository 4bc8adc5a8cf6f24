// The only place the committee's tables are queried.
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  actionItems,
  committeeMeetings,
  memberships,
  volunteerGroups,
} from '../../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;
type Executor = Pick<Db, 'select' | 'insert' | 'update'>;

export { communityTimeZone } from '../../platform/community-constants.ts';

export async function groupsOf(db: Reader, communityId: string) {
  return db
    .select({ id: volunteerGroups.id, key: volunteerGroups.key, name: volunteerGroups.name })
    .from(volunteerGroups)
    .where(eq(volunteerGroups.communityId, communityId))
    .orderBy(asc(volunteerGroups.sort), asc(volunteerGroups.name));
}

export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type NewMeeting = typeof committeeMeetings.$inferInsert;

export async function insertMeeting(db: Executor, row: NewMeeting) {
  const [inserted] = await db.insert(committeeMeetings).values(row).returning();
  return inserted!;
}

/** One meeting; `lock` holds it for the change (two secretaries saving at once take turns). */
export async function meetingById(db: Reader, communityId: string, meetingId: string, lock = false) {
  const query = db
    .select()
    .from(committeeMeetings)
    .where(and(eq(committeeMeetings.communityId, communityId), eq(committeeMeetings.id, meetingId)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateMeetingRow(
  db: Executor,
  communityId: string,
  meetingId: string,
  set: Partial<NewMeeting>,
) {
  const [row] = await db
    .update(committeeMeetings)
    .set(set)
    .where(and(eq(committeeMeetings.communityId, communityId), eq(committeeMeetings.id, meetingId)))
    .returning();
  return row!;
}

/** Newest first, each with its open action items counted. */
export async function meetingsOf(db: Reader, communityId: string) {
  return db
    .select({
      meeting: committeeMeetings,
      openItems: sql<number>`(select count(*)::int from ${actionItems} ai
        where ai.community_id = ${committeeMeetings.communityId} and ai.meeting_id = ${committeeMeetings.id}
          and ai.status = 'open')`,
    })
    .from(committeeMeetings)
    .where(eq(committeeMeetings.communityId, communityId))
    .orderBy(desc(committeeMeetings.heldAt), desc(committeeMeetings.createdAt))
    .limit(200);
}

const itemColumns = {
  item: actionItems,
  ownerName: accounts.displayName,
  meetingTitle: committeeMeetings.title,
};

export interface ItemFilter {
  ownerAccountId?: string;
  meetingId?: string;
  status?: 'open' | 'done' | 'dropped';
  id?: string;
}

/** Action items with their owner's name and meeting's title; at most 500 (the open ones are few). */
export async function itemsOf(db: Reader, communityId: string, f: ItemFilter) {
  const where: SQL[] = [eq(actionItems.communityId, communityId)];
  if (f.ownerAccountId) where.push(eq(actionItems.ownerAccountId, f.ownerAccountId));
  if (f.meetingId) where.push(eq(actionItems.meetingId, f.meetingId));
  if (f.status) where.push(eq(actionItems.status, f.status));
  if (f.id) where.push(eq(actionItems.id, f.id));
  return db
    .select(itemColumns)
    .from(actionItems)
    .innerJoin(accounts, eq(accounts.id, actionItems.ownerAccountId))
    .leftJoin(
      committeeMeetings,
      and(
        eq(committeeMeetings.communityId, actionItems.communityId),
        eq(committeeMeetings.id, actionItems.meetingId),
      ),
    )
    .where(and(...where))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(500);
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export async function lockItem(db: Reader, communityId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.communityId, communityId), eq(actionItems.id, itemId)))
    .for('update');
  return row;
}

export async function insertItem(db: Executor, row: typeof actionItems.$inferInsert) {
  const [inserted] = await db.insert(actionItems).values(row).returning({ id: actionItems.id });
  return inserted!.id;
}

export async function updateItemRow(
  db: Executor,
  communityId: string,
  itemId: string,
  set: Partial<typeof actionItems.$inferInsert>,
) {
  await db
    .update(actionItems)
    .set(set)
    .where(and(eq(actionItems.communityId, communityId), eq(actionItems.id, itemId)));
}

/** The account as a member of the community (any role), with its name; undefined for a non-member. */
export async function memberOf(db: Reader, communityId: string, accountId: string) {
  const [row] = await db
    .select({ accountId: accounts.id, name: accounts.displayName })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.accountId, accountId),
        isNull(accounts.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Members who may be given an action item: by name or sign-in when searched, else the committee
 * (coordinators and staff) and the groups' leaders, the people decisions usually go to. At most 50.
 */
export async function ownerCandidates(db: Reader, communityId: string, q: string | undefined) {
  const search = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      accountId: accounts.id,
      name: accounts.displayName,
      username: accounts.username,
      roles: sql<string[]>`array_agg(${memberships.role} order by ${memberships.role})`,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        isNull(accounts.disabledAt),
        search
          ? or(ilike(accounts.displayName, search), ilike(accounts.username, search))
          : inArray(memberships.role, ['coordinator', 'staff', 'leader']),
      ),
    )
    .groupBy(accounts.id, accounts.displayName, accounts.username)
    .orderBy(asc(accounts.username))
    .limit(50);
  return rows;
}
