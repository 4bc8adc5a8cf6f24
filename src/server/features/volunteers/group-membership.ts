import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedRead } from '../../db/read-together.ts';
import { groupMembers, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { perDatabase } from '../../platform/batched-lookup.ts';

type Executor = Pick<Db, 'select'>;

/**
 * Where an account stands in one of the community's groups (by its key: 'parcels', 'testing', …): an
 * approved volunteer who leads it, belongs to it, or neither. Features ask it after the policy table,
 * since the `leader` role alone does not say which group someone leads.
 */
// Asked before most of a leader's or volunteer's requests: built once per database (or transaction)
// and, on PostgreSQL, planned once per connection.
const membershipRead = perDatabase((db: Executor) =>
  db
    .select({ isLeader: groupMembers.isLeader })
    .from(groupMembers)
    .innerJoin(
      volunteers,
      and(eq(volunteers.communityId, groupMembers.communityId), eq(volunteers.id, groupMembers.volunteerId)),
    )
    .innerJoin(
      volunteerGroups,
      and(
        eq(volunteerGroups.communityId, groupMembers.communityId),
        eq(volunteerGroups.id, groupMembers.groupId),
      ),
    )
    .where(
      and(
        eq(groupMembers.communityId, sql.placeholder('communityId')),
        eq(volunteers.accountId, sql.placeholder('accountId')),
        eq(volunteers.status, 'approved'),
        eq(volunteerGroups.key, sql.placeholder('groupKey')),
      ),
    )
    .prepare('group_membership'),
);

export type GroupStanding = 'none' | 'member' | 'leader';

/** The membership's rows, unread: to be awaited, or sent with other reads (readTogether). */
export const groupMembershipRows = (db: Executor, communityId: string, accountId: string, groupKey: string) =>
  preparedRead(membershipRead(db), { communityId, accountId, groupKey });

export const standingOf = (rows: readonly { isLeader: boolean }[]): GroupStanding =>
  rows.length === 0 ? 'none' : rows.some((r) => r.isLeader) ? 'leader' : 'member';

export async function groupMembership(
  db: Executor,
  communityId: string,
  accountId: string,
  groupKey: string,
): Promise<GroupStanding> {
  return standingOf(await groupMembershipRows(db, communityId, accountId, groupKey));
}
