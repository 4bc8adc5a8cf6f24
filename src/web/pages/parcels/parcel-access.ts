import type { Role } from '../../../shared/roles.ts';

/**
 * Coordinators, committee staff, leaders and volunteers (the server lets leaders and volunteers in only
 * when they belong to the parcels group, and answers 403 otherwise); residents never.
 */
export const canWorkParcels = (roles: readonly Role[]) =>
  roles.some(
    (role) => role === 'coordinator' || role === 'staff' || role === 'leader' || role === 'volunteer',
  );
