import type { Role } from '../../../shared/roles.ts';

/**
 * Residents ask for their household; the committee and the groups' members on a resident's behalf.
 * A viewer (the street office) reads the dashboard's medicine figures only.
 */
export const canAskMedicine = (roles: readonly Role[]) => roles.some((role) => role !== 'viewer');

/** Intake on someone's behalf (the server lets leaders and volunteers in only from the medicine group). */
export const canAskForOthers = (roles: readonly Role[]) =>
  roles.some((r) => r === 'coordinator' || r === 'staff' || r === 'leader' || r === 'volunteer');

/** The request list and its work: the committee and the medicine group (the server narrows further). */
export const canWorkMedicine = canAskForOthers;

/** Overriding urgency, assigning and planning trips: coordinators, staff and leaders. */
export const canLeadMedicine = (roles: readonly Role[]) =>
  roles.some((r) => r === 'coordinator' || r === 'staff' || r === 'leader');
