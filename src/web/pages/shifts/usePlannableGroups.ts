import type { TSession } from '../../../shared/api/auth.ts';
import type { Role } from '../../../shared/roles.ts';
import { useGroups } from '../../api/groups.ts';
import { useOwnVolunteer } from '../../api/volunteers.ts';
import { isCoordinator } from '../../lib/access.ts';

/**
 * The groups whose shifts this person may create and resize: all for the coordinator, the led ones
 * for a leader. The server checks again; this only keeps buttons that would be refused off the screen.
 */
export function usePlannableGroups(
  communityId: string,
  roles: readonly Role[],
  account: TSession['account'] | null,
) {
  const coordinator = isCoordinator(roles);
  const leader = !coordinator && roles.includes('leader');
  const groups = useGroups(communityId);
  const own = useOwnVolunteer(communityId, leader ? account : null);
  const led = new Set((own.data?.groups ?? []).filter((g) => g.leader).map((g) => g.groupId));
  const all = groups.data ?? [];
  return {
    groups: coordinator ? all : all.filter((g) => led.has(g.id)),
    canManage: (groupId: string) => coordinator || led.has(groupId),
  };
}
