import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateFairly } from '../../../domain/group-buys/allocation.ts';
import type { TDistributionList } from '../../../shared/api/group-buys.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import {
  allocationsOf,
  auditOf,
  noticesOf,
  SEED,
  seedClosedGroupBuy,
} from './group-buy-distribution.test-support.ts';

type Seeded = Awaited<ReturnType<typeof seedClosedGroupBuy>>;

async function workbookOf(res: { rawPayload: Buffer }) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}
const column = (sheet: ExcelJS.Worksheet, header: string) => {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  return headers.indexOf(header) + 1;
};

describe('group buy after closing: arrival, distribution list, sheets, drops, receipts, exceptions', () => {
  let t: TestApp;
  let g: Seeded;
  const post = (who: string, path: string, body?: unknown) =>
    call(t.app, g.s[who]!, 'POST', `${g.base}${path}`, body);
  const get = (who: string, path: string) => call(t.app, g.s[who]!, 'GET', `${g.base}${path}`);
  const riceOf = async () =>
    (await allocationsOf(t, g.a)).filter((l) => l.itemId === g.items.rice.id && l.allocated !== null);

  beforeAll(async () => {
    t = await createTestApp();
    g = await seedClosedGroupBuy(t);
  });
  afterAll(() => t.close());

  it('refuses the list before arrival to residents (403) and other communities (404), and distribution before arrival', async () => {
    expect((await get('resident', '/distribution')).statusCode).toBe(403);
    expect((await get('leader', '/distribution')).statusCode).toBe(403); // a leader, but not of group buying
    expect((await get('b-coordinator', '/distribution')).statusCode).toBe(404);
    expect((await get('resident', '/distribution.xlsx')).statusCode).toBe(403);
    expect(
      (await post('resident', '/arrival', { items: [{ itemId: g.items.rice.id, received: 1 }] })).statusCode,
    ).toBe(403);
    const early = await post('gbMember', `/buildings/${g.building['12']}/distributed`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('GROUP_BUY_NOT_ARRIVED');
    // allocated: the list is a preview to print before the truck comes
    expect((await get('gbMember', '/distribution')).statusCode).toBe(200);
  });

  it('shares a shortfall out again by the fair rule, tells those cut, and totals what arrived', async () => {
    const before = await riceOf();
    expect(before.reduce((sum, l) => sum + l.allocated!, 0)).toBe(8);
    const unknown = await post('gbLeader', '/arrival', { items: [{ itemId: g.groupBuyId, received: 1 }] });
    expect(unknown.statusCode).toBe(400);

    const res = await post('gbLeader', '/arrival', { items: [{ itemId: g.items.rice.id, received: 4 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('arrived');
    const after = await riceOf();
    expect(after.reduce((sum, l) => sum + l.allocated!, 0)).toBe(4);
    // the same rule, reproducible: previous allocation as the ask, the item's own seed
    const householdOf = (orderId: string) =>
      g.household[Object.keys(g.orderIds).find((k) => g.orderIds[k] === orderId)!]!;
    const expected = allocateFairly(
      4,
      before.map((l) => ({ householdId: householdOf(l.orderId), quantity: l.allocated! })),
      `${SEED}/1`,
    );
    for (const l of after) expect(l.allocated).toBe(expected.get(householdOf(l.orderId)));
    const items = res.json().items as { id: string; received: number }[];
    expect(items.find((i) => i.id === g.items.rice.id)!.received).toBe(4);
    expect(items.find((i) => i.id === g.items.milk.id)!.received).toBe(4); // left out: arrived in full
    const milk = (await allocationsOf(t, g.a)).filter(
      (l) => l.itemId === g.items.milk.id && l.allocated !== null,
    );
    expect(milk.reduce((sum, l) => sum + l.allocated!, 0)).toBe(4);

    // 12-1203 (the resident's household) had 1 or 2 bags and 5 households share 4: see whether it was cut
    const mine = (l: { orderId: string }) => l.orderId === g.orderIds['12-1203'];
    const cut = after.find(mine)!.allocated! < before.find(mine)!.allocated!;
    const told = (await noticesOf(t, 'groupBuy.shortfall')).filter((n) => n.accountId === g.ids.resident);
    expect(told.length).toBe(cut ? 1 : 0);
    expect((await auditOf(t, 'groupBuy.arrival')).length).toBe(1);
  });

  it('corrects counts downwards only, while nothing is distributed', async () => {
    const up = await post('gbLeader', '/arrival', { items: [{ itemId: g.items.rice.id, received: 5 }] });
    expect(up.statusCode).toBe(409);
    expect(up.json().error.code).toBe('GROUP_BUY_ARRIVAL_ONLY_DOWN');
    const down = await post('gbLeader', '/arrival', { items: [{ itemId: g.items.rice.id, received: 3 }] });
    expect(down.statusCode).toBe(200);
    expect((await riceOf()).reduce((sum, l) => sum + l.allocated!, 0)).toBe(3);
    expect((await auditOf(t, 'groupBuy.arrival_correction')).length).toBe(1);
  });

  it('lists per building, room by room, only households that get something', async () => {
    const res = await get('gbMember', '/distribution');
    expect(res.statusCode).toBe(200);
    const list = res.json() as TDistributionList;
    expect(list.status).toBe('arrived');
    expect(list.buildings.map((b) => b.buildingCode)).toEqual(
      [...list.buildings.map((b) => b.buildingCode)].sort((x, y) => Number(x) - Number(y)),
    );
    const rows = list.buildings.flatMap((b) => b.rows);
    for (const r of rows) expect(Object.values(r.quantities).reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
    expect(rows.some((r) => r.orderId === g.orderIds['5-101'])).toBe(false); // withdrawn
    const allocations = await allocationsOf(t, g.a);
    const withUnits = new Set(allocations.filter((l) => (l.allocated ?? 0) > 0).map((l) => l.orderId));
    expect(new Set(rows.map((r) => r.orderId))).toEqual(withUnits);
    for (const r of rows) {
      expect(r.amountFen).toBe(
        (r.quantities[g.items.rice.id] ?? 0) * 6000 + (r.quantities[g.items.milk.id] ?? 0) * 1500,
      );
    }
    const b12 = list.buildings.find((b) => b.buildingCode === '12');
    if (b12)
      expect(b12.rows.map((r) => r.room)).toEqual(
        [...b12.rows.map((r) => r.room)].sort((x, y) => Number(x) - Number(y)),
      );
    const proxy = rows.find((r) => r.orderId === g.orderIds['12-101']);
    if (proxy) expect(proxy.proxy).toBe(true);
    for (const b of list.buildings)
      expect(b.units).toBe(
        b.rows.reduce((sum, r) => sum + Object.values(r.quantities).reduce((x, y) => x + y, 0), 0),
      );
  });

  it('records exceptions, shown in the list and the sheet', async () => {
    const order = g.orderIds['2-502']!; // asked 2 milk, never short
    const tooMany = await post('gbMember', '/exceptions', {
      orderId: order,
      itemId: g.items.milk.id,
      kind: 'damaged',
      quantity: 3,
    });
    expect(tooMany.statusCode).toBe(400);
    const ok = await post('gbMember', '/exceptions', {
      orderId: order,
      itemId: g.items.milk.id,
      kind: 'damaged',
      quantity: 1,
      note: '纸箱压破',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'damaged', quantity: 1, note: '纸箱压破' });
    expect((await post('resident', '/exceptions', { orderId: order, kind: 'missing' })).statusCode).toBe(403);
    const list = (await get('gbMember', '/distribution')).json() as TDistributionList;
    const row = list.buildings.flatMap((b) => b.rows).find((r) => r.orderId === order)!;
    expect(row.exceptions).toHaveLength(1);
    const book = await workbookOf(await get('gbMember', '/distribution.xlsx'));
    const sheet = book.getWorksheet('2号楼')!;
    expect(String(sheet.getRow(2).getCell(column(sheet, '异常')).value)).toContain('破损');
    expect((await auditOf(t, 'groupBuy.exception.damaged')).length).toBe(1);
  });

  it('exports the distribution list and the supplier sheet with the right totals', async () => {
    const list = (await get('coordinator', '/distribution')).json() as TDistributionList;
    const res = await get('coordinator', '/distribution.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await workbookOf(res);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      ...list.buildings.map((b) => `${b.buildingCode}号楼`),
    ]);
    const summary = book.getWorksheet('汇总')!;
    const totalRow = summary.getRow(list.buildings.length + 2);
    expect(totalRow.getCell(1).value).toBe('合计');
    const units = list.buildings.reduce((sum, b) => sum + b.units, 0);
    expect(totalRow.getCell(column(summary, '合计件数')).value).toBe(units);
    expect(totalRow.getCell(column(summary, '大米（袋）')).value).toBe(3);

    const supplier = await workbookOf(await get('coordinator', '/export.xlsx'));
    const items = supplier.getWorksheet('按商品')!;
    expect(items.getRow(2).getCell(column(items, '分配')).value).toBe(3); // rice, after the cut
    expect(items.getRow(2).getCell(column(items, '到货')).value).toBe(3);
    const due = list.buildings.flatMap((b) => b.rows).reduce((sum, r) => sum + r.amountFen, 0);
    expect(items.getRow(4).getCell(column(items, '金额（元）')).value).toBe(due / 100);
    const byBuilding = supplier.getWorksheet('按楼栋')!;
    expect(byBuilding.getRow(list.buildings.length + 2).getCell(column(byBuilding, '合计件数')).value).toBe(
      units,
    );
    const en = await workbookOf(
      await call(t.app, g.s.coordinator!, 'GET', `${g.base}/export.xlsx`, undefined, {
        'accept-language': 'en',
      }),
    );
    expect(en.worksheets.map((w) => w.name)).toEqual(['Items', 'By building', 'Reconciliation']);
  });

  it('takes receipts from the household or the group, once', async () => {
    const mine = g.orderIds['12-1203']!;
    const other = g.orderIds['2-502']!;
    expect((await post('resident', `/orders/${other}/receipt`)).statusCode).toBe(403);
    const first = await post('resident', `/orders/${mine}/receipt`);
    if (first.statusCode === 409) {
      // the resident's household lost every unit in the cut: nothing to confirm
      expect(first.json().error.code).toBe('GROUP_BUY_ORDER_NOTHING_ALLOCATED');
    } else {
      expect(first.statusCode).toBe(200);
      const again = await post('resident', `/orders/${mine}/receipt`);
      expect(again.json().receivedAt).toBe(first.json().receivedAt);
    }
    const byGroup = await post('gbMember', `/orders/${other}/receipt`);
    expect(byGroup.statusCode).toBe(200);
    expect(byGroup.json().receivedAt).not.toBeNull();
    expect((await auditOf(t, 'groupBuy.receipt')).length).toBe(first.statusCode === 200 ? 2 : 1);
  });

  it('marks drops per building once, tells the households, and is done with the last', async () => {
    const list = (await get('gbMember', '/distribution')).json() as TDistributionList;
    const empty = await post('gbMember', `/buildings/${g.building['5']}/distributed`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('GROUP_BUY_BUILDING_NOTHING');
    expect(
      (await post('resident', `/buildings/${list.buildings[0]!.buildingId}/distributed`)).statusCode,
    ).toBe(403);
    const [first, ...rest] = list.buildings;
    const once = await post('gbMember', `/buildings/${first!.buildingId}/distributed`);
    expect(once.statusCode).toBe(200);
    const twice = await post('gbMember', `/buildings/${first!.buildingId}/distributed`);
    expect(twice.json().distributedAt).toBe(once.json().distributedAt);
    expect((await auditOf(t, 'groupBuy.building_distributed')).length).toBe(1);
    for (const b of rest) {
      expect((await get('gbMember', '/distribution')).json().status).toBe('arrived');
      t.clock.advance(60_000);
      expect((await post('gbMember', `/buildings/${b.buildingId}/distributed`)).statusCode).toBe(200);
    }
    const done = (await get('gbMember', '/distribution')).json() as TDistributionList;
    expect(done.status).toBe('done');
    expect(done.buildings.every((b) => b.distributedAt !== null)).toBe(true);
    const households = list.buildings.flatMap((b) => b.rows).length;
    expect((await noticesOf(t, 'groupBuy.distributed')).length).toBeLessThanOrEqual(households);
    expect(
      (await post('gbLeader', '/arrival', { items: [{ itemId: g.items.rice.id, received: 1 }] })).statusCode,
    ).toBe(409);
  });
});
