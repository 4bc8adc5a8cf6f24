import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { parcelActions } from './parcels.policy.ts';
import { inParcelsGroup } from './parcels.repository.ts';

/**
 * The policy table, then for leaders and volunteers the parcels group: a volunteer of the testing
 * group has no business at the parcels gate.
 */
export async function authorizeParcelWork(
  deps: AppDeps,
  actor: Actor,
  action: keyof typeof parcelActions,
): Promise<PolicyRole> {
  const role = authorize(actor, parcelActions[action]);
  if (role === 'leader' || role === 'volunteer') {
    if (!(await inParcelsGroup(deps.db, actor.communityId!, actor.account.id)))
      throw new AppError('FORBIDDEN');
  }
  return role;
}
