import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { type RelayAction, relayActions } from './relays.policy.ts';
import type { RelayViewer } from './relays.presenter.ts';
import { relayBuildingIds } from './relays.repository.ts';

/** The group whose work escalated relays become (src/shared/groups.ts). */
export const PUBLICITY_GROUP_KEY = 'publicity';

/** Where a person stands towards relay tasks in one community. */
export interface RelayStanding extends RelayViewer {
  role: PolicyRole;
  communityId: string;
  /** coordinators, committee staff, and the publicity group's leaders and members: every building */
  manages: boolean;
  /** the buildings this person is the relay contact (楼组长) of */
  buildingIds: string[];
}

/** May see (and confirm) this task: those who manage, or the relay contact of its building. */
export const canSeeTask = (s: RelayStanding, task: { buildingId: string }) =>
  s.manages || s.buildingIds.includes(task.buildingId);

/**
 * The policy table, then the person's standing: `leader` and `volunteer` manage only inside the
 * publicity group; anyone else needs a building whose relay contact they are. FORBIDDEN otherwise.
 * Per-task checks (canSeeTask) are the caller's: a task of another building answers 404.
 */
export async function authorizeRelays(
  deps: AppDeps,
  actor: Actor,
  action: RelayAction,
): Promise<RelayStanding> {
  const role = authorize(actor, relayActions[action]);
  const communityId = actor.communityId!;
  const oversees = actor.roles.includes('coordinator') || actor.roles.includes('staff');
  const inGroupRoles = actor.roles.includes('leader') || actor.roles.includes('volunteer');
  const [group, buildingIds] = await Promise.all([
    inGroupRoles && !oversees
      ? groupMembership(deps.db, communityId, actor.account.id, PUBLICITY_GROUP_KEY)
      : Promise.resolve('none' as const),
    relayBuildingIds(deps.db, communityId, actor.account.id),
  ]);
  const manages = oversees || group !== 'none';
  const allowed = action.startsWith('relay.settings') ? manages : manages || buildingIds.length > 0;
  if (!allowed) throw new AppError('FORBIDDEN');
  return { role, communityId, manages, buildingIds };
}
