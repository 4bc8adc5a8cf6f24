import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  buildings,
  groupBuyDrops,
  groupBuyExceptions,
  groupBuyItems,
  groupBuyOrderLines,
  groupBuyOrders,
  groupBuys,
} from '../../db/schema/index.ts';
import type { CampaignRow } from './group-buys.repository.ts';

// Reads and plain writes of what happens after a group buy closes: arrival, distribution, receipts,
// exceptions (campaigns and orders themselves are read through group-buys.repository.ts).
export type Executor = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'execute'>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function itemsOf(db: Executor, communityId: string, groupBuyId: string) {
  return db
    .select()
    .from(groupBuyItems)
    .where(and(eq(groupBuyItems.communityId, communityId), eq(groupBuyItems.groupBuyId, groupBuyId)))
    .orderBy(asc(groupBuyItems.seq));
}

export async function setAllocated(
  tx: Executor,
  communityId: string,
  line: { orderId: string; itemId: string },
  allocated: number,
) {
  await tx
    .update(groupBuyOrderLines)
    .set({ allocated })
    .where(
      and(
        eq(groupBuyOrderLines.communityId, communityId),
        eq(groupBuyOrderLines.orderId, line.orderId),
        eq(groupBuyOrderLines.itemId, line.itemId),
      ),
    );
}

export async function setReceived(tx: Executor, communityId: string, itemId: string, received: number) {
  await tx
    .update(groupBuyItems)
    .set({ received })
    .where(and(eq(groupBuyItems.communityId, communityId), eq(groupBuyItems.id, itemId)));
}

export async function dropsOf(db: Executor, communityId: string, groupBuyId: string) {
  return db
    .select()
    .from(groupBuyDrops)
    .where(and(eq(groupBuyDrops.communityId, communityId), eq(groupBuyDrops.groupBuyId, groupBuyId)));
}

/** Records the building's drop; null when it was recorded already (another tap, another phone). */
export async function insertDrop(tx: Executor, drop: typeof groupBuyDrops.$inferInsert) {
  const [row] = await tx
    .insert(groupBuyDrops)
    .values(drop)
    .onConflictDoNothing()
    .returning({ buildingId: groupBuyDrops.buildingId });
  return row ?? null;
}

export async function exceptionsOf(db: Executor, communityId: string, groupBuyId: string) {
  return db
    .select()
    .from(groupBuyExceptions)
    .where(
      and(eq(groupBuyExceptions.communityId, communityId), eq(groupBuyExceptions.groupBuyId, groupBuyId)),
    )
    .orderBy(asc(groupBuyExceptions.recordedAt), asc(groupBuyExceptions.id));
}
export type ExceptionRow = Awaited<ReturnType<typeof exceptionsOf>>[number];

export async function insertException(tx: Executor, row: typeof groupBuyExceptions.$inferInsert) {
  const [inserted] = await tx.insert(groupBuyExceptions).values(row).returning();
  return inserted!;
}

/** Marks the order received once; null when it was marked already. */
export async function markOrderReceived(
  tx: Executor,
  communityId: string,
  orderId: string,
  at: Date,
  by: string,
) {
  const [row] = await tx
    .update(groupBuyOrders)
    .set({ receivedAt: at, receivedConfirmedBy: by })
    .where(
      and(
        eq(groupBuyOrders.communityId, communityId),
        eq(groupBuyOrders.id, orderId),
        sql`${groupBuyOrders.receivedAt} is null`,
      ),
    )
    .returning({ id: groupBuyOrders.id });
  return row ?? null;
}

export async function setCampaignStatus(
  tx: Executor,
  communityId: string,
  groupBuyId: string,
  set: Partial<Pick<CampaignRow, 'status' | 'arrivedAt'>>,
) {
  await tx
    .update(groupBuys)
    .set(set)
    .where(and(eq(groupBuys.communityId, communityId), eq(groupBuys.id, groupBuyId)));
}

export async function buildingById(db: Executor, communityId: string, buildingId: string) {
  const [row] = await db
    .select({ id: buildings.id, code: buildings.code, x: buildings.x, y: buildings.y })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), eq(buildings.id, buildingId)));
  return row ?? null;
}

export async function buildingsByIds(db: Executor, communityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: buildings.id, code: buildings.code, x: buildings.x, y: buildings.y })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, ids)));
}
