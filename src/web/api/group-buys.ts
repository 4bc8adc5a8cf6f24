import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  GROUP_BUYS_CHANGED,
  type TChangeOrder,
  type TCreateGroupBuy,
  type TGroupBuyPayment,
  type TPlaceOrder,
  type TPlanGroupBuyRuns,
  ZCloseResult,
  ZDistributionBuilding,
  ZDistributionList,
  ZGroupBuyDetail,
  ZGroupBuyOrder,
  ZGroupBuyRuns,
  ZGroupBuySummary,
  ZOrderList,
} from '../../shared/api/group-buys.ts';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

/** Every group-buy query lives under this key, so one invalidation refreshes lists, pages and tables. */
export const groupBuysKey = (communityId: string) => ['group-buys', communityId] as const;

export const groupBuyPath = (communityId: string, groupBuyId?: string, rest = '') =>
  communityPath(
    communityId,
    `group-buys${groupBuyId ? `/${encodeURIComponent(groupBuyId)}` : ''}${rest ? `/${rest}` : ''}`,
  );

const ZGroupBuyList = z.object({ groupBuys: z.array(ZGroupBuySummary), canCreate: z.boolean() });
const ZOrderableHouseholds = z.object({
  households: z.array(
    z.object({
      id: z.string(),
      buildingId: z.string(),
      buildingCode: z.string(),
      room: z.string(),
      orderId: z.string().nullable(),
    }),
  ),
});
export type TOrderableHousehold = z.infer<typeof ZOrderableHouseholds>['households'][number];

/** Refetches the group-buy queries when an order, a campaign, a payment or a drop changes anywhere. */
export function useLiveGroupBuys(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: groupBuysKey(communityId) });
  useLiveEvents(communityId, { [GROUP_BUYS_CHANGED]: refetch, [LIVE_RESYNC]: refetch });
}

export function useGroupBuys(communityId: string, state: 'open' | 'active' | 'all') {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'list', state],
    queryFn: () => request('GET', `${groupBuyPath(communityId)}?state=${state}`, ZGroupBuyList),
  });
}

export function useGroupBuy(communityId: string, groupBuyId: string) {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'detail', groupBuyId],
    queryFn: () => request('GET', groupBuyPath(communityId, groupBuyId), ZGroupBuyDetail),
  });
}

export function useOrderableHouseholds(communityId: string, groupBuyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'households', groupBuyId],
    enabled,
    queryFn: async () =>
      (await request('GET', groupBuyPath(communityId, groupBuyId, 'households'), ZOrderableHouseholds))
        .households,
  });
}

export function useGroupBuyOrders(communityId: string, groupBuyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'orders', groupBuyId],
    enabled,
    queryFn: async () =>
      (await request('GET', groupBuyPath(communityId, groupBuyId, 'orders'), ZOrderList)).orders,
  });
}

export function useDistributionList(communityId: string, groupBuyId: string) {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'distribution', groupBuyId],
    queryFn: () => request('GET', groupBuyPath(communityId, groupBuyId, 'distribution'), ZDistributionList),
  });
}

/**
 * A mutation whose success (or failure: the state may have moved on) refreshes every group-buy view.
 * The refetch is not awaited: an order form is keyed by its order and re-mounts once the new order
 * arrives, and the caller's own onSuccess (its confirmation message) must run before that.
 */
function useGroupBuyMutation<V, R>(communityId: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: groupBuysKey(communityId) });
    },
  });
}

export function useCreateGroupBuy(communityId: string) {
  return useGroupBuyMutation(communityId, (body: TCreateGroupBuy) =>
    request('POST', groupBuyPath(communityId), ZGroupBuyDetail, body),
  );
}

export function usePlaceOrder(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (body: TPlaceOrder) =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'orders'), ZGroupBuyOrder, body),
  );
}

export function useChangeOrder(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, ({ orderId, ...body }: TChangeOrder & { orderId: string }) =>
    request(
      'PUT',
      groupBuyPath(communityId, groupBuyId, `orders/${encodeURIComponent(orderId)}`),
      ZGroupBuyOrder,
      body,
    ),
  );
}

export function useWithdrawOrder(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (orderId: string) =>
    request(
      'POST',
      groupBuyPath(communityId, groupBuyId, `orders/${encodeURIComponent(orderId)}/withdraw`),
      ZGroupBuyOrder,
    ),
  );
}

export function useConfirmReceipt(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (orderId: string) =>
    request(
      'POST',
      groupBuyPath(communityId, groupBuyId, `orders/${encodeURIComponent(orderId)}/receipt`),
      ZGroupBuyOrder,
    ),
  );
}

export function useCloseGroupBuy(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, () =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'close'), ZCloseResult),
  );
}

export function useMarkPaid(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (body: { orderIds: string[]; payment: TGroupBuyPayment }) =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'payments'), ZOrderList, body),
  );
}

export function useRecordSupplierBill(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (supplierBillFen: number) =>
    request('PUT', groupBuyPath(communityId, groupBuyId, 'supplier-bill'), ZGroupBuyDetail, {
      supplierBillFen,
    }),
  );
}

export function useRecordArrival(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (items: { itemId: string; received: number }[]) =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'arrival'), ZGroupBuyDetail, { items }),
  );
}

export function useMarkBuildingDistributed(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (buildingId: string) =>
    request(
      'POST',
      groupBuyPath(communityId, groupBuyId, `buildings/${encodeURIComponent(buildingId)}/distributed`),
      ZDistributionBuilding,
    ),
  );
}

export interface ExceptionInput {
  orderId: string;
  itemId?: string;
  kind: 'damaged' | 'missing' | 'other';
  quantity: number;
  note?: string;
}

export function useRecordException(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (body: ExceptionInput) =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'exceptions'), z.unknown(), body),
  );
}

/** The xlsx downloads are plain links: the browser sends the session cookie with a GET. */
export const distributionXlsxUrl = (communityId: string, groupBuyId: string) =>
  groupBuyPath(communityId, groupBuyId, 'distribution.xlsx');
export const supplierXlsxUrl = (communityId: string, groupBuyId: string) =>
  groupBuyPath(communityId, groupBuyId, 'export.xlsx');

export function useGroupBuyRuns(communityId: string, groupBuyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...groupBuysKey(communityId), 'runs', groupBuyId],
    enabled,
    retry: false,
    queryFn: () => request('GET', groupBuyPath(communityId, groupBuyId, 'runs'), ZGroupBuyRuns),
  });
}

export function usePlanGroupBuyRuns(communityId: string, groupBuyId: string) {
  return useGroupBuyMutation(communityId, (body: TPlanGroupBuyRuns) =>
    request('POST', groupBuyPath(communityId, groupBuyId, 'runs'), ZGroupBuyRuns, body),
  );
}
