import { and, eq, inArray } from 'drizzle-orm';
import type { TGroupBuyDetail, TGroupBuyOrder, TGroupBuyPayment } from '../../../shared/api/group-buys.ts';
import { groupBuyOrders, groupBuys } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { presentOrder, priceMap, seqMap, yuan } from './group-buys.presenter.ts';
import { campaignForTurn, itemsOfCampaigns, ordersOf } from './group-buys.repository.ts';
import { groupBuyDetail } from './group-buys.service.ts';
import { authorizeGroupBuy } from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

/**
 * POST …/payments: a volunteer going down a building's list marks several households paid (or to pay
 * on delivery, or back to unpaid) in one go: all of them or, if one is unknown or withdrawn, none.
 * Payment itself happens outside Linli.
 */
export async function markPaid(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  input: { orderIds: string[]; payment: TGroupBuyPayment },
): Promise<{ orders: TGroupBuyOrder[] }> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.pay');
  const orderIds = [...new Set(input.orderIds)];
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const campaign = await campaignForTurn(tx, communityId, groupBuyId, 'share');
    if (!campaign) throw notFound('groupBuy');
    if (campaign.status === 'failed' || campaign.status === 'cancelled')
      throw new AppError('GROUP_BUY_NOT_PAYABLE');
    const found = await tx
      .select({ id: groupBuyOrders.id, status: groupBuyOrders.status })
      .from(groupBuyOrders)
      .where(
        and(
          eq(groupBuyOrders.communityId, communityId),
          eq(groupBuyOrders.groupBuyId, groupBuyId),
          inArray(groupBuyOrders.id, orderIds),
        ),
      )
      .for('update');
    if (found.length !== orderIds.length) throw notFound('groupBuyOrder');
    if (found.some((o) => o.status !== 'active')) throw new AppError('GROUP_BUY_ORDER_WITHDRAWN');
    await tx
      .update(groupBuyOrders)
      .set({
        payment: input.payment,
        paymentMarkedBy: actor.account.id,
        paymentMarkedAt: now,
        updatedAt: now,
      })
      .where(and(eq(groupBuyOrders.communityId, communityId), inArray(groupBuyOrders.id, orderIds)));
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: `groupBuy.payment.${input.payment}`,
      targetType: 'group_buy',
      targetId: groupBuyId,
      params: { title: campaign.title, count: orderIds.length },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'payment');
    const [items, rows] = await Promise.all([
      itemsOfCampaigns(tx, communityId, [groupBuyId]),
      ordersOf(tx, communityId, groupBuyId, { orderIds }),
    ]);
    const prices = priceMap(items);
    const seqs = seqMap(items);
    return { orders: rows.map((r) => presentOrder(campaign, r, prices, seqs)) };
  });
}

/** PUT …/supplier-bill: what the supplier billed, reconciled in the detail against the payments marked. */
export async function recordSupplierBill(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  input: { supplierBillFen: number },
): Promise<TGroupBuyDetail> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.manage');
  await deps.db.transaction(async (tx) => {
    const campaign = await campaignForTurn(tx, communityId, groupBuyId, 'update');
    if (!campaign) throw notFound('groupBuy');
    await tx
      .update(groupBuys)
      .set({ supplierBillFen: input.supplierBillFen })
      .where(and(eq(groupBuys.communityId, communityId), eq(groupBuys.id, groupBuyId)));
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'groupBuy.supplier_bill',
      targetType: 'group_buy',
      targetId: groupBuyId,
      params: { title: campaign.title, amount: yuan(input.supplierBillFen) },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'bill');
  });
  return groupBuyDetail(deps.db, standing, groupBuyId);
}
