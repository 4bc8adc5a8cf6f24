import { GROUP_BUYS_CHANGED } from '../../../shared/api/group-buys.ts';
import { publishLive } from '../../platform/live-events.ts';
import type { Executor } from './group-buys.repository.ts';

/**
 * Tells every open page of the community that a campaign changed (an order, its state, a payment, a
 * drop), inside the transaction of the change: pages refetch what they show. Coalesced per campaign,
 * so a burst of orders makes one refetch, not hundreds.
 */
export async function publishGroupBuyChange(
  tx: Pick<Executor, 'execute'>,
  communityId: string,
  groupBuyId: string,
  change: string,
) {
  await publishLive(tx, {
    communityId,
    type: GROUP_BUYS_CHANGED,
    data: { groupBuyId, change },
    coalesceKey: `${GROUP_BUYS_CHANGED}:${groupBuyId}`,
  });
}
