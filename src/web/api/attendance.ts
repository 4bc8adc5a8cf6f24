import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZMyVolunteer, ZRosterEntry, ZShiftRoster } from '../../shared/api/attendance.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { shiftsKey } from './shifts.ts';
import { volunteersKey } from './volunteers.ts';

const rosterKey = (communityId: string, shiftId: string) =>
  [...shiftsKey(communityId), 'roster', shiftId] as const;
const myVolunteerKey = (communityId: string) => ['my-volunteer', communityId] as const;

/** The live stream carries every change; the poll only covers a stream that is down for a while. */
const ROSTER_REFRESH_MS = 60_000;

/**
 * Two leaders may check people in at once: the list follows the other's taps (a `shift.attendance`
 * event), sign-ups and cancellations (`shift.places`) as they happen.
 */
export function useShiftRoster(communityId: string, shiftId: string) {
  const queryClient = useQueryClient();
  const refetchIfThisShift = (data: unknown) => {
    if ((data as { shiftId?: unknown })?.shiftId === shiftId) {
      void queryClient.invalidateQueries({ queryKey: rosterKey(communityId, shiftId) });
    }
  };
  useLiveEvents(communityId, {
    'shift.attendance': refetchIfThisShift,
    'shift.places': refetchIfThisShift,
    'live.resync': () => void queryClient.invalidateQueries({ queryKey: rosterKey(communityId, shiftId) }),
  });
  return useQuery({
    queryKey: rosterKey(communityId, shiftId),
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/roster`),
        ZShiftRoster,
      ),
    refetchInterval: ROSTER_REFRESH_MS,
  });
}

export type AttendanceKind = 'check-in' | 'check-out' | 'no-show';
export interface AttendanceInput {
  kind: AttendanceKind;
  signupId?: string;
  badgeToken?: string;
  undo?: boolean;
}

export function useAttendance(communityId: string, shiftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: AttendanceInput) =>
      request(
        'POST',
        communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/${kind}`),
        ZRosterEntry,
        body,
      ),
    // A refusal may mean the list is stale (someone else already checked them in): reload either way.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rosterKey(communityId, shiftId) }),
        queryClient.invalidateQueries({ queryKey: volunteersKey(communityId) }),
      ]),
  });
}

export function useMyVolunteer(communityId: string, enabled = true) {
  return useQuery({
    queryKey: myVolunteerKey(communityId),
    queryFn: () => request('GET', communityPath(communityId, 'my/volunteer'), ZMyVolunteer),
    enabled,
    // The record changes when a leader checks me out; coming back to the page shows it.
    staleTime: 30_000,
  });
}

export function useResetCalendarToken(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', communityPath(communityId, 'my/calendar-token'), ZMyVolunteer),
    onSuccess: (me) => queryClient.setQueryData(myVolunteerKey(communityId), me),
  });
}
