import { TESTING_GROUP_KEY } from '../../../shared/api/testing-rounds.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { testingRoundActions } from './testing.policy.ts';

type Executor = Pick<Db, 'select'>;

/** The testing group's membership of an account: none, member, or leader. */
export const testingGroupMembership = (db: Executor, communityId: string, accountId: string) =>
  groupMembership(db, communityId, accountId, TESTING_GROUP_KEY);

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
