import { AppError } from '../../platform/app-error.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { groupMembership } from '../volunteers/group-membership.ts';
import { type AnnouncementAction, announcementActions } from './announcements.policy.ts';

export const PUBLICITY_GROUP_KEY = 'publicity';

/** Where a person stands towards announcements in one community. */
export interface AnnouncementStanding {
  role: PolicyRole;
  communityId: string;
  accountId: string;
  /** coordinators, committee staff and the publicity group: publish, see every announcement and its receipts */
  manages: boolean;
}

/**
 * The policy table, then the person's standing: a `leader` or `volunteer` manages announcements only
 * as a member of the publicity group. Publishing and receipts are FORBIDDEN to everyone else; reading
 * is open to every member (what they may see is the service's question). Expects an actor from
 * communityActor() (a non-member already got 404 there).
 */
export async function authorizeAnnouncements(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  action: AnnouncementAction,
): Promise<AnnouncementStanding> {
  const role = authorize(actor, announcementActions[action]);
  const communityId = actor.communityId!;
  const oversees = actor.roles.includes('coordinator') || actor.roles.includes('staff');
  const inGroupRoles = actor.roles.includes('leader') || actor.roles.includes('volunteer');
  const manages =
    oversees ||
    (inGroupRoles &&
      (await groupMembership(deps.db, communityId, actor.account.id, PUBLICITY_GROUP_KEY)) !== 'none');
  if (action !== 'announcements.read' && !manages) throw new AppError('FORBIDDEN');
  return { role, communityId, accountId: actor.account.id, manages };
}
