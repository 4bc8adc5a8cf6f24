import { z } from 'zod';
import { ZShiftRole } from './shifts.ts';

/**
 * The live events a browser hears on GET /api/communities/:communityId/events (server-sent events,
 * `event: <type>` and one JSON `data:` line each).
 */

/** Sent when the server may have missed events (its database listener was cut off): refetch what is shown. */
export const LIVE_RESYNC = 'live.resync';

/**
 * A shift's places changed: the roles named carry their current capacity, taken and waiting figures
 * (only the roles that changed; others keep theirs). Several changes within a moment arrive as the last.
 */
export const SHIFT_PLACES = 'shift.places';
export const ZShiftPlacesEvent = z.object({
  shiftId: z.string(),
  roles: z.array(ZShiftRole),
});
export type TShiftPlacesEvent = z.infer<typeof ZShiftPlacesEvent>;

/** A shift was called off ({ shiftId, groupId }): pages showing it refetch. */
export const SHIFT_CANCELLED = 'shift.cancelled';
