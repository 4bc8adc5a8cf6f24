import type {
  TGroupBuyDetail,
  TGroupBuyItem,
  TGroupBuyOrder,
  TGroupBuySummary,
} from '../../../shared/api/group-buys.ts';
import type { CampaignRow, ItemRow, OrderWithLines } from './group-buys.repository.ts';

// Turns rows into the API shapes. Money is in fen; after closing, amounts follow the allocation.

/** Once closed, households pay for what they were allocated; a campaign that did not go ahead costs nothing. */
export const isClosed = (status: string) => status !== 'open';
const costsNothing = (status: string) => status === 'failed' || status === 'cancelled';

export function presentItem(
  item: ItemRow,
  totals: { ordered: number; allocated: number } | undefined,
  status: string,
): TGroupBuyItem {
  return {
    id: item.id,
    seq: item.seq,
    name: item.name,
    unit: item.unit,
    priceFen: item.priceFen,
    stock: item.stock,
    perHouseholdLimit: item.perHouseholdLimit,
    received: item.received,
    ordered: totals?.ordered ?? 0,
    allocated: isClosed(status) ? (totals?.allocated ?? 0) : null,
  };
}

/** Σ price × units: asked while open, shared out once closed (failed: what it would have been). */
export const runningTotalFen = (items: readonly TGroupBuyItem[]) =>
  items.reduce((sum, i) => sum + i.priceFen * (i.allocated ?? i.ordered), 0);

export function presentSummary(
  campaign: CampaignRow,
  items: TGroupBuyItem[],
  households: number,
  myOrderId: string | null,
): TGroupBuySummary {
  return {
    id: campaign.id,
    title: campaign.title,
    supplierName: campaign.supplierName,
    status: campaign.status as TGroupBuySummary['status'],
    fulfilment: campaign.fulfilment as TGroupBuySummary['fulfilment'],
    opensAt: campaign.opensAt.toISOString(),
    closesAt: campaign.closesAt.toISOString(),
    minimumTotalFen: campaign.minimumTotalFen,
    runningTotalFen: runningTotalFen(items),
    households,
    items,
    myOrderId,
  };
}

/** What one order costs: Σ price × (allocated once closed, else quantity); 0 when withdrawn or not going ahead. */
export function orderAmountFen(
  status: string,
  order: { status: string },
  lines: readonly { itemId: string; quantity: number; allocated: number | null }[],
  priceOf: ReadonlyMap<string, number>,
) {
  if (order.status !== 'active' || costsNothing(status)) return 0;
  return lines.reduce(
    (sum, l) => sum + (priceOf.get(l.itemId) ?? 0) * (isClosed(status) ? (l.allocated ?? 0) : l.quantity),
    0,
  );
}

export function presentOrder(
  campaign: Pick<CampaignRow, 'status'>,
  row: OrderWithLines,
  priceOf: ReadonlyMap<string, number>,
  seqOf: ReadonlyMap<string, number>,
): TGroupBuyOrder {
  const lines = [...row.lines]
    .sort((a, b) => (seqOf.get(a.itemId) ?? 0) - (seqOf.get(b.itemId) ?? 0))
    .map((l) => ({ itemId: l.itemId, quantity: l.quantity, allocated: l.allocated }));
  return {
    id: row.order.id,
    groupBuyId: row.order.groupBuyId,
    householdId: row.order.householdId,
    buildingCode: row.buildingCode,
    room: row.room,
    proxy: row.order.proxy,
    placedByName: row.placedByName,
    status: row.order.status as TGroupBuyOrder['status'],
    note: row.order.note,
    lines,
    amountFen: orderAmountFen(campaign.status, row.order, lines, priceOf),
    payment: row.order.payment as TGroupBuyOrder['payment'],
    receivedAt: row.order.receivedAt?.toISOString() ?? null,
    updatedAt: row.order.updatedAt.toISOString(),
  };
}

export const priceMap = (items: readonly ItemRow[]) => new Map(items.map((i) => [i.id, i.priceFen]));
export const seqMap = (items: readonly ItemRow[]) => new Map(items.map((i) => [i.id, i.seq]));

/** "大米 ×2、牛奶 ×1": the units of an order, for notices and the audit log (item names are the leader's own). */
export function unitsText(
  lines: readonly { itemId: string; units: number }[],
  items: readonly Pick<ItemRow, 'id' | 'name' | 'seq'>[],
) {
  return items
    .map((i) => ({ item: i, units: lines.find((l) => l.itemId === i.id)?.units ?? 0 }))
    .filter((x) => x.units > 0)
    .map((x) => `${x.item.name} ×${x.units}`)
    .join('、');
}

/** Fen as yuan with two decimals: 12345 → "123.45". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

export type Detail = TGroupBuyDetail;
