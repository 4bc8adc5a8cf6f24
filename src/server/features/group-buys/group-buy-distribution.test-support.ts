import { and, eq } from 'drizzle-orm';
import { allocateFairly } from '../../../domain/group-buys/allocation.ts';
import * as schema from '../../db/schema/index.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

export const SEED = 'test-seed-42';

/** What each household orders (rice, milk), by room key; `withdrawn` orders are kept but inactive. */
const ORDERS: { key: string; rice: number; milk: number; proxy?: boolean; withdrawn?: boolean }[] = [
  { key: '12-1203', rice: 3, milk: 1 },
  { key: '12-101', rice: 2, milk: 0, proxy: true },
  { key: '2-502', rice: 2, milk: 2 },
  { key: '3-301', rice: 1, milk: 0 },
  { key: '3-402', rice: 0, milk: 1 },
  { key: '4-601', rice: 3, milk: 0 },
  { key: '5-101', rice: 1, milk: 0, withdrawn: true },
];

/**
 * Community A with buildings 2, 12 (seedSmallRegistry: the `resident` account lives in 12-1203, the
 * east gate at 200,50) and 3, 4, 5; the group-buying group led by `gbLeader` with member `gbMember`.
 * A closed campaign (status allocated, written straight into the tables, as closing would leave it):
 * rice (¥60 a bag, stock 8: short, shared by allocateFairly with the item's seed) and milk (¥15 a
 * crate, no stock limit). Sessions: coordinator, resident, b-coordinator, leader (the role without the
 * group), volunteer (no group), gbLeader, gbMember.
 */
export async function seedClosedGroupBuy(t: TestApp, fulfilment: 'delivery' | 'pickup' = 'delivery') {
  const db = t.deps.db;
  const { a, ids } = await seedTwoCommunities(db);
  const registry = await seedSmallRegistry(db, a, ids.resident);
  const building: Record<string, string> = { '12': registry.b12.id, '2': registry.b2.id };
  const more = await db
    .insert(schema.buildings)
    .values(
      (
        [
          ['3', 60, 100],
          ['4', 150, 120],
          ['5', 200, 150],
        ] as const
      ).map(([code, x, y]) => ({ communityId: a, code, zoneId: registry.zone.id, x, y })),
    )
    .returning();
  for (const b of more) building[b.code] = b.id;
  const household: Record<string, string> = {
    '12-1203': registry.households[0]!.id,
    '12-101': registry.households[1]!.id,
    '2-502': registry.households[2]!.id,
  };
  const extra = await db
    .insert(schema.households)
    .values(
      ['3-301', '3-402', '4-601', '5-101'].map((key) => {
        const [code, room] = key.split('-') as [string, string];
        return { communityId: a, buildingId: building[code]!, room };
      }),
    )
    .returning();
  for (const h of extra) household[`${more.find((b) => b.id === h.buildingId)!.code}-${h.room}`] = h.id;

  const s = {} as Record<string, Session>;
  for (const who of ['coordinator', 'resident', 'b-coordinator', 'leader', 'volunteer'])
    s[who] = await signIn(t.app, who);
  const groups = (await call(t.app, s.coordinator!, 'GET', `/api/communities/${a}/groups`)).json().items;
  const groupId = groups.find((g: { key: string }) => g.key === 'group_buying').id;
  const crew = await seedGroupVolunteers(t.deps, a, groupId, 2, 'gb');
  await db
    .update(schema.groupMembers)
    .set({ isLeader: true })
    .where(
      and(eq(schema.groupMembers.communityId, a), eq(schema.groupMembers.volunteerId, crew[0]!.volunteerId)),
    );
  await db
    .insert(schema.memberships)
    .values({ communityId: a, accountId: crew[0]!.accountId, role: 'leader' });
  s.gbLeader = crew[0]!.session;
  s.gbMember = crew[1]!.session;

  const now = t.clock.now();
  const [campaign] = await db
    .insert(schema.groupBuys)
    .values({
      communityId: a,
      title: '五常大米和牛奶',
      supplierName: '崇明农场',
      opensAt: new Date(now.getTime() - 2 * 86_400_000),
      closesAt: new Date(now.getTime() - 3_600_000),
      fulfilment,
      status: 'allocated',
      allocationSeed: SEED,
      closedAt: new Date(now.getTime() - 3_600_000),
      createdAt: new Date(now.getTime() - 2 * 86_400_000),
    })
    .returning();
  const [rice, milk] = await db
    .insert(schema.groupBuyItems)
    .values([
      {
        communityId: a,
        groupBuyId: campaign!.id,
        seq: 1,
        name: '大米',
        unit: '袋',
        priceFen: 6000,
        stock: 8,
        perHouseholdLimit: 3,
      },
      {
        communityId: a,
        groupBuyId: campaign!.id,
        seq: 2,
        name: '牛奶',
        unit: '箱',
        priceFen: 1500,
        stock: null,
      },
    ])
    .returning();
  const orderIds: Record<string, string> = {};
  for (const o of ORDERS) {
    const [order] = await db
      .insert(schema.groupBuyOrders)
      .values({
        communityId: a,
        groupBuyId: campaign!.id,
        householdId: household[o.key]!,
        proxy: o.proxy ?? false,
        status: o.withdrawn ? 'withdrawn' : 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    orderIds[o.key] = order!.id;
  }
  // Closing's allocation: per item, the fair rule over the active orders with the item's seed.
  const active = ORDERS.filter((o) => !o.withdrawn);
  for (const [item, field] of [
    [rice!, 'rice'],
    [milk!, 'milk'],
  ] as const) {
    const asking = active.filter((o) => o[field] > 0);
    const shares = allocateFairly(
      item.stock,
      asking.map((o) => ({ householdId: household[o.key]!, quantity: o[field] })),
      `${SEED}/${item.seq}`,
    );
    for (const o of ORDERS.filter((x) => x[field] > 0))
      await db.insert(schema.groupBuyOrderLines).values({
        communityId: a,
        orderId: orderIds[o.key]!,
        itemId: item.id,
        quantity: o[field],
        allocated: o.withdrawn ? null : shares.get(household[o.key]!)!,
      });
  }
  const base = `/api/communities/${a}/group-buys/${campaign!.id}`;
  return {
    a,
    ids,
    gateId: registry.gate.id,
    building,
    household,
    orderIds,
    groupBuyId: campaign!.id,
    items: { rice: rice!, milk: milk! },
    s,
    base,
  };
}

/** Units allocated per item and order, read from the table (the truth after each step). */
export async function allocationsOf(t: TestApp, communityId: string) {
  const rows = await t.deps.db
    .select()
    .from(schema.groupBuyOrderLines)
    .where(eq(schema.groupBuyOrderLines.communityId, communityId));
  return rows;
}

/** Outbox rows of one notice kind. */
export async function noticesOf(t: TestApp, kind: string) {
  return t.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, kind));
}

/** Audit entries of one action. */
export async function auditOf(t: TestApp, action: string) {
  return t.deps.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, action));
}
