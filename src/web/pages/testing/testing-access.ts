import type { Role } from '../../../shared/roles.ts';

/** Rounds and coverage: the committee and the testing group (the server answers 403 to other groups). */
export const canSeeTesting = (roles: readonly Role[]) =>
  roles.some(
    (role) => role === 'coordinator' || role === 'staff' || role === 'leader' || role === 'volunteer',
  );

/** Creating rounds and sending residents door to door: coordinators, staff and the testing group's leaders. */
export const canManageTesting = (roles: readonly Role[]) =>
  roles.some((role) => role === 'coordinator' || role === 'staff' || role === 'leader');
