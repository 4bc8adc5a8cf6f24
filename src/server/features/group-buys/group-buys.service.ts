import type {
  TCreateGroupBuyParsed,
  TGroupBuyDetail,
  TGroupBuySummary,
} from '../../../shared/api/group-buys.ts';
import { groupBuyItems, groupBuys } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { householdsWithOrders } from './group-buy-households.repository.ts';
import {
  orderAmountFen,
  presentItem,
  presentOrder,
  presentSummary,
  priceMap,
  seqMap,
} from './group-buys.presenter.ts';
import {
  activeOrdersOfHouseholds,
  type CampaignRow,
  campaignById,
  campaignsOf,
  householdCounts,
  type ItemRow,
  itemsOfCampaigns,
  itemTotals,
  ordersOf,
  type Reader,
} from './group-buys.repository.ts';
import {
  authorizeGroupBuy,
  type GroupBuyStanding,
  managesGroupBuys,
  ordersForOthers,
  seesAllOrders,
} from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

/** Summaries of several campaigns with their items, totals and the caller's order, in four queries. */
async function summarise(db: Reader, standing: GroupBuyStanding, campaigns: CampaignRow[]) {
  const ids = campaigns.map((c) => c.id);
  const [items, totals, counts, mine] = await Promise.all([
    itemsOfCampaigns(db, standing.communityId, ids),
    itemTotals(db, standing.communityId, ids),
    householdCounts(db, standing.communityId, ids),
    activeOrdersOfHouseholds(db, standing.communityId, ids, standing.householdIds),
  ]);
  return campaigns.map((c) => {
    const own = items.filter((i) => i.groupBuyId === c.id);
    return {
      summary: presentSummary(
        c,
        own.map((i) => presentItem(i, totals.get(i.id), c.status)),
        counts.get(c.id) ?? 0,
        mine.get(c.id) ?? null,
      ),
      items: own,
    };
  });
}

/** GET …/group-buys: every member sees the community's campaigns. */
export async function listGroupBuys(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  query: { state: 'open' | 'active' | 'all' },
): Promise<{ groupBuys: TGroupBuySummary[]; canCreate: boolean }> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.view');
  const campaigns = await campaignsOf(deps.db, communityId, query.state, deps.clock.now());
  const groupBuys = (await summarise(deps.db, standing, campaigns)).map((s) => s.summary);
  return { groupBuys, canCreate: managesGroupBuys(standing) };
}

/**
 * One campaign as the caller may see it: the rule and totals for all, the caller's own order, the
 * payments against the supplier's bill for the group. Exported for the other group-buy services
 * (arrival, bill) that answer with the detail.
 */
export async function groupBuyDetail(
  db: Reader,
  standing: GroupBuyStanding,
  groupBuyId: string,
): Promise<TGroupBuyDetail> {
  const campaign = await campaignById(db, standing.communityId, groupBuyId);
  if (!campaign) throw notFound('groupBuy');
  const [{ summary, items }] = (await summarise(db, standing, [campaign])) as [
    { summary: TGroupBuySummary; items: ItemRow[] },
  ];
  const prices = priceMap(items);
  const seqs = seqMap(items);
  const [mine] = summary.myOrderId
    ? await ordersOf(db, standing.communityId, groupBuyId, { orderIds: [summary.myOrderId] })
    : [];
  return {
    ...summary,
    supplierContact: campaign.supplierContact,
    note: campaign.note,
    allocationSeed: campaign.allocationSeed,
    closedAt: campaign.closedAt?.toISOString() ?? null,
    arrivedAt: campaign.arrivedAt?.toISOString() ?? null,
    supplierBillFen: campaign.supplierBillFen,
    reconciliation: seesAllOrders(standing) ? await reconcile(db, campaign, prices) : null,
    myOrder: mine ? presentOrder(campaign, mine, prices, seqs) : null,
    can: {
      manage: managesGroupBuys(standing),
      orderOwn: standing.householdIds.length > 0,
      orderForOthers: ordersForOthers(standing),
      markPaid: seesAllOrders(standing),
      distribute: seesAllOrders(standing),
    },
  };
}

/** What households owe in all, split by payment state, against the supplier's bill. */
async function reconcile(db: Reader, campaign: CampaignRow, prices: ReadonlyMap<string, number>) {
  const orders = await ordersOf(db, campaign.communityId, campaign.id);
  const sums = { dueFen: 0, paidFen: 0, onDeliveryFen: 0, unpaidFen: 0 };
  for (const o of orders) {
    const amount = orderAmountFen(campaign.status, o.order, o.lines, prices);
    sums.dueFen += amount;
    if (o.order.payment === 'paid') sums.paidFen += amount;
    else if (o.order.payment === 'on_delivery') sums.onDeliveryFen += amount;
    else sums.unpaidFen += amount;
  }
  const differenceFen = campaign.supplierBillFen === null ? null : campaign.supplierBillFen - sums.dueFen;
  return { ...sums, differenceFen };
}

export async function getGroupBuy(deps: AppDeps, actor: Actor, communityId: string, groupBuyId: string) {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.view');
  return groupBuyDetail(deps.db, standing, groupBuyId);
}

/** POST …/group-buys: the group-buying leader (or a coordinator) opens a campaign with its items. */
export async function createGroupBuy(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  input: TCreateGroupBuyParsed,
): Promise<TGroupBuyDetail> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.manage');
  const now = deps.clock.now();
  const closesAt = new Date(input.closesAt);
  // A window that has already ended would close the moment it opens.
  if (closesAt <= now) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.closesAt', message: '' }]);
  const groupBuyId = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupBuys)
      .values({
        communityId,
        title: input.title,
        supplierName: input.supplierName,
        supplierContact: input.supplierContact ?? null,
        note: input.note ?? null,
        minimumTotalFen: input.minimumTotalFen,
        opensAt: new Date(input.opensAt),
        closesAt,
        fulfilment: input.fulfilment,
        createdAt: now,
        createdBy: actor.account.id,
      })
      .returning({ id: groupBuys.id });
    await tx.insert(groupBuyItems).values(
      input.items.map((item, seq) => ({
        communityId,
        groupBuyId: row!.id,
        seq: seq + 1,
        name: item.name,
        unit: item.unit,
        priceFen: item.priceFen,
        stock: item.stock,
        perHouseholdLimit: item.perHouseholdLimit,
      })),
    );
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'groupBuy.create',
      targetType: 'group_buy',
      targetId: row!.id,
      params: { title: input.title, items: input.items.length, closesAt: input.closesAt },
    });
    await publishGroupBuyChange(tx, communityId, row!.id, 'created');
    return row!.id;
  });
  return groupBuyDetail(deps.db, standing, groupBuyId);
}

/**
 * GET …/households: the households the caller may order for, with their order in the campaign: all
 * for the group and overseers, a relay contact's building, else the caller's own.
 */
export async function listOrderableHouseholds(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  query: { buildingId?: string },
) {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.order');
  if (!(await campaignById(deps.db, communityId, groupBuyId))) throw notFound('groupBuy');
  const rows = await householdsWithOrders(deps.db, communityId, groupBuyId, {
    buildingId: query.buildingId,
    only: seesAllOrders(standing)
      ? undefined
      : { householdIds: standing.householdIds, buildingIds: standing.relayBuildingIds },
  });
  return { households: rows.map((r) => ({ ...r, orderId: r.orderId ?? null })) };
}
