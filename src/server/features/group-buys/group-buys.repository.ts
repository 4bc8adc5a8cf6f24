import { and, asc, desc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  buildings,
  groupBuyItems,
  groupBuyOrderLines,
  groupBuyOrders,
  groupBuys,
  households,
} from '../../db/schema/index.ts';

// Reads and plain writes of campaigns and their orders (before and at closing). The rules are in the
// services; every join is on the full composite key (community, id).
export type Reader = Pick<Db, 'select' | 'selectDistinct'>;
export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type CampaignRow = typeof groupBuys.$inferSelect;
export type ItemRow = typeof groupBuyItems.$inferSelect;

export { communityTimeZone } from '../../platform/community-constants.ts';

/**
 * The campaign, with a row lock until the transaction ends: orders take it shared (many at once),
 * closing takes it exclusively, so no order slips in while the stock is being shared out.
 */
export async function campaignForTurn(
  tx: Executor,
  communityId: string,
  groupBuyId: string,
  mode: 'share' | 'update',
) {
  const [row] = await tx
    .select()
    .from(groupBuys)
    .where(and(eq(groupBuys.communityId, communityId), eq(groupBuys.id, groupBuyId)))
    .for(mode);
  return row ?? null;
}

export async function campaignById(db: Reader, communityId: string, groupBuyId: string) {
  const [row] = await db
    .select()
    .from(groupBuys)
    .where(and(eq(groupBuys.communityId, communityId), eq(groupBuys.id, groupBuyId)));
  return row ?? null;
}

/** open: taking orders now; active: not failed, cancelled or done; all. Newest window first. */
export async function campaignsOf(
  db: Reader,
  communityId: string,
  state: 'open' | 'active' | 'all',
  now: Date,
) {
  const where: SQL[] = [eq(groupBuys.communityId, communityId)];
  if (state === 'open')
    where.push(
      eq(groupBuys.status, 'open'),
      sql`${groupBuys.opensAt} <= ${now}`,
      sql`${groupBuys.closesAt} > ${now}`,
    );
  if (state === 'active') where.push(notInArray(groupBuys.status, ['failed', 'cancelled', 'done']));
  return db
    .select()
    .from(groupBuys)
    .where(and(...where))
    .orderBy(desc(groupBuys.closesAt), asc(groupBuys.id));
}

export async function itemsOfCampaigns(db: Reader, communityId: string, groupBuyIds: string[]) {
  if (groupBuyIds.length === 0) return [];
  return db
    .select()
    .from(groupBuyItems)
    .where(and(eq(groupBuyItems.communityId, communityId), inArray(groupBuyItems.groupBuyId, groupBuyIds)))
    .orderBy(asc(groupBuyItems.seq));
}

const lineOfOrder = and(
  eq(groupBuyOrderLines.communityId, groupBuyOrders.communityId),
  eq(groupBuyOrderLines.orderId, groupBuyOrders.id),
);

/** Per item of the campaigns: units asked and shared out over active orders. */
export async function itemTotals(db: Reader, communityId: string, groupBuyIds: string[]) {
  if (groupBuyIds.length === 0) return new Map<string, { ordered: number; allocated: number }>();
  const rows = await db
    .select({
      itemId: groupBuyOrderLines.itemId,
      ordered: sql<number>`coalesce(sum(${groupBuyOrderLines.quantity}), 0)::int`,
      allocated: sql<number>`coalesce(sum(${groupBuyOrderLines.allocated}), 0)::int`,
    })
    .from(groupBuyOrderLines)
    .innerJoin(groupBuyOrders, lineOfOrder)
    .where(
      and(
        eq(groupBuyOrders.communityId, communityId),
        inArray(groupBuyOrders.groupBuyId, groupBuyIds),
        eq(groupBuyOrders.status, 'active'),
      ),
    )
    .groupBy(groupBuyOrderLines.itemId);
  return new Map(rows.map((r) => [r.itemId, { ordered: r.ordered, allocated: r.allocated }]));
}

/** Active orders per campaign. */
export async function householdCounts(db: Reader, communityId: string, groupBuyIds: string[]) {
  if (groupBuyIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ groupBuyId: groupBuyOrders.groupBuyId, n: sql<number>`count(*)::int` })
    .from(groupBuyOrders)
    .where(
      and(
        eq(groupBuyOrders.communityId, communityId),
        inArray(groupBuyOrders.groupBuyId, groupBuyIds),
        eq(groupBuyOrders.status, 'active'),
      ),
    )
    .groupBy(groupBuyOrders.groupBuyId);
  return new Map(rows.map((r) => [r.groupBuyId, r.n]));
}

/** The active orders of these households, per campaign: the caller's "my order". */
export async function activeOrdersOfHouseholds(
  db: Reader,
  communityId: string,
  groupBuyIds: string[],
  householdIds: string[],
) {
  if (groupBuyIds.length === 0 || householdIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ groupBuyId: groupBuyOrders.groupBuyId, id: groupBuyOrders.id })
    .from(groupBuyOrders)
    .where(
      and(
        eq(groupBuyOrders.communityId, communityId),
        inArray(groupBuyOrders.groupBuyId, groupBuyIds),
        inArray(groupBuyOrders.householdId, householdIds),
        eq(groupBuyOrders.status, 'active'),
      ),
    )
    .orderBy(asc(groupBuyOrders.createdAt));
  const mine = new Map<string, string>();
  for (const r of rows) if (!mine.has(r.groupBuyId)) mine.set(r.groupBuyId, r.id);
  return mine;
}

export interface OrderFilter {
  orderIds?: string[];
  householdIds?: string[];
  buildingIds?: string[];
  /** the household's own or their relay buildings': rows matching either list */
  householdsOrBuildings?: { householdIds: string[]; buildingIds: string[] };
}

/** Orders of one campaign with room, building and who placed them, and their lines. */
export async function ordersOf(
  db: Reader,
  communityId: string,
  groupBuyId: string,
  filter: OrderFilter = {},
) {
  const where: SQL[] = [
    eq(groupBuyOrders.communityId, communityId),
    eq(groupBuyOrders.groupBuyId, groupBuyId),
  ];
  if (filter.orderIds) where.push(inArray(groupBuyOrders.id, filter.orderIds));
  if (filter.householdIds) where.push(inArray(groupBuyOrders.householdId, filter.householdIds));
  if (filter.buildingIds) where.push(inArray(households.buildingId, filter.buildingIds));
  if (filter.householdsOrBuildings) {
    const { householdIds, buildingIds } = filter.householdsOrBuildings;
    const either: SQL[] = [sql`false`];
    if (householdIds.length) either.push(inArray(groupBuyOrders.householdId, householdIds));
    if (buildingIds.length) either.push(inArray(households.buildingId, buildingIds));
    where.push(sql`(${sql.join(either, sql` or `)})`);
  }
  const rows = await db
    .select({
      order: groupBuyOrders,
      buildingId: households.buildingId,
      room: households.room,
      buildingCode: buildings.code,
      placedByName: accounts.displayName,
    })
    .from(groupBuyOrders)
    .innerJoin(
      households,
      and(
        eq(households.communityId, groupBuyOrders.communityId),
        eq(households.id, groupBuyOrders.householdId),
      ),
    )
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .leftJoin(accounts, eq(accounts.id, groupBuyOrders.placedBy))
    .where(and(...where))
    .orderBy(asc(buildings.code), asc(households.room));
  const lines = rows.length
    ? await db
        .select()
        .from(groupBuyOrderLines)
        .where(
          and(
            eq(groupBuyOrderLines.communityId, communityId),
            inArray(
              groupBuyOrderLines.orderId,
              rows.map((r) => r.order.id),
            ),
          ),
        )
    : [];
  const linesByOrder = new Map<string, (typeof lines)[number][]>();
  for (const l of lines) linesByOrder.set(l.orderId, [...(linesByOrder.get(l.orderId) ?? []), l]);
  return rows.map((r) => ({ ...r, lines: linesByOrder.get(r.order.id) ?? [] }));
}
export type OrderWithLines = Awaited<ReturnType<typeof ordersOf>>[number];

/** Replaces an order's lines with these (an item left out is no longer ordered). */
export async function replaceLines(
  tx: Executor,
  communityId: string,
  orderId: string,
  lines: readonly { itemId: string; quantity: number }[],
) {
  await tx
    .delete(groupBuyOrderLines)
    .where(and(eq(groupBuyOrderLines.communityId, communityId), eq(groupBuyOrderLines.orderId, orderId)));
  await tx
    .insert(groupBuyOrderLines)
    .values(lines.map((l) => ({ communityId, orderId, itemId: l.itemId, quantity: l.quantity })));
}

/** Campaigns still open whose window has ended, oldest first: the background task closes them. */
export async function dueCampaigns(db: Reader, now: Date, limit = 20) {
  return db
    .select({ communityId: groupBuys.communityId, id: groupBuys.id })
    .from(groupBuys)
    .where(and(eq(groupBuys.status, 'open'), sql`${groupBuys.closesAt} <= ${now}`))
    .orderBy(asc(groupBuys.closesAt))
    .limit(limit);
}

/** Writes the units each order line gets, in one statement. */
export async function writeAllocations(
  tx: Executor,
  communityId: string,
  rows: readonly { orderId: string; itemId: string; allocated: number }[],
) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ o: r.orderId, i: r.itemId, a: r.allocated })));
  await tx.execute(sql`
    update group_buy_order_lines as l set allocated = v.a
    from json_to_recordset(${json}::json) as v(o uuid, i uuid, a int)
    where l.community_id = ${communityId} and l.order_id = v.o and l.item_id = v.i`);
}

// Kept here too: the arrival and distribution services read it from this module.
export { accountsOfHouseholds } from './group-buy-households.repository.ts';
