import {
  type TDistributionBuilding,
  type TDistributionList,
  type TGroupBuyException,
  type TGroupBuyOrder,
  type TRecordException,
  ZRecordException,
} from '../../../shared/api/group-buys.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { notify } from '../../platform/notices.ts';
import {
  type Fulfilment,
  loadFulfilment,
  presentDistribution,
  presentException,
  presentFulfilmentOrder,
  sharesOf,
} from './group-buy-distribution.presenter.ts';
import {
  buildingById,
  type Executor,
  insertDrop,
  insertException,
  markOrderReceived,
  setCampaignStatus,
} from './group-buy-fulfilment.repository.ts';
import { markRunStopsDelivered } from './group-buy-runs.repository.ts';
import { unitsText } from './group-buys.presenter.ts';
import { accountsOfHouseholds, campaignById, campaignForTurn } from './group-buys.repository.ts';
import { authorizeGroupBuy, maySeeOrder } from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

const CLOSED = ['allocated', 'arrived', 'done'];
const ARRIVED = ['arrived', 'done'];

async function campaignOr404(deps: AppDeps, communityId: string, groupBuyId: string) {
  const campaign = await campaignById(deps.db, communityId, groupBuyId);
  if (!campaign) throw notFound('groupBuy');
  return campaign;
}

/**
 * getDistributionList: per building, room by room, the households that get something. Once the
 * campaign is allocated (a preview to print before the truck comes), arrived or done. The group and
 * those who oversee only: it names rooms and payments.
 */
export async function getDistributionList(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
): Promise<TDistributionList> {
  await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.orders.view');
  const campaign = await campaignOr404(deps, communityId, groupBuyId);
  if (!CLOSED.includes(campaign.status)) throw new AppError('GROUP_BUY_NO_DISTRIBUTION_YET');
  return presentDistribution(await loadFulfilment(deps.db, campaign));
}

/**
 * markBuildingDistributed: the building's goods are at its door (or with its relay contact). The
 * drop is recorded once (a second tap answers the same and tells nobody twice); the campaign's
 * delivery-run stops at the building are marked delivered with it, its households are told to
 * collect and confirm, and the campaign is done when every building with goods has its drop.
 */
export async function markBuildingDistributed(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  buildingId: string,
): Promise<TDistributionBuilding> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.distribute');
  await campaignOr404(deps, communityId, groupBuyId);
  const building = await buildingById(deps.db, communityId, buildingId);
  if (!building) throw notFound('building');

  await deps.db.transaction(async (tx) => {
    const campaign = (await campaignForTurn(tx, communityId, groupBuyId, 'update'))!;
    if (!ARRIVED.includes(campaign.status)) throw new AppError('GROUP_BUY_NOT_ARRIVED');
    const f = await loadFulfilment(tx, campaign);
    const list = presentDistribution(f);
    const mine = list.buildings.find((b) => b.buildingId === buildingId);
    if (!mine) throw new AppError('GROUP_BUY_BUILDING_NOTHING', { building: building.code });
    const now = deps.clock.now();
    const inserted = await insertDrop(tx, {
      communityId,
      groupBuyId,
      buildingId,
      distributedAt: now,
      distributedBy: actor.account.id,
    });
    if (!inserted) return;
    await markRunStopsDelivered(tx, communityId, groupBuyId, buildingId, now, actor.account.id);
    const everyDrop = list.buildings.every((b) => b.buildingId === buildingId || f.drops.has(b.buildingId));
    if (everyDrop) await setCampaignStatus(tx, communityId, groupBuyId, { status: 'done' });
    await tellBuilding(tx, f, buildingId, now);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'groupBuy.building_distributed',
      targetType: 'group_buy',
      targetId: groupBuyId,
      params: {
        title: campaign.title,
        building: building.code,
        households: mine.rows.length,
        units: mine.units,
      },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, everyDrop ? 'done' : 'distributed');
  });
  const campaign = (await campaignById(deps.db, communityId, groupBuyId))!;
  return presentDistribution(await loadFulfilment(deps.db, campaign)).buildings.find(
    (b) => b.buildingId === buildingId,
  )!;
}

/** The households of the building hear that their goods are there, with what they get. */
async function tellBuilding(tx: Executor, f: Fulfilment, buildingId: string, now: Date) {
  const orders = f.orders.filter((o) => o.buildingId === buildingId);
  const accounts = await accountsOfHouseholds(
    tx,
    f.campaign.communityId,
    orders.map((o) => o.order.householdId),
  );
  for (const order of orders) {
    const shares = sharesOf(f, order.order.id);
    const units = unitsText(
      [...shares].map(([itemId, n]) => ({ itemId, units: n })),
      f.items,
    );
    if (!units) continue;
    await notify(
      tx,
      {
        communityId: f.campaign.communityId,
        accountIds: accounts.get(order.order.householdId) ?? [],
        kind: 'groupBuy.distributed',
        params: { title: f.campaign.title, building: order.buildingCode, room: order.room, units },
        link: `/group-buys/${f.campaign.id}`,
      },
      now,
    );
  }
}

/**
 * The order, if the actor may act on it as its household, its relay contact, the group or an
 * overseer (403 otherwise), once the goods have arrived and when the household got something.
 */
async function orderToHandle(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  orderId: string,
) {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.receipt');
  const campaign = await campaignOr404(deps, communityId, groupBuyId);
  const f = await loadFulfilment(deps.db, campaign);
  const order = f.orders.find((o) => o.order.id === orderId);
  if (!order) throw notFound('groupBuyOrder');
  if (!maySeeOrder(standing, { householdId: order.order.householdId, buildingId: order.buildingId }))
    throw new AppError('FORBIDDEN');
  if (!ARRIVED.includes(campaign.status)) throw new AppError('GROUP_BUY_NOT_ARRIVED');
  const shares = sharesOf(f, orderId);
  if ([...shares.values()].every((n) => n === 0))
    throw new AppError('GROUP_BUY_ORDER_NOTHING_ALLOCATED', {
      building: order.buildingCode,
      room: order.room,
    });
  return { standing, campaign, f, order, shares };
}

/** confirmReceipt: the household has its goods. Once; confirming again answers the same. */
export async function confirmReceipt(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  orderId: string,
): Promise<TGroupBuyOrder> {
  const { standing, campaign, order } = await orderToHandle(deps, actor, communityId, groupBuyId, orderId);
  if (!order.order.receivedAt) {
    await deps.db.transaction(async (tx) => {
      const marked = await markOrderReceived(tx, communityId, orderId, deps.clock.now(), actor.account.id);
      if (!marked) return;
      await audit(tx, {
        communityId,
        account: actor.account,
        role: standing.role,
        action: 'groupBuy.receipt',
        targetType: 'group_buy_order',
        targetId: orderId,
        params: { title: campaign.title, building: order.buildingCode, room: order.room },
      });
      await publishGroupBuyChange(tx, communityId, groupBuyId, 'receipt');
    });
  }
  const f = await loadFulfilment(deps.db, campaign);
  return presentFulfilmentOrder(f, f.orders.find((o) => o.order.id === orderId)!);
}

/**
 * recordException: damaged, missing or anything else, for some units of one item (or the order as
 * a whole). The group for any household, a household (or its relay contact) for its own. Every
 * report is kept; it shows in the distribution list and its sheets.
 */
export async function recordException(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  input: TRecordException,
): Promise<TGroupBuyException> {
  const body = ZRecordException.parse(input);
  const orderId = body.orderId;
  const { standing, campaign, f, order, shares } = await orderToHandle(
    deps,
    actor,
    communityId,
    groupBuyId,
    orderId,
  );
  if (body.itemId) {
    const item = f.items.find((i) => i.id === body.itemId);
    if (!item) throw new AppError('GROUP_BUY_EXCEPTION_ITEM_UNKNOWN');
    const allocated = shares.get(item.id) ?? 0;
    if (body.quantity > allocated)
      throw new AppError('GROUP_BUY_EXCEPTION_TOO_MANY', { item: item.name, allocated });
  }
  return deps.db.transaction(async (tx) => {
    const row = await insertException(tx, {
      communityId,
      groupBuyId,
      orderId,
      itemId: body.itemId ?? null,
      kind: body.kind,
      quantity: body.quantity,
      note: body.note ?? null,
      recordedBy: actor.account.id,
      recordedAt: deps.clock.now(),
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: `groupBuy.exception.${body.kind}`,
      targetType: 'group_buy_order',
      targetId: orderId,
      params: {
        title: campaign.title,
        building: order.buildingCode,
        room: order.room,
        quantity: body.quantity,
      },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'exception');
    return presentException(row);
  });
}
