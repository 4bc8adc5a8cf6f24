import type { TShiftPlacesEvent } from '../../shared/api/live-events.ts';
import type { TShift } from '../../shared/api/shifts.ts';

type Placed = Pick<TShift, 'id' | 'roles'>;

/** The shift with the event's roles' figures in place of its own; the same object when not concerned. */
export function withPlaces<S extends Placed>(shift: S, event: TShiftPlacesEvent): S {
  if (shift.id !== event.shiftId) return shift;
  const roles = shift.roles.map((role) => {
    const now = event.roles.find((r) => r.role === role.role);
    return now ? { ...role, ...now } : role;
  });
  return { ...shift, roles };
}
