import type { Role } from '../../../shared/roles.ts';
import { useMyVolunteer } from '../../api/attendance.ts';

const OVERSEES: readonly Role[] = ['coordinator', 'staff'];

/** Who works with disinfection rounds, as the server's policy says (disinfection.policy.ts). */
export interface DisinfectionAccess {
  /** sees the rounds and the coverage: the group, coordinators, staff and viewers */
  sees: boolean;
  /** logs rounds: the group, coordinators and staff */
  logs: boolean;
  /** manages the areas: coordinators, staff and the group's leaders */
  manages: boolean;
  /** still finding out whether a volunteer is in the disinfection group */
  pending: boolean;
}

/**
 * The signed-in person's part in the rounds. Volunteers and leaders count only in the disinfection
 * group, so for them it asks for their own volunteer record (cached, shared with other pages); the
 * menu never offers a page that would answer 403.
 */
export function useDisinfectionAccess(
  roles: readonly Role[],
  communityId: string | undefined,
): DisinfectionAccess {
  const oversees = roles.some((r) => OVERSEES.includes(r));
  const inGroupRoles = !oversees && (roles.includes('leader') || roles.includes('volunteer'));
  const me = useMyVolunteer(communityId ?? '', inGroupRoles && Boolean(communityId));
  const group = me.data?.groups.find((g) => g.key === 'disinfection');
  const member = inGroupRoles && me.data?.status === 'approved' && Boolean(group);
  return {
    sees: oversees || roles.includes('viewer') || member,
    logs: oversees || member,
    manages: oversees || (member && Boolean(group?.leader)),
    pending: inGroupRoles && me.isPending,
  };
}
