import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import { MEDICINE_REQUESTS } from '../../shared/api/medicine.ts';
import {
  type TAssignMedicineRequests,
  type TPlanMedicineTrips,
  type TRecordCareContact,
  ZAssignedMedicineRequests,
  ZCareContact,
  ZCareFollowUpList,
  ZMedicineAssigneeList,
  ZMedicineTripList,
} from '../../shared/api/medicine-work.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

/** Every medicine query lives under this key, so one invalidation refreshes queue, details and trips. */
export const medicineKey = (communityId: string) => ['medicine', communityId] as const;

/**
 * Refetches the medicine queries when a request is created, triaged, moved on or escalated anywhere.
 * An open request's details are refetched only for a change to that request: every view of them is
 * audited, and another request's change must not write a view nobody made.
 */
export function useLiveMedicine(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = (changed: string | null) =>
    void queryClient.invalidateQueries({
      queryKey: medicineKey(communityId),
      predicate: (query) =>
        query.queryKey[2] !== 'request' || changed === null || query.queryKey[3] === changed,
    });
  useLiveEvents(communityId, {
    [MEDICINE_REQUESTS]: (data) => refetch(requestIdOf(data)),
    [LIVE_RESYNC]: () => refetch(null),
  });
}

/** The request an event is about; null (refetch everything) when the event does not say. */
function requestIdOf(data: unknown): string | null {
  const id = (data as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' ? id : null;
}

export function useMedicineAssignees(communityId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...medicineKey(communityId), 'assignees'],
    enabled,
    queryFn: async () =>
      (await request('GET', communityPath(communityId, 'medicine-assignees'), ZMedicineAssigneeList))
        .assignees,
  });
}

export function useAssignMedicineRequests(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssignMedicineRequests) =>
      request(
        'POST',
        communityPath(communityId, 'medicine-requests/assign'),
        ZAssignedMedicineRequests,
        body,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: medicineKey(communityId) }),
  });
}

export function useMedicineTrips(communityId: string, status: 'open' | 'all') {
  return useQuery({
    queryKey: [...medicineKey(communityId), 'trips', status],
    queryFn: () =>
      request('GET', communityPath(communityId, `medicine-trips?status=${status}`), ZMedicineTripList),
  });
}

export function usePlanMedicineTrips(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPlanMedicineTrips) =>
      request('POST', communityPath(communityId, 'medicine-trips/plan'), ZMedicineTripList, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: medicineKey(communityId) }),
  });
}

export function useCareFollowUps(communityId: string, days: number) {
  return useQuery({
    queryKey: [...medicineKey(communityId), 'care', days],
    queryFn: () =>
      request('GET', communityPath(communityId, `care-follow-ups?days=${days}`), ZCareFollowUpList),
  });
}

export function useRecordCareContact(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TRecordCareContact) =>
      request('POST', communityPath(communityId, 'care-contacts'), ZCareContact, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...medicineKey(communityId), 'care'] }),
  });
}
