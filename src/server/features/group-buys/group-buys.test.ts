import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type GroupBuyScene, groupBuyScene, openCampaign } from './group-buys.test-support.ts';

const HOUR = 3_600_000;

describe('group buys: a campaign from opening to payment', () => {
  let t: TestApp;
  let x: GroupBuyScene;
  const order = (who: Session, id: string, body: Record<string, unknown>) =>
    call(t.app, who, 'POST', x.url(`/${id}/orders`), body);
  const noticesOf = (kind: string, id: string) =>
    t.deps.db
      .select({ accountId: outbox.accountId, params: outbox.params })
      .from(outbox)
      .where(and(eq(outbox.kind, kind), eq(outbox.link, `/group-buys/${id}`), eq(outbox.channel, 'inbox')));

  beforeAll(async () => {
    t = await createTestApp();
    x = await groupBuyScene(t);
  });
  afterAll(() => t.close());

  it('orders own and by proxy, changes, withdraws, closes fairly when stock is short, and reconciles', async () => {
    const c = await openCampaign(t, x, { riceStock: 3 });
    expect(c.detail).toMatchObject({ status: 'open', can: { manage: true }, reconciliation: { dueFen: 0 } });

    const own = await order(x.s.resident!, c.id, { lines: [{ itemId: c.rice, quantity: 2 }] });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ proxy: false, room: '1203', buildingCode: '12', amountFen: 10_000 });
    const proxy = await order(x.s.volunteer!, c.id, {
      householdId: x.h.h101.id,
      lines: [
        { itemId: c.rice, quantity: 1 },
        { itemId: c.milk, quantity: 2 },
      ],
    });
    expect(proxy.json()).toMatchObject({ proxy: true, placedByName: 'volunteer 测试', amountFen: 7000 });
    const wang = await order(x.s.neighbour!, c.id, { lines: [{ itemId: c.rice, quantity: 3 }] });
    // the relay contact of building 2 orders for 2-601, a household without a phone
    const relayed = await order(x.s.neighbour!, c.id, {
      householdId: x.h.h601.id,
      lines: [{ itemId: c.rice, quantity: 1 }],
    });
    expect([wang.statusCode, relayed.statusCode, relayed.json().proxy]).toEqual([201, 201, true]);

    const changed = await call(t.app, x.s.resident!, 'PUT', x.url(`/${c.id}/orders/${own.json().id}`), {
      lines: [{ itemId: c.rice, quantity: 3 }],
    });
    expect(changed.json().lines).toEqual([{ itemId: c.rice, quantity: 3, allocated: null }]);
    const withdrawn = await call(
      t.app,
      x.s.neighbour!,
      'POST',
      x.url(`/${c.id}/orders/${relayed.json().id}/withdraw`),
    );
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', amountFen: 0 });
    // placed again: the withdrawn row comes back
    const again = await order(x.s.neighbour!, c.id, {
      householdId: x.h.h601.id,
      lines: [{ itemId: c.rice, quantity: 2 }],
    });
    expect(again.json()).toMatchObject({ id: relayed.json().id, status: 'active' });

    // a resident sees the totals and their own order, never a neighbour's
    const mine = (await call(t.app, x.s.resident!, 'GET', x.url(`/${c.id}`))).json();
    expect(mine).toMatchObject({ households: 4, reconciliation: null, myOrder: { id: own.json().id } });
    expect(mine.items[0].ordered).toBe(9);
    const theirs = (await call(t.app, x.s.resident!, 'GET', x.url(`/${c.id}/orders`))).json().orders;
    expect(theirs.map((o: { room: string }) => o.room)).toEqual(['1203']);
    const relayView = (await call(t.app, x.s.neighbour!, 'GET', x.url(`/${c.id}/households`))).json()
      .households;
    expect(relayView.map((h: { room: string }) => h.room).sort()).toEqual(['502', '601']);
    expect((await call(t.app, x.s.leader!, 'GET', x.url(`/${c.id}/orders`))).json().orders).toHaveLength(4);

    // 3 bags for 4 households asking 3+1+3+2: one each to three of them, by the recorded seed
    const closed = await call(t.app, x.s.leader!, 'POST', x.url(`/${c.id}/close`));
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'allocated', runningTotalFen: 3 * 5000 + 2000 });
    expect((await call(t.app, x.s.leader!, 'POST', x.url(`/${c.id}/close`))).json()).toEqual(closed.json());
    const all = (await call(t.app, x.s.leader!, 'GET', x.url(`/${c.id}/orders`))).json().orders;
    const rice = all.map(
      (o: { lines: { itemId: string; allocated: number }[] }) =>
        o.lines.find((l) => l.itemId === c.rice)!.allocated,
    );
    expect(rice.sort()).toEqual([0, 1, 1, 1]);
    const short = all.filter((o: { lines: { quantity: number; allocated: number }[] }) =>
      o.lines.some((l) => l.allocated < l.quantity),
    );
    expect(closed.json().shortHouseholds).toBe(short.length);
    const detail = (await call(t.app, x.s.leader!, 'GET', x.url(`/${c.id}`))).json();
    expect(detail).toMatchObject({ status: 'allocated', allocationSeed: closed.json().allocationSeed });
    expect(detail.items.map((i: { allocated: number }) => i.allocated)).toEqual([3, 2]);

    const told = await noticesOf('groupBuy.allocated', c.id);
    expect(told.map((n) => n.accountId).sort()).toEqual(
      [x.ids.resident, x.ids.neighbour, x.ids.neighbour, x.ids.volunteer].sort(),
    );
    expect(
      await order(x.s.viewer!, c.id, { householdId: x.h.h502.id, lines: [{ itemId: c.rice, quantity: 1 }] }),
    ).toMatchObject({
      statusCode: 403,
    });
    const late = await call(t.app, x.s.resident!, 'PUT', x.url(`/${c.id}/orders/${own.json().id}`), {
      lines: [{ itemId: c.rice, quantity: 1 }],
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'GROUP_BUY_CLOSED']);

    // payments marked in one go, reconciled against the supplier's bill
    const paying = all.filter((o: { amountFen: number }) => o.amountFen > 0).map((o: { id: string }) => o.id);
    const paid = await call(t.app, x.s.volunteer!, 'POST', x.url(`/${c.id}/payments`), {
      orderIds: paying,
      payment: 'paid',
    });
    expect(paid.json().orders.every((o: { payment: string }) => o.payment === 'paid')).toBe(true);
    expect(
      (
        await call(t.app, x.s.resident!, 'POST', x.url(`/${c.id}/payments`), {
          orderIds: paying,
          payment: 'paid',
        })
      ).statusCode,
    ).toBe(403);
    const billed = await call(t.app, x.s.leader!, 'PUT', x.url(`/${c.id}/supplier-bill`), {
      supplierBillFen: 17_000,
    });
    expect(billed.json()).toMatchObject({
      supplierBillFen: 17_000,
      reconciliation: { dueFen: 17_000, paidFen: 17_000, unpaidFen: 0, differenceFen: 0 },
    });

    const actions = (
      await t.deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(like(auditLog.action, 'groupBuy.%'))
    ).map((r) => r.action);
    for (const a of [
      'groupBuy.create',
      'groupBuy.order',
      'groupBuy.order_proxy',
      'groupBuy.order_change',
      'groupBuy.order_withdraw',
      'groupBuy.allocated',
      'groupBuy.payment.paid',
      'groupBuy.supplier_bill',
    ])
      expect(actions).toContain(a);
  });

  it('fails below the minimum when the window ends on its own, tells everyone, and stays failed', async () => {
    const c = await openCampaign(t, x, { minimumTotalFen: 100_000 });
    await order(x.s.resident!, c.id, { lines: [{ itemId: c.rice, quantity: 1 }] });
    await order(x.s.leader!, c.id, { householdId: x.h.h101.id, lines: [{ itemId: c.milk, quantity: 1 }] });
    t.clock.advance(24 * HOUR);
    await runBackgroundTasksOnce(t.deps);
    const detail = (await call(t.app, x.s.resident!, 'GET', x.url(`/${c.id}`))).json();
    expect(detail).toMatchObject({ status: 'failed', runningTotalFen: 6000, myOrder: { amountFen: 0 } });
    const told = await noticesOf('groupBuy.failed', c.id);
    expect(told.map((n) => n.accountId).sort()).toEqual([x.ids.resident, x.ids.leader].sort());
    expect(told[0]!.params).toMatchObject({ total: '60.00', minimum: '1000.00' });
    const again = await call(t.app, x.s.leader!, 'POST', x.url(`/${c.id}/close`));
    expect(again.json()).toMatchObject({
      status: 'failed',
      allocationSeed: detail.allocationSeed,
      runningTotalFen: 6000,
    });
    expect(await noticesOf('groupBuy.failed', c.id)).toHaveLength(2);
  });
});
