import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DELIVERY_RUNS_CHANGED } from '../../shared/api/delivery-runs.ts';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import {
  PARCELS_STATUS,
  type TConfirmPickup,
  ZMyParcels,
  ZMyRuns,
  ZPickup,
  ZRiderRun,
  ZStopDelivered,
} from '../../shared/api/parcel-rides.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { parcelsKey } from './parcels.ts';
import { communityPath } from './registry.ts';

/** Under the parcels key: a delivery or a pickup changes the bins and boards as well. */
const ridesKey = (communityId: string) => [...parcelsKey(communityId), 'rides'] as const;

/** Refetches the parcel queries when a parcel changes status anywhere in the community, or runs are confirmed. */
export function useLiveParcelStatus(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) });
  useLiveEvents(communityId, {
    [PARCELS_STATUS]: refetch,
    [DELIVERY_RUNS_CHANGED]: refetch,
    [LIVE_RESYNC]: refetch,
  });
}

export function useMyRuns(communityId: string) {
  return useQuery({
    queryKey: [...ridesKey(communityId), 'my-runs'],
    queryFn: () => request('GET', communityPath(communityId, 'my-runs'), ZMyRuns),
    // Live events refresh it; this only catches up after a phone slept in a pocket.
    refetchInterval: 60_000,
  });
}

export function useStartRun(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) =>
      request('POST', communityPath(communityId, `delivery-runs/${runId}/start`), ZRiderRun),
    onSettled: () => queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) }),
  });
}

export function useMarkStopDelivered(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, seq }: { runId: string; seq: number }) =>
      request(
        'POST',
        communityPath(communityId, `delivery-runs/${runId}/stops/${seq}/delivered`),
        ZStopDelivered,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) }),
  });
}

export function useMyParcels(communityId: string) {
  return useQuery({
    queryKey: [...ridesKey(communityId), 'mine'],
    queryFn: () => request('GET', communityPath(communityId, 'my-parcels'), ZMyParcels),
    refetchInterval: 120_000,
  });
}

/** What a building and code stand for; only asked once four digits are typed. */
export function usePickupLookup(communityId: string, buildingId: string | null, code: string) {
  const ready = buildingId !== null && /^\d{4}$/.test(code);
  return useQuery({
    queryKey: [...ridesKey(communityId), 'pickup', buildingId, code],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `parcel-pickups?buildingId=${buildingId}&code=${code}`),
        ZPickup,
      ),
    enabled: ready,
    retry: false,
  });
}

export function useConfirmPickup(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TConfirmPickup) =>
      request('POST', communityPath(communityId, 'parcel-pickups'), ZPickup, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) }),
  });
}
