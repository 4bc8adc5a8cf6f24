import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TReceiveParcels,
  ZParcelBins,
  ZParcelList,
  ZReceivedParcels,
} from '../../shared/api/parcels.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

/** Bins and parcel lists of a community: a new parcel changes them all. */
export const parcelsKey = (communityId: string) => ['parcels', communityId] as const;

export function useParcelBins(communityId: string) {
  return useQuery({
    queryKey: [...parcelsKey(communityId), 'bins'],
    queryFn: () => request('GET', communityPath(communityId, 'parcel-bins'), ZParcelBins),
    // Live events refresh the bins; this only catches up after a phone slept.
    refetchInterval: 60_000,
  });
}

/** The newest parcels recorded today, to show the gate what just landed. */
export function useRecentParcels(communityId: string, limit = 8) {
  return useQuery({
    queryKey: [...parcelsKey(communityId), 'recent', limit],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, `parcels?limit=${limit}`), ZParcelList)).parcels,
  });
}

export function useReceiveParcels(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TReceiveParcels) =>
      request('POST', communityPath(communityId, 'parcels'), ZReceivedParcels, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) }),
  });
}
