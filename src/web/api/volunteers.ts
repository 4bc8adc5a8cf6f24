import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TSetVolunteerGroups,
  type TVolunteerDecision,
  ZDecisionResult,
  ZVolunteer,
  ZVolunteerCall,
  ZVolunteerCallList,
  ZVolunteerPage,
} from '../../shared/api/volunteers.ts';
import type { VOLUNTEER_STATUSES } from '../../shared/volunteers.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { queryString } from './residents.ts';

export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** Calls, volunteers and groups of a community: one decision changes counts on all of them. */
export const volunteersKey = (communityId: string) => ['volunteers', communityId] as const;

export function useInvalidateVolunteers(communityId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: volunteersKey(communityId) }),
      // The home page counts pending volunteers and group sizes.
      queryClient.invalidateQueries({ queryKey: ['overview', communityId] }),
    ]);
}

export const qrCodeUrl = (communityId: string, callId: string) =>
  communityPath(communityId, `volunteer-calls/${encodeURIComponent(callId)}/qr.png`);

export function useVolunteerCalls(communityId: string) {
  return useQuery({
    queryKey: [...volunteersKey(communityId), 'calls'],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, 'volunteer-calls'), ZVolunteerCallList)).items,
    // Registrations pour in for hours after a call; the counts follow while the page is open.
    refetchInterval: 15_000,
  });
}

export function useOpenCall(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: (title: string) =>
      request('POST', communityPath(communityId, 'volunteer-calls'), ZVolunteerCall, { title }),
    onSuccess: invalidate,
  });
}

export function useCloseCall(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: (callId: string) =>
      request(
        'POST',
        communityPath(communityId, `volunteer-calls/${encodeURIComponent(callId)}/close`),
        ZVolunteerCall,
      ),
    onSuccess: invalidate,
  });
}

export interface VolunteerFilters {
  status: VolunteerStatus;
  groupId?: string;
  q?: string;
}

export function useVolunteers(
  communityId: string,
  filters: VolunteerFilters,
  paging: { limit: number; offset: number },
  showWorkplace: boolean,
) {
  return useQuery({
    queryKey: [...volunteersKey(communityId), 'list', filters, paging, { showWorkplace }],
    queryFn: () =>
      request(
        'GET',
        communityPath(
          communityId,
          // Sent only when asked for: staff and leaders may not ask at all.
          `volunteers${queryString({ ...filters, ...paging, showWorkplace: showWorkplace || undefined })}`,
        ),
        ZVolunteerPage,
      ),
    placeholderData: keepPreviousData,
  });
}

/** How many volunteers each tab holds, for its label; one row is the least the API will send. */
export function useVolunteerCount(communityId: string, filters: VolunteerFilters) {
  return useQuery({
    queryKey: [...volunteersKey(communityId), 'count', filters],
    queryFn: async () =>
      (
        await request(
          'GET',
          communityPath(communityId, `volunteers${queryString({ ...filters, limit: 1 })}`),
          ZVolunteerPage,
        )
      ).total,
    placeholderData: keepPreviousData,
  });
}

/**
 * The signed-in leader's own volunteer record, for the groups they lead. The API has no "my
 * volunteer" call, so this searches the roster by their name and picks their account.
 */
export function useOwnVolunteer(communityId: string, account: { id: string; displayName: string } | null) {
  return useQuery({
    queryKey: [...volunteersKey(communityId), 'own', account?.id],
    queryFn: async () => {
      const query = queryString({ q: account!.displayName.slice(0, 50), status: 'approved', limit: 100 });
      const page = await request('GET', communityPath(communityId, `volunteers${query}`), ZVolunteerPage);
      return page.items.find((v) => v.accountId === account!.id) ?? null;
    },
    enabled: account !== null,
    staleTime: 60_000,
  });
}

export function useDecideVolunteers(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: (decision: TVolunteerDecision) =>
      request('POST', communityPath(communityId, 'volunteers/decisions'), ZDecisionResult, decision),
    onSuccess: invalidate,
  });
}

export function useSetVolunteerGroups(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: ({ id, groups }: { id: string } & TSetVolunteerGroups) =>
      request('PUT', communityPath(communityId, `volunteers/${encodeURIComponent(id)}/groups`), ZVolunteer, {
        groups,
      }),
    onSuccess: invalidate,
  });
}
