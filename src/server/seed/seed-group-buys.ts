import { randomUUID } from 'node:crypto';
import { allocateFairly } from '../../domain/group-buys/allocation.ts';
import { createRandom } from '../../domain/random.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface GroupBuyDemoHousehold {
  id: string;
  buildingId: string;
}

async function insertInChunks<T extends Record<string, unknown>>(db: Db, table: never, rows: T[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(table).values(rows.slice(i, i + 1000) as never);
}

/**
 * The story's group buys: the 500 bags of rice (5 tonnes), ordered by more households than there were
 * bags, shared out one bag per household by a recorded seed, arrived at the gate and six buildings delivered;
 * and a vegetable box with milk, still taking orders.
 */
export async function seedDemoGroupBuys(
  db: Db,
  row: {
    communityId: string;
    now: Date;
    households: readonly GroupBuyDemoHousehold[];
    /** the household of the demo resident account r0001: orders rice, not yet the vegetables */
    accountHouseholdId: string | null;
    leader: string;
    volunteers: readonly string[];
  },
) {
  const { communityId, now } = row;
  const random = createRandom(20220501);
  const rice = { id: randomUUID(), itemId: randomUUID() };
  const closedAt = new Date(now.getTime() - 2 * DAY);
  // ~620 households asked for 1–3 bags: more households than bags, so 500 of them got one each, by the draw
  const ordering = row.households.filter((h) => h.id === row.accountHouseholdId || random.chance(0.27));
  const asked = ordering.map((h) => ({ householdId: h.id, quantity: random.pick([1, 1, 2, 3]) }));
  // The draw is real (anyone can re-run it from the recorded seed); the demo takes the first seed that
  // gives r0001's household a bag, so that the resident account shows what a winning household sees.
  let seed = 'gelin-rice-0501';
  let shares = allocateFairly(500, asked, `${seed}/1`);
  for (let n = 2; row.accountHouseholdId && !shares.get(row.accountHouseholdId) && n < 100; n++) {
    seed = `gelin-rice-0501-${n}`;
    shares = allocateFairly(500, asked, `${seed}/1`);
  }
  await db.insert(t.groupBuys).values({
    communityId,
    id: rice.id,
    title: '五常大米团购（10公斤装）',
    supplierName: '光明米业',
    supplierContact: '王经理 13800001234',
    note: '一户限购3袋；货到后由志愿者送到各楼。',
    minimumTotalFen: 2_000_000,
    opensAt: new Date(closedAt.getTime() - 2 * DAY),
    closesAt: closedAt,
    fulfilment: 'delivery',
    status: 'arrived',
    allocationSeed: seed,
    closedAt,
    closedBy: row.leader,
    arrivedAt: new Date(now.getTime() - 3 * HOUR),
    supplierBillFen: 500 * 6_500,
    createdAt: new Date(closedAt.getTime() - 2 * DAY),
    createdBy: row.leader,
  });
  await db.insert(t.groupBuyItems).values({
    communityId,
    id: rice.itemId,
    groupBuyId: rice.id,
    seq: 1,
    name: '五常大米',
    unit: '袋（10公斤）',
    priceFen: 6_500,
    stock: 500,
    perHouseholdLimit: 3,
    received: 500,
  });

  const orders: (typeof t.groupBuyOrders.$inferInsert)[] = [];
  const lines: (typeof t.groupBuyOrderLines.$inferInsert)[] = [];
  const delivered = new Set(
    [...new Set(ordering.map((h) => h.buildingId))].filter((_, i) => i % 2 === 0 && i < 12),
  );
  for (const [i, h] of ordering.entries()) {
    const id = randomUUID();
    const placedAt = new Date(closedAt.getTime() - random.int(1, 46) * HOUR);
    const proxy = h.id !== row.accountHouseholdId && random.chance(0.12);
    const allocated = shares.get(h.id) ?? 0;
    orders.push({
      communityId,
      id,
      groupBuyId: rice.id,
      householdId: h.id,
      placedBy: proxy ? row.volunteers[i % row.volunteers.length]! : null,
      proxy,
      payment: allocated === 0 ? 'unpaid' : random.pick(['paid', 'paid', 'on_delivery', 'unpaid'] as const),
      receivedAt: delivered.has(h.buildingId) && allocated > 0 ? new Date(now.getTime() - HOUR) : null,
      createdAt: placedAt,
      updatedAt: placedAt,
    });
    lines.push({ communityId, orderId: id, itemId: rice.itemId, quantity: asked[i]!.quantity, allocated });
  }
  await insertInChunks(db, t.groupBuyOrders as never, orders);
  await insertInChunks(db, t.groupBuyOrderLines as never, lines);
  if (delivered.size > 0)
    await db.insert(t.groupBuyDrops).values(
      [...delivered].map((buildingId) => ({
        communityId,
        groupBuyId: rice.id,
        buildingId,
        distributedAt: new Date(now.getTime() - 2 * HOUR),
        distributedBy: row.volunteers[0] ?? row.leader,
      })),
    );

  // still open until tomorrow evening: the vegetable box and milk
  const veg = randomUUID();
  await db.insert(t.groupBuys).values({
    communityId,
    id: veg,
    title: '蔬菜包和牛奶',
    supplierName: '叮咚社区团购点',
    supplierContact: '李店长 13900005678',
    note: '满50份起送；蔬菜包约5公斤，品种随当天到货。',
    minimumTotalFen: 50 * 8_800,
    opensAt: new Date(now.getTime() - 6 * HOUR),
    closesAt: new Date(now.getTime() + 30 * HOUR),
    fulfilment: 'delivery',
    status: 'open',
    createdAt: new Date(now.getTime() - 7 * HOUR),
    createdBy: row.leader,
  });
  const vegItems = [
    {
      id: randomUUID(),
      seq: 1,
      name: '蔬菜包',
      unit: '份',
      priceFen: 8_800,
      stock: 300,
      perHouseholdLimit: 2,
    },
    {
      id: randomUUID(),
      seq: 2,
      name: '纯牛奶（250毫升×24盒）',
      unit: '箱',
      priceFen: 6_900,
      stock: null,
      perHouseholdLimit: 4,
    },
  ];
  await db
    .insert(t.groupBuyItems)
    .values(vegItems.map((item) => ({ communityId, groupBuyId: veg, ...item })));
  const vegOrders = row.households.filter((h) => h.id !== row.accountHouseholdId).slice(0, 41);
  const vegOrderRows = vegOrders.map((h, i) => {
    const at = new Date(now.getTime() - random.int(1, 5) * HOUR);
    return {
      communityId,
      id: randomUUID(),
      groupBuyId: veg,
      householdId: h.id,
      proxy: i % 9 === 0,
      placedBy: i % 9 === 0 ? (row.volunteers[0] ?? null) : null,
      createdAt: at,
      updatedAt: at,
    };
  });
  await db.insert(t.groupBuyOrders).values(vegOrderRows);
  await db
    .insert(t.groupBuyOrderLines)
    .values(
      vegOrderRows.flatMap((o, i) => [
        { communityId, orderId: o.id, itemId: vegItems[0]!.id, quantity: 1 + (i % 2) },
        ...(i % 3 === 0 ? [{ communityId, orderId: o.id, itemId: vegItems[1]!.id, quantity: 1 }] : []),
      ]),
    );
}
