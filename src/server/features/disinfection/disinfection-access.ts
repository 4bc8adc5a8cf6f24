import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { type DisinfectionAction, disinfectionActions } from './disinfection.policy.ts';

export const DISINFECTION_GROUP_KEY = 'disinfection';

/** Where a person stands towards disinfection rounds in one community. */
export interface DisinfectionStanding {
  /** the role the policy table let them in under */
  role: PolicyRole;
  communityId: string;
  /** coordinators and committee staff */
  oversees: boolean;
  /** read-only observers */
  views: boolean;
  /** their place in the disinfection group (a leader of another group is 'none' here) */
  group: 'none' | 'member' | 'leader';
}

const NEEDS: Record<DisinfectionAction, (s: DisinfectionStanding) => boolean> = {
  'disinfection.area.manage': (s) => s.oversees || s.group === 'leader',
  'disinfection.view': (s) => s.oversees || s.views || s.group !== 'none',
  'disinfection.log': (s) => s.oversees || s.group !== 'none',
};

/**
 * The policy table, then the person's standing: FORBIDDEN for a volunteer or leader outside the
 * disinfection group. Expects an actor from communityActor() (a non-member already got 404 there).
 */
export async function authorizeDisinfection(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  action: DisinfectionAction,
): Promise<DisinfectionStanding> {
  const role = authorize(actor, disinfectionActions[action]);
  const communityId = actor.communityId!;
  const oversees = actor.roles.includes('coordinator') || actor.roles.includes('staff');
  const inGroupRoles = actor.roles.includes('leader') || actor.roles.includes('volunteer');
  const group =
    inGroupRoles && !oversees
      ? await groupMembership(deps.db, communityId, actor.account.id, DISINFECTION_GROUP_KEY)
      : 'none';
  const standing: DisinfectionStanding = {
    role,
    communityId,
    oversees,
    views: actor.roles.includes('viewer'),
    group,
  };
  if (!NEEDS[action](standing)) throw new AppError('FORBIDDEN');
  return standing;
}
