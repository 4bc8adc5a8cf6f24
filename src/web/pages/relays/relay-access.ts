import type { Role } from '../../../shared/roles.ts';
import { ApiError } from '../../api/client.ts';
import { useRelayTasks } from '../../api/relay-tasks.ts';

/** Coordinators and committee staff oversee every building's relays (the server also lets in the publicity group). */
export const overseesRelays = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

/** Anyone but a viewer may be a building's relay contact (a resident, or a volunteer living here). */
const mayRelay = (roles: readonly Role[]) => roles.some((role) => role !== 'viewer');

/**
 * Whether the relays page has anything for this person: the roles cannot say who is a relay contact
 * or in the publicity group, so for others the list itself answers (403: nothing). It shares its
 * cache with the page and the home tile, so the menu costs no extra request.
 */
export function useRelayAccess(communityId: string | undefined, roles: readonly Role[]) {
  const oversees = overseesRelays(roles);
  const asked = Boolean(communityId) && !oversees && mayRelay(roles);
  const list = useRelayTasks(communityId ?? '', {}, asked);
  if (oversees) return 'manager' as const;
  if (!asked || !list.data) return 'none' as const;
  return list.data.view;
}

export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;
