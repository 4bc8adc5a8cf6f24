import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateShift,
  type TSignUp,
  ZMySignupList,
  ZShift,
  ZShiftList,
  ZSignup,
} from '../../shared/api/shifts.ts';
import { ApiError, request } from './client.ts';
import { communityPath } from './registry.ts';
import { queryString } from './residents.ts';

/** Shifts and my sign-ups: every sign-up, cancellation or capacity change touches both. */
export const shiftsKey = (communityId: string) => ['shifts', communityId] as const;

/**
 * Places go in seconds (秒杀): the live stream patches them as they go (shifts-live.ts); this slow
 * poll only catches what a stream could not tell (e.g. a new shift) while the page is on screen.
 */
const LIVE_INTERVAL_MS = 60_000;

function useInvalidateShifts(communityId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) });
}

export function useShifts(communityId: string, filters: { groupId?: string; from: string }) {
  return useQuery({
    queryKey: [...shiftsKey(communityId), 'list', filters],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, `shifts${queryString(filters)}`), ZShiftList)).items,
    placeholderData: keepPreviousData,
    // TanStack pauses the interval while the tab is hidden, so a pocketed phone costs nothing.
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useMySignups(communityId: string, options: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery({
    queryKey: [...shiftsKey(communityId), 'mine'],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, 'my/signups'), ZMySignupList)).items,
    enabled: options.enabled ?? true,
    refetchInterval: options.live ? LIVE_INTERVAL_MS : false,
  });
}

export function useCreateShift(communityId: string) {
  const invalidate = useInvalidateShifts(communityId);
  return useMutation({
    mutationFn: (shift: TCreateShift) => request('POST', communityPath(communityId, 'shifts'), ZShift, shift),
    onSuccess: invalidate,
  });
}

export function useSetCapacity(communityId: string) {
  const invalidate = useInvalidateShifts(communityId);
  return useMutation({
    mutationFn: ({ shiftId, role, capacity }: { shiftId: string; role: string; capacity: number }) =>
      request('PUT', communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/capacity`), ZShift, {
        role,
        capacity,
      }),
    onSuccess: invalidate,
  });
}

export interface SignUpInput extends TSignUp {
  shiftId: string;
  /** One per press of the button; retries of that press reuse it, so they cannot book twice. */
  idempotencyKey: string;
}

// Only a lost connection is worth repeating; every answer from the server is final.
const retryLostConnection = (failures: number, error: unknown) =>
  error instanceof ApiError && error.code === 'NETWORK' && failures < 3;

export function useSignUp(communityId: string) {
  const invalidate = useInvalidateShifts(communityId);
  return useMutation({
    mutationFn: ({ shiftId, idempotencyKey, ...body }: SignUpInput) =>
      request(
        'POST',
        communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/signups`),
        ZSignup,
        body,
        { 'idempotency-key': idempotencyKey },
      ),
    retry: retryLostConnection,
    retryDelay: 1_000,
    // A refused sign-up changes the places too (someone else took the last one).
    onSettled: invalidate,
  });
}

export function useCancelSignup(communityId: string) {
  const invalidate = useInvalidateShifts(communityId);
  return useMutation({
    mutationFn: (signupId: string) =>
      request('DELETE', communityPath(communityId, `signups/${encodeURIComponent(signupId)}`), null),
    onSettled: invalidate,
  });
}
