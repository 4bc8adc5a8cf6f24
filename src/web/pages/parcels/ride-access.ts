import type { Role } from '../../../shared/roles.ts';

/**
 * Riders are volunteers (leaders too); coordinators may ride or help a rider. The server shows each
 * only the runs whose rider they are.
 */
export const canRide = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('leader') || roles.includes('volunteer');

/**
 * The pickup desk: the parcels crew and committee staff (the server lets leaders and volunteers in
 * only from the parcels group). A resident may use it only as a building's relay contact, which the
 * page learns from listMyParcels.
 */
export const isPickupCrew = (roles: readonly Role[]) =>
  roles.some(
    (role) => role === 'coordinator' || role === 'staff' || role === 'leader' || role === 'volunteer',
  );

/** Anyone who may live in the compound has a household's parcels to see. */
export const hasOwnParcels = (roles: readonly Role[]) => roles.some((role) => role !== 'viewer');
