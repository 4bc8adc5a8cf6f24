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

/** Opening calls, deciding on volunteers and forming groups are the branch secretary's. */
export const isCoordinator = (roles: readonly Role[]) => roles.includes('coordinator');

/** Leaders plan shifts with the roster; committee staff see who works in their compound. */
export const canSeeVolunteers = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff') || roles.includes('leader');

/** Everyone who works in the compound sees its groups; residents have no use for them. */
export const canSeeGroups = (roles: readonly Role[]) => roles.some((role) => role !== 'resident');

export const canSeeShifts = (roles: readonly Role[]) => roles.some((role) => role !== 'resident');

/** Only volunteers (leaders are volunteers too) take places on shifts. */
export const canSignUp = (roles: readonly Role[]) => roles.includes('volunteer') || roles.includes('leader');

/** The coordinator plans every group's shifts; a leader those of the groups they lead (server-checked). */
export const canPlanShifts = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('leader');

/** Coordinators, staff and viewers see every group's shifts; volunteers only their own groups'. */
export const seesAllShifts = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff') || roles.includes('viewer');
