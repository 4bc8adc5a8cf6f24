import { and, eq } from 'drizzle-orm';
import { TESTING_GROUP_KEY } from '../../../shared/api/testing-rounds.ts';
import type { Db } from '../../db/client.ts';
import { groupMembers, volunteerGroups, volunteers } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { testingRoundActions } from './testing.policy.ts';

type Executor = Pick<Db, 'select'>;

/** The testing group's membership of an account: none, member, or leader. */
export async function testingGroupMembership(
  db: Executor,
  communityId: string,
  accountId: string,
): Promise<'none' | 'member' | 'leader'> {
  const rows = await db
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
        eq(groupMembers.communityId, communityId),
        eq(volunteers.accountId, accountId),
        eq(volunteers.status, 'approved'),
        eq(volunteerGroups.key, TESTING_GROUP_KEY),
      ),
    );
  if (rows.length === 0) return 'none';
  return rows.some((r) => r.isLeader) ? 'leader' : 'member';
}

/**
 * The policy table, then for leaders and volunteers the testing group itself: the parcels group's
 * leader holds the `leader` role too, but has no say over testing rounds. Managing asks a leader
 * to lead the testing group; viewing asks only membership.
 */
export async function authorizeTestingRounds(
  deps: AppDeps,
  actor: Actor,
  action: keyof typeof testingRoundActions,
): Promise<PolicyRole> {
  const role = authorize(actor, testingRoundActions[action]);
  if (role === 'leader' || role === 'volunteer') {
    const membership = await testingGroupMembership(deps.db, actor.communityId!, actor.account.id);
    const enough = action === 'testing.rounds.manage' ? membership === 'leader' : membership !== 'none';
    if (!enough) throw new AppError('FORBIDDEN');
  }
  return role;
}
