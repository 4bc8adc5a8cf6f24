import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { buildings, groupBuyOrders, households, residents } from '../../db/schema/index.ts';
import type { Reader } from './group-buys.repository.ts';

// Households as group buys see them: where they live, who lives there, what they ordered.

export async function householdWithBuilding(db: Reader, communityId: string, householdId: string) {
  const [row] = await db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      room: households.room,
      buildingCode: buildings.code,
    })
    .from(households)
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .where(and(eq(households.communityId, communityId), eq(households.id, householdId)));
  return row ?? null;
}

/** Households by building and room, with their active order in the campaign, narrowed as asked. */
export async function householdsWithOrders(
  db: Reader,
  communityId: string,
  groupBuyId: string,
  narrow: { buildingId?: string; only?: { householdIds: string[]; buildingIds: string[] } },
) {
  const where: SQL[] = [eq(households.communityId, communityId)];
  if (narrow.buildingId) where.push(eq(households.buildingId, narrow.buildingId));
  if (narrow.only) {
    const either: SQL[] = [sql`false`];
    if (narrow.only.householdIds.length) either.push(inArray(households.id, narrow.only.householdIds));
    if (narrow.only.buildingIds.length) either.push(inArray(households.buildingId, narrow.only.buildingIds));
    where.push(sql`(${sql.join(either, sql` or `)})`);
  }
  return db
    .select({
      id: households.id,
      buildingId: households.buildingId,
      buildingCode: buildings.code,
      room: households.room,
      orderId: groupBuyOrders.id,
    })
    .from(households)
    .innerJoin(
      buildings,
      and(eq(buildings.communityId, households.communityId), eq(buildings.id, households.buildingId)),
    )
    .leftJoin(
      groupBuyOrders,
      and(
        eq(groupBuyOrders.communityId, households.communityId),
        eq(groupBuyOrders.householdId, households.id),
        eq(groupBuyOrders.groupBuyId, groupBuyId),
        eq(groupBuyOrders.status, 'active'),
      ),
    )
    .where(and(...where))
    .orderBy(asc(buildings.code), asc(households.room));
}

/** The accounts living in each household (residents who sign in). */
export async function accountsOfHouseholds(db: Reader, communityId: string, householdIds: string[]) {
  const byHousehold = new Map<string, string[]>();
  if (householdIds.length === 0) return byHousehold;
  const rows = await db
    .selectDistinct({ householdId: residents.householdId, accountId: residents.accountId })
    .from(residents)
    .where(
      and(
        eq(residents.communityId, communityId),
        inArray(residents.householdId, householdIds),
        sql`${residents.accountId} is not null`,
      ),
    );
  for (const r of rows)
    byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r.accountId!]);
  return byHousehold;
}
