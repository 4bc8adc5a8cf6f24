import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  LIVE_RESYNC,
  SHIFT_CANCELLED,
  SHIFT_PLACES,
  ZShiftPlacesEvent,
} from '../../shared/api/live-events.ts';
import type { TShift, ZMySignup } from '../../shared/api/shifts.ts';
import { withPlaces } from '../lib/shift-places.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { shiftsKey } from './shifts.ts';

type MySignup = z.infer<typeof ZMySignup>;

/**
 * Keeps the cached shifts and my sign-ups in step with the community's live `shift.places` events,
 * without refetching: the places count on screen drops the moment someone signs up, on any server.
 * Only where I am on the waitlist is a refetch worth it, since my place in the queue may have moved.
 * After the stream was lost, or when a shift is called off, everything shown is refetched once.
 */
export function useLiveShiftPlaces(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) });
  useLiveEvents(communityId, {
    [SHIFT_PLACES]: (data) => {
      const parsed = ZShiftPlacesEvent.safeParse(data);
      if (!parsed.success) return;
      const event = parsed.data;
      let waiting = false;
      queryClient.setQueriesData<TShift[]>({ queryKey: [...shiftsKey(communityId), 'list'] }, (shifts) => {
        if (shifts?.some((s) => s.id === event.shiftId && s.mine?.status === 'waitlisted')) waiting = true;
        return shifts?.map((s) => withPlaces(s, event));
      });
      queryClient.setQueryData<MySignup[]>([...shiftsKey(communityId), 'mine'], (mine) => {
        if (mine?.some((m) => m.shiftId === event.shiftId && m.status === 'waitlisted')) waiting = true;
        return mine?.map((m) =>
          m.shiftId === event.shiftId ? { ...m, shift: withPlaces(m.shift, event) } : m,
        );
      });
      if (waiting) void refetch();
    },
    // Rare, and it changes more than places (the shift's status, my sign-up): refetched, not patched.
    [SHIFT_CANCELLED]: () => void refetch(),
    [LIVE_RESYNC]: () => void refetch(),
  });
}
