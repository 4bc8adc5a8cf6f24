import { AppError } from '../../platform/app-error.ts';
import { authorize, definePolicy, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { testingGroupMembership } from './testing-access.ts';

export const liveQueueActions = definePolicy({
  // counting the queue at a gate and watching the queues, lanes and advice: the testing group's
  // volunteers and leaders (checked below), committee staff and coordinators
  'testing.queue_count': ['coordinator', 'staff', 'leader', 'volunteer'],
  'testing.lane_advice': ['coordinator', 'staff', 'leader', 'volunteer'],
  // moving lanes between gates: whoever runs the site — a leader of the testing group, staff, coordinators
  'testing.lane_switch': ['coordinator', 'staff', 'leader'],
});

/**
 * The policy table, then the testing group itself for leaders and volunteers: the parcels group's
 * volunteers have no business at the testing gates, and only the testing group's leader moves lanes.
 */
export async function authorizeLiveQueues(
  deps: AppDeps,
  actor: Actor,
  action: keyof typeof liveQueueActions,
): Promise<PolicyRole> {
  const role = authorize(actor, liveQueueActions[action]);
  if (role === 'leader' || role === 'volunteer') {
    const membership = await testingGroupMembership(deps.db, actor.communityId!, actor.account.id);
    const enough = action === 'testing.lane_switch' ? membership === 'leader' : membership !== 'none';
    if (!enough) throw new AppError('FORBIDDEN');
  }
  return role;
}
