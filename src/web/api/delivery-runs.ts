import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TConfirmDeliveryRuns,
  type TMoveDeliveryStop,
  type TPlanDeliveryRuns,
  ZDeliveryPlan,
  ZDeliveryPlanning,
  ZDeliveryRunList,
} from '../../shared/api/delivery-runs.ts';
import { request } from './client.ts';
import { parcelsKey } from './parcels.ts';
import { communityPath } from './registry.ts';

/** Under the parcels key: confirming a plan takes parcels out of the bins, so bins refetch too. */
export const deliveryRunsKey = (communityId: string) =>
  [...parcelsKey(communityId), 'delivery-runs'] as const;

export function useDeliveryPlanning(communityId: string) {
  return useQuery({
    queryKey: [...deliveryRunsKey(communityId), 'planning'],
    queryFn: () => request('GET', communityPath(communityId, 'delivery-planning'), ZDeliveryPlanning),
  });
}

/** The runs of a local day (today when no day is given), for the leader and the riders. */
export function useDeliveryRuns(communityId: string, day?: string) {
  return useQuery({
    queryKey: [...deliveryRunsKey(communityId), 'list', day ?? 'today'],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `delivery-runs${day ? `?day=${day}` : ''}`),
        ZDeliveryRunList,
      ),
  });
}

function usePlanMutation<B>(communityId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => request('POST', communityPath(communityId, path), ZDeliveryPlan, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: parcelsKey(communityId) }),
  });
}

export const usePlanDeliveryRuns = (communityId: string) =>
  usePlanMutation<TPlanDeliveryRuns>(communityId, 'delivery-plans');
export const useMoveDeliveryStop = (communityId: string) =>
  usePlanMutation<TMoveDeliveryStop>(communityId, 'delivery-plans/move-stop');
export const useConfirmDeliveryRuns = (communityId: string) =>
  usePlanMutation<TConfirmDeliveryRuns>(communityId, 'delivery-plans/confirm');
