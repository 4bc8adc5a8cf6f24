import type { Role } from '../../../shared/roles.ts';

/**
 * Lanes: coordinators, committee staff, leaders and volunteers (the server lets leaders and volunteers
 * in only when they belong to the testing group, and answers 403 otherwise).
 */
export const canScanTesting = (roles: readonly Role[]) =>
  roles.some(
    (role) => role === 'coordinator' || role === 'staff' || role === 'leader' || role === 'volunteer',
  );

/** Printed code cards for households without phones: those who keep the registry. */
export const canPrintCodeCards = (roles: readonly Role[]) =>
  roles.some((role) => role === 'coordinator' || role === 'staff');

/**
 * Everyone who may live here has a household's codes to show (the page says so when there is none);
 * the street office's viewers read the compound from outside and live elsewhere.
 */
export const hasTestingCode = (roles: readonly Role[]) => roles.some((role) => role !== 'viewer');
