import type {
  TDistributionBuilding,
  TDistributionList,
  TGroupBuyException,
  TGroupBuyItem,
  TGroupBuyOrder,
  TGroupBuyPayment,
  TGroupBuyStatus,
} from '../../../shared/api/group-buys.ts';
import {
  dropsOf,
  type ExceptionRow,
  type Executor,
  exceptionsOf,
  itemsOf,
} from './group-buy-fulfilment.repository.ts';
import { presentItem, presentOrder, priceMap, seqMap } from './group-buys.presenter.ts';
import { type CampaignRow, type ItemRow, type OrderWithLines, ordersOf } from './group-buys.repository.ts';

// What a closed campaign looks like from the gate: its items, the active orders with their shares,
// the drops and the exceptions, read once and presented as the distribution list and its sheets.

const byCode = new Intl.Collator('zh-CN', { numeric: true });
const iso = (at: Date | null) => (at ? at.toISOString() : null);

export interface Fulfilment {
  campaign: CampaignRow;
  items: ItemRow[];
  /** active orders only, with their lines */
  orders: OrderWithLines[];
  drops: Map<string, { distributedAt: Date; distributedBy: string | null }>;
  exceptions: ExceptionRow[];
}

/** A line of an active order, with the household it is for (what the fair rule shares among). */
export interface HouseholdLine {
  orderId: string;
  householdId: string;
  itemId: string;
  quantity: number;
  allocated: number | null;
}

export async function loadFulfilment(db: Executor, campaign: CampaignRow): Promise<Fulfilment> {
  const { communityId, id } = campaign;
  const [items, orders, drops, exceptions] = await Promise.all([
    itemsOf(db, communityId, id),
    ordersOf(db, communityId, id),
    dropsOf(db, communityId, id),
    exceptionsOf(db, communityId, id),
  ]);
  return {
    campaign,
    items,
    orders: orders.filter((o) => o.order.status === 'active'),
    drops: new Map(drops.map((d) => [d.buildingId, d])),
    exceptions,
  };
}

export const householdLines = (f: Fulfilment): HouseholdLine[] =>
  f.orders.flatMap((o) =>
    o.lines.map((l) => ({
      orderId: o.order.id,
      householdId: o.order.householdId,
      itemId: l.itemId,
      quantity: l.quantity,
      allocated: l.allocated,
    })),
  );

/** Units the order gets of each item (allocated once closed). */
export function sharesOf(f: Fulfilment, orderId: string): Map<string, number> {
  const order = f.orders.find((o) => o.order.id === orderId);
  return new Map((order?.lines ?? []).map((l) => [l.itemId, l.allocated ?? 0]));
}

/** Σ price × allocated units, in fen. */
export function amountOf(items: readonly ItemRow[], shares: Map<string, number>): number {
  return items.reduce((sum, item) => sum + item.priceFen * (shares.get(item.id) ?? 0), 0);
}

export const presentException = (e: ExceptionRow): TGroupBuyException => ({
  id: e.id,
  orderId: e.orderId,
  itemId: e.itemId,
  kind: e.kind as TGroupBuyException['kind'],
  quantity: e.quantity,
  note: e.note,
  recordedAt: e.recordedAt.toISOString(),
});

/** The items with what was ordered and (once closed) allocated, as the campaign's pages show them. */
export function presentItems(f: Fulfilment): TGroupBuyItem[] {
  const lines = householdLines(f);
  return f.items.map((item) => {
    const mine = lines.filter((l) => l.itemId === item.id);
    const totals = {
      ordered: mine.reduce((sum, l) => sum + l.quantity, 0),
      allocated: mine.reduce((sum, l) => sum + (l.allocated ?? 0), 0),
    };
    return presentItem(item, totals, f.campaign.status);
  });
}

/**
 * Per building (in code order), room by room: the households that get at least one unit, what they
 * get of each item, what they pay, whether they paid and received, and any exception.
 */
export function presentDistribution(f: Fulfilment): TDistributionList {
  const buildings = new Map<string, TDistributionBuilding>();
  for (const o of f.orders) {
    const shares = sharesOf(f, o.order.id);
    const units = [...shares.values()].reduce((a, b) => a + b, 0);
    if (units === 0) continue;
    let building = buildings.get(o.buildingId);
    if (!building) {
      building = {
        buildingId: o.buildingId,
        buildingCode: o.buildingCode,
        units: 0,
        distributedAt: iso(f.drops.get(o.buildingId)?.distributedAt ?? null),
        rows: [],
      };
      buildings.set(o.buildingId, building);
    }
    building.units += units;
    building.rows.push({
      orderId: o.order.id,
      room: o.room,
      quantities: Object.fromEntries(f.items.map((item) => [item.id, shares.get(item.id) ?? 0])),
      amountFen: amountOf(f.items, shares),
      payment: o.order.payment as TGroupBuyPayment,
      receivedAt: iso(o.order.receivedAt),
      proxy: o.order.proxy,
      exceptions: f.exceptions.filter((e) => e.orderId === o.order.id).map(presentException),
    });
  }
  for (const b of buildings.values()) b.rows.sort((x, y) => byCode.compare(x.room, y.room));
  return {
    groupBuyId: f.campaign.id,
    title: f.campaign.title,
    status: f.campaign.status as TGroupBuyStatus,
    fulfilment: f.campaign.fulfilment as TDistributionList['fulfilment'],
    items: presentItems(f),
    buildings: [...buildings.values()].sort((x, y) => byCode.compare(x.buildingCode, y.buildingCode)),
  };
}

/** One order as G1's order routes answer with it. */
export const presentFulfilmentOrder = (f: Fulfilment, order: OrderWithLines): TGroupBuyOrder =>
  presentOrder(f.campaign, order, priceMap(f.items), seqMap(f.items));
