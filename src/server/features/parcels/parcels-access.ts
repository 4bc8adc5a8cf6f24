import { type Read, readTogether } from '../../db/read-together.ts';
import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { groupMembershipRows, standingOf } from '../volunteers/group-membership.ts';
import { parcelActions } from './parcels.policy.ts';
import { inParcelsGroup, PARCELS_GROUP_KEY } from './parcels.repository.ts';

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

/**
 * authorizeParcelWork, with a read the request needs anyway sent along with the group check (one trip
 * to the database, not two). The read's result is given only to someone authorized.
 */
export async function authorizeParcelWorkWith<T>(
  deps: AppDeps,
  actor: Actor,
  action: keyof typeof parcelActions,
  alongside: Read<T>,
): Promise<[PolicyRole, T]> {
  const role = authorize(actor, parcelActions[action]);
  if (role !== 'leader' && role !== 'volunteer') return [role, await alongside];
  const [rows, result] = await readTogether(deps.db, deps.dbKind, [
    groupMembershipRows(deps.db, actor.communityId!, actor.account.id, PARCELS_GROUP_KEY),
    alongside,
  ]);
  if (standingOf(rows) === 'none') throw new AppError('FORBIDDEN');
  return [role, result];
}
