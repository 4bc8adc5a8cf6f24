import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TGroupBuyOrder, ZChangeOrder, ZPlaceOrder } from '../../../shared/api/group-buys.ts';
import { groupBuyOrders } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { type Answer, idempotent } from '../../platform/idempotency.ts';
import { householdWithBuilding } from './group-buy-households.repository.ts';
import { presentOrder, priceMap, seqMap, unitsText } from './group-buys.presenter.ts';
import {
  type CampaignRow,
  campaignById,
  campaignForTurn,
  communityTimeZone,
  type Executor,
  type ItemRow,
  itemsOfCampaigns,
  ordersOf,
  type Reader,
  replaceLines,
} from './group-buys.repository.ts';
import {
  authorizeGroupBuy,
  type GroupBuyStanding,
  mayOrderFor,
  maySeeOrder,
  seesAllOrders,
} from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

type PlaceOrderInput = z.output<typeof ZPlaceOrder>;
type ChangeOrderInput = z.output<typeof ZChangeOrder>;
type Lines = readonly { itemId: string; quantity: number }[];

/** Orders are placed, changed and withdrawn only while the campaign is open and its window runs. */
async function assertOrderingWindow(db: Reader, campaign: CampaignRow, now: Date) {
  if (campaign.status === 'cancelled') throw new AppError('GROUP_BUY_CANCELLED');
  if (campaign.status !== 'open' || now >= campaign.closesAt) throw new AppError('GROUP_BUY_CLOSED');
  if (now < campaign.opensAt)
    throw new AppError('GROUP_BUY_NOT_YET_OPEN', {
      opensAt: campaign.opensAt.toISOString(),
      timeZone: await communityTimeZone(db, campaign.communityId),
    });
}

/** Every line names an item of this campaign and stays within its per-household limit. */
function assertLines(items: readonly ItemRow[], lines: Lines) {
  for (const line of lines) {
    const item = items.find((i) => i.id === line.itemId);
    if (!item) throw new AppError('GROUP_BUY_UNKNOWN_ITEM');
    if (item.perHouseholdLimit !== null && line.quantity > item.perHouseholdLimit)
      throw new AppError('GROUP_BUY_OVER_LIMIT', { item: item.name, limit: item.perHouseholdLimit });
  }
}

/** The campaign (shared lock: many orders at once, closing waits), open, with its items, lines checked. */
async function openCampaignFor(
  tx: Executor,
  communityId: string,
  groupBuyId: string,
  now: Date,
  lines: Lines,
) {
  const campaign = await campaignForTurn(tx, communityId, groupBuyId, 'share');
  if (!campaign) throw notFound('groupBuy');
  await assertOrderingWindow(tx, campaign, now);
  const items = await itemsOfCampaigns(tx, communityId, [groupBuyId]);
  assertLines(items, lines);
  return { campaign, items };
}

async function presentOne(db: Reader, campaign: CampaignRow, items: ItemRow[], orderId: string) {
  const [row] = await ordersOf(db, campaign.communityId, campaign.id, { orderIds: [orderId] });
  return presentOrder(campaign, row!, priceMap(items), seqMap(items));
}

const unitsOf = (lines: Lines, items: ItemRow[]) =>
  unitsText(
    lines.map((l) => ({ itemId: l.itemId, units: l.quantity })),
    items,
  );

/**
 * POST …/orders. Without householdId: for the caller's own household; with one that is not theirs: a
 * proxy order, allowed to the group, overseers and the building's relay contact. One order per
 * household (a second is refused: change it instead; a withdrawn one comes back). With a clientKey,
 * a retry gets the first answer back instead of a second order.
 */
export async function placeOrder(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  input: PlaceOrderInput,
): Promise<Answer<TGroupBuyOrder>> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.order');
  const householdId = input.householdId ?? standing.householdIds[0];
  if (!householdId) throw new AppError('GROUP_BUY_NO_HOUSEHOLD');
  const scope = { communityId, accountId: actor.account.id, key: input.clientKey, operation: 'placeOrder' };
  return idempotent(deps.db, scope, async (tx) => {
    const now = deps.clock.now();
    const household = await householdWithBuilding(tx, communityId, householdId);
    if (!household) throw notFound('household');
    if (!mayOrderFor(standing, household)) throw new AppError('GROUP_BUY_NOT_YOUR_HOUSEHOLD');
    const proxy = !standing.householdIds.includes(householdId);
    const { campaign, items } = await openCampaignFor(tx, communityId, groupBuyId, now, input.lines);
    const fields = {
      placedBy: actor.account.id,
      proxy,
      status: 'active',
      note: input.note ?? null,
      payment: 'unpaid',
      paymentMarkedBy: null,
      paymentMarkedAt: null,
      updatedAt: now,
    };
    // The unique (campaign, household) row decides races: the loser finds the winner's order.
    const [inserted] = await tx
      .insert(groupBuyOrders)
      .values({ communityId, groupBuyId, householdId, createdAt: now, ...fields })
      .onConflictDoNothing()
      .returning({ id: groupBuyOrders.id });
    let orderId = inserted?.id;
    if (!orderId) {
      const [existing] = await tx
        .select({ id: groupBuyOrders.id, status: groupBuyOrders.status })
        .from(groupBuyOrders)
        .where(
          and(
            eq(groupBuyOrders.communityId, communityId),
            eq(groupBuyOrders.groupBuyId, groupBuyId),
            eq(groupBuyOrders.householdId, householdId),
          ),
        )
        .for('update');
      if (!existing) throw new Error('order vanished after a conflict');
      if (existing.status === 'active')
        throw new AppError('GROUP_BUY_ORDER_EXISTS', { orderId: existing.id });
      orderId = existing.id;
      await tx
        .update(groupBuyOrders)
        .set(fields)
        .where(and(eq(groupBuyOrders.communityId, communityId), eq(groupBuyOrders.id, orderId)));
    }
    await replaceLines(tx, communityId, orderId, input.lines);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: proxy ? 'groupBuy.order_proxy' : 'groupBuy.order',
      targetType: 'group_buy_order',
      targetId: orderId,
      params: {
        title: campaign.title,
        building: household.buildingCode,
        room: household.room,
        units: unitsOf(input.lines, items),
      },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'order');
    return { status: 201, body: await presentOne(tx, campaign, items, orderId) };
  });
}

/** The order, locked, if the caller may see it (else 404: an unseen order is not confirmed to exist). */
async function visibleOrder(tx: Executor, standing: GroupBuyStanding, groupBuyId: string, orderId: string) {
  const [row] = await ordersOf(tx, standing.communityId, groupBuyId, { orderIds: [orderId] });
  if (!row || !maySeeOrder(standing, { householdId: row.order.householdId, buildingId: row.buildingId }))
    throw notFound('groupBuyOrder');
  await tx
    .select({ id: groupBuyOrders.id })
    .from(groupBuyOrders)
    .where(and(eq(groupBuyOrders.communityId, standing.communityId), eq(groupBuyOrders.id, orderId)))
    .for('update');
  return row;
}

/** PUT …/orders/:orderId: the whole new set of lines, while the window runs. */
export async function changeOrder(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  orderId: string,
  input: ChangeOrderInput,
): Promise<TGroupBuyOrder> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.order');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { campaign, items } = await openCampaignFor(tx, communityId, groupBuyId, now, input.lines);
    const row = await visibleOrder(tx, standing, groupBuyId, orderId);
    if (row.order.status !== 'active') throw new AppError('GROUP_BUY_ORDER_WITHDRAWN');
    await tx
      .update(groupBuyOrders)
      .set({ note: input.note ?? null, updatedAt: now })
      .where(and(eq(groupBuyOrders.communityId, communityId), eq(groupBuyOrders.id, orderId)));
    await replaceLines(tx, communityId, orderId, input.lines);
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'groupBuy.order_change',
      targetType: 'group_buy_order',
      targetId: orderId,
      params: {
        title: campaign.title,
        building: row.buildingCode,
        room: row.room,
        units: unitsOf(input.lines, items),
      },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'order');
    return presentOne(tx, campaign, items, orderId);
  });
}

/** POST …/orders/:orderId/withdraw: the household no longer orders (withdrawing twice answers the same). */
export async function withdrawOrder(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  orderId: string,
): Promise<TGroupBuyOrder> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.order');
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { campaign, items } = await openCampaignFor(tx, communityId, groupBuyId, now, []);
    const row = await visibleOrder(tx, standing, groupBuyId, orderId);
    if (row.order.status === 'active') {
      await tx
        .update(groupBuyOrders)
        .set({ status: 'withdrawn', updatedAt: now })
        .where(and(eq(groupBuyOrders.communityId, communityId), eq(groupBuyOrders.id, orderId)));
      await audit(tx, {
        communityId,
        account: actor.account,
        role: standing.role,
        action: 'groupBuy.order_withdraw',
        targetType: 'group_buy_order',
        targetId: orderId,
        params: { title: campaign.title, building: row.buildingCode, room: row.room },
      });
      await publishGroupBuyChange(tx, communityId, groupBuyId, 'order');
    }
    return presentOne(tx, campaign, items, orderId);
  });
}

/**
 * GET …/orders: every order for the group and overseers; a relay contact their building's; anyone
 * else only their own household's (a resident never sees a neighbour's order).
 */
export async function listGroupBuyOrders(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
): Promise<{ orders: TGroupBuyOrder[] }> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.order');
  const campaign = await campaignById(deps.db, communityId, groupBuyId);
  if (!campaign) throw notFound('groupBuy');
  const [items, rows] = await Promise.all([
    itemsOfCampaigns(deps.db, communityId, [groupBuyId]),
    ordersOf(
      deps.db,
      communityId,
      groupBuyId,
      seesAllOrders(standing)
        ? {}
        : {
            householdsOrBuildings: {
              householdIds: standing.householdIds,
              buildingIds: standing.relayBuildingIds,
            },
          },
    ),
  ]);
  const prices = priceMap(items);
  const seqs = seqMap(items);
  return { orders: rows.map((r) => presentOrder(campaign, r, prices, seqs)) };
}
