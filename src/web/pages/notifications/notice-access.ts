import type { Role } from '../../../shared/roles.ts';

/** The gateway and the failed notices: the secretary and committee staff (as the server's policy says). */
export const canManageNotices = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');
