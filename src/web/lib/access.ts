import type { TSession } from '../../shared/api/auth.ts';
import type { Role } from '../../shared/roles.ts';

/** Which pages a person may open; mirrors the server's policies so the menu never offers a 403. */
export const canSeeAudit = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

export const canCreateCommunity = (session: TSession) =>
  session.account.isPlatformAdmin || session.memberships.some((m) => m.roles.includes('staff'));
