import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { leadsParcelsGroup } from './delivery-plan.repository.ts';
import { parcelActions } from './parcels.policy.ts';

/**
 * Planning and confirming runs: coordinators, and leaders only of the parcels group itself (the
 * testing group's leader holds the `leader` role too, but has no say over the parcel crew).
 */
export async function authorizeRunPlanning(deps: AppDeps, actor: Actor): Promise<PolicyRole> {
  const role = authorize(actor, parcelActions['parcels.plan_runs']);
  if (role === 'leader' && !(await leadsParcelsGroup(deps.db, actor.communityId!, actor.account.id)))
    throw new AppError('FORBIDDEN');
  return role;
}
