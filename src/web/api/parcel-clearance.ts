import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCloseParcelDay,
  ZClearanceBoard,
  ZClosedParcelDay,
  ZOutstandingParcels,
  ZParcelDays,
} from '../../shared/api/parcel-clearance.ts';
import { type TParcelSettings, ZParcelSettings } from '../../shared/api/parcel-settings.ts';
import { request } from './client.ts';
import { parcelsKey } from './parcels.ts';
import { communityPath } from './registry.ts';

// Under the parcels key: whatever changes a parcel (intake, runs, pickup) refreshes the board too.
const boardKey = (communityId: string) => [...parcelsKey(communityId), 'board'] as const;

/** The clearance board of a local day; undefined asks for the community's today. */
export function useClearanceBoard(communityId: string, day: string | undefined) {
  return useQuery({
    queryKey: [...boardKey(communityId), 'day', day ?? 'today'],
    queryFn: () =>
      request('GET', communityPath(communityId, `parcel-board${day ? `?day=${day}` : ''}`), ZClearanceBoard),
    placeholderData: keepPreviousData,
    // Live events refresh the board; this only catches up after a phone slept.
    refetchInterval: 60_000,
  });
}

export function useParcelDays(communityId: string) {
  return useQuery({
    queryKey: [...boardKey(communityId), 'history'],
    queryFn: () => request('GET', communityPath(communityId, 'parcel-days'), ZParcelDays),
  });
}

/** The parcels that need a reason to close the day (asked when the close form opens). */
export function useDayLeftovers(communityId: string, day: string, enabled: boolean) {
  return useQuery({
    queryKey: [...boardKey(communityId), 'leftovers', day],
    queryFn: () =>
      request('GET', communityPath(communityId, `parcel-days/${day}/leftovers`), ZOutstandingParcels),
    enabled,
  });
}

export function useCloseParcelDay(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCloseParcelDay) =>
      request('POST', communityPath(communityId, 'parcel-days'), ZClosedParcelDay, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKey(communityId) }),
  });
}

const settingsKey = (communityId: string) => [...parcelsKey(communityId), 'settings'] as const;

export function useParcelSettings(communityId: string) {
  return useQuery({
    queryKey: settingsKey(communityId),
    queryFn: () => request('GET', communityPath(communityId, 'parcel-settings'), ZParcelSettings),
  });
}

export function useSetParcelSettings(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TParcelSettings) =>
      request('PUT', communityPath(communityId, 'parcel-settings'), ZParcelSettings, body),
    onSuccess: (saved) => client.setQueryData(settingsKey(communityId), saved),
  });
}
