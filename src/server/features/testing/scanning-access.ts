import { AppError } from '../../platform/app-error.ts';
import { authorize, definePolicy, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { testingGroupMembership } from './testing-access.ts';

export const scanningActions = definePolicy({
  // opening tubes, scanning residents into them, finding the elderly by building/room/name: the
  // testing group's volunteers and leaders (checked below), committee staff and coordinators
  'testing.lane_scan': ['coordinator', 'staff', 'leader', 'volunteer'],
  // code cards for households without phones: those who keep the registry
  'testing.print_codes': ['coordinator', 'staff'],
  // one's own household's codes: anyone who may live here (the list is their household, or empty)
  'testing.my_codes': ['resident', 'volunteer', 'leader', 'staff', 'coordinator'],
});

/**
 * The policy table, then for leaders and volunteers the testing group: a volunteer of the parcels
 * group has no business at a testing lane.
 */
export async function authorizeScanning(
  deps: AppDeps,
  actor: Actor,
  action: keyof typeof scanningActions,
): Promise<PolicyRole> {
  const role = authorize(actor, scanningActions[action]);
  if (action === 'testing.lane_scan' && (role === 'leader' || role === 'volunteer')) {
    const membership = await testingGroupMembership(deps.db, actor.communityId!, actor.account.id);
    if (membership === 'none') throw new AppError('FORBIDDEN');
  }
  return role;
}
