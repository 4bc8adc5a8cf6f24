import type { TSession } from '../../shared/api/auth.ts';
import type { Role } from '../../shared/roles.ts';

/** Which pages a person may open; mirrors the server's policies so the menu never offers a 403. */
export const canSeeAudit = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

export const canCreateCommunity = (session: TSession) =>
  session.account.isPlatformAdmin || session.memberships.some((m) => m.roles.includes('staff'));

/** Staff and coordinators edit the registry, import and export rosters, and may reveal full numbers. */
export const canEditRegistry = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

/** Everyone but a plain resident works with the registry; a resident sees only their own household. */
export const canSeeRegistry = (roles: readonly Role[]) => roles.some((role) => role !== 'resident');
