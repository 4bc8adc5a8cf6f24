import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBuyOrderLines, groupBuyOrders } from '../../db/schema/index.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import {
  type GroupBuyScene,
  groupBuyScene,
  openCampaign,
  seedOrderingHouseholds,
} from './group-buys.test-support.ts';

const HOUR = 3_600_000;

describe('group-buy orders: bad input, access, and hundreds at once', () => {
  let t: TestApp;
  let x: GroupBuyScene;
  let c: Awaited<ReturnType<typeof openCampaign>>;
  const order = (who: Session, body: Record<string, unknown>, id = c.id) =>
    call(t.app, who, 'POST', x.url(`/${id}/orders`), body);
  const refusal = async (p: Promise<{ statusCode: number; json(): any }>) => {
    const res = await p;
    return [res.statusCode, res.json().error?.code];
  };
  const rice = (quantity: unknown) => ({ lines: [{ itemId: c.rice, quantity }] });

  beforeAll(async () => {
    t = await createTestApp();
    x = await groupBuyScene(t);
    c = await openCampaign(t, x, { riceStock: 100 });
  });
  afterAll(() => t.close());

  it('refuses bad quantities, unknown items, limits, strangers, second orders, and replays a clientKey', async () => {
    expect(await refusal(order(x.s.resident!, rice(0)))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refusal(order(x.s.resident!, rice(1.5)))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refusal(order(x.s.resident!, rice(-2)))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await refusal(order(x.s.resident!, { lines: [{ itemId: c.id, quantity: 1 }] }))).toEqual([
      400,
      'GROUP_BUY_UNKNOWN_ITEM',
    ]);
    expect(await refusal(order(x.s.resident!, rice(4)))).toEqual([409, 'GROUP_BUY_OVER_LIMIT']);
    // a resident for another household; a relay contact outside their building
    expect(await refusal(order(x.s.resident!, { householdId: x.h.h101.id, ...rice(1) }))).toEqual([
      403,
      'GROUP_BUY_NOT_YOUR_HOUSEHOLD',
    ]);
    expect(await refusal(order(x.s.neighbour!, { householdId: x.h.h101.id, ...rice(1) }))).toEqual([
      403,
      'GROUP_BUY_NOT_YOUR_HOUSEHOLD',
    ]);
    expect(await refusal(order(x.s.coordinator!, rice(1)))).toEqual([400, 'GROUP_BUY_NO_HOUSEHOLD']);

    const body = { ...rice(2), clientKey: 'retry-key-0001' };
    const first = await order(x.s.resident!, body);
    const replay = await order(x.s.resident!, body);
    expect([first.statusCode, replay.statusCode]).toEqual([201, 201]);
    expect(replay.json()).toEqual(first.json());
    expect(await refusal(order(x.s.resident!, rice(1)))).toEqual([409, 'GROUP_BUY_ORDER_EXISTS']);
    // a neighbour's order is not there for a resident to change
    const wang = await order(x.s.neighbour!, rice(1));
    const put = call(t.app, x.s.resident!, 'PUT', x.url(`/${c.id}/orders/${wang.json().id}`), rice(2));
    expect(await refusal(put)).toEqual([404, 'NOT_FOUND']);
  });

  it('keeps campaigns to their community and managing to the group', async () => {
    expect(await refusal(call(t.app, x.s['b-coordinator']!, 'GET', x.url(`/${c.id}`)))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(await refusal(call(t.app, x.s.outsider!, 'GET', x.url()))).toEqual([404, 'NOT_FOUND']);
    const inB = `/api/communities/${x.b}/group-buys/${c.id}`;
    expect(await refusal(call(t.app, x.s['b-coordinator']!, 'GET', inB))).toEqual([404, 'NOT_FOUND']);
    expect(await refusal(call(t.app, x.s['b-coordinator']!, 'POST', `${inB}/close`))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(await refusal(call(t.app, x.s.resident!, 'POST', x.url(`/${c.id}/close`)))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(await refusal(call(t.app, x.s.volunteer!, 'POST', x.url(`/${c.id}/close`)))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    for (const by of [x.s.volunteer!, x.s.resident!])
      await expect(openCampaign(t, x, { by })).rejects.toThrow('createGroupBuy: 403');
    const list = (await call(t.app, x.s.viewer!, 'GET', x.url('?state=all'))).json();
    expect(list.groupBuys.map((g: { id: string }) => g.id)).toContain(c.id);
  });

  it('refuses orders before the window opens', async () => {
    const later = await openCampaign(t, x, { opensInHours: 2 });
    expect(
      await refusal(order(x.s.resident!, { lines: [{ itemId: later.rice, quantity: 1 }] }, later.id)),
    ).toEqual([409, 'GROUP_BUY_NOT_YET_OPEN']);
    t.clock.advance(2 * HOUR);
    expect(
      (await order(x.s.resident!, { lines: [{ itemId: later.rice, quantity: 1 }] }, later.id)).statusCode,
    ).toBe(201);
  });

  it('stores every acknowledged order of 300 households ordering at once exactly once', async () => {
    const buyers = await seedOrderingHouseholds(t, x.a, 300);
    const big = await openCampaign(t, x);
    const want = buyers.map((_, i) => (i % 3) + 1);
    const asks = buyers.map((b, i) =>
      call(t.app, b.session, 'POST', x.url(`/${big.id}/orders`), {
        lines: [{ itemId: big.rice, quantity: want[i] }],
        clientKey: `stampede-${i}`,
      }),
    );
    // every tenth household presses the button twice
    const retries = buyers
      .filter((_, i) => i % 10 === 0)
      .map((b, j) =>
        call(t.app, b.session, 'POST', x.url(`/${big.id}/orders`), {
          lines: [{ itemId: big.rice, quantity: want[j * 10] }],
          clientKey: `stampede-${j * 10}`,
        }),
      );
    const answers = await Promise.all([...asks, ...retries]);
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const acknowledged = new Set(answers.map((a) => a.json().id));
    expect(acknowledged.size).toBe(300);
    const stored = await t.deps.db
      .select({ id: groupBuyOrders.id, quantity: groupBuyOrderLines.quantity })
      .from(groupBuyOrders)
      .innerJoin(groupBuyOrderLines, eq(groupBuyOrderLines.orderId, groupBuyOrders.id))
      .where(eq(groupBuyOrders.groupBuyId, big.id));
    expect(new Set(stored.map((s) => s.id))).toEqual(acknowledged);
    expect(stored).toHaveLength(300);
    const total = want.reduce((a, b) => a + b, 0);
    expect(stored.reduce((a, s) => a + s.quantity, 0)).toBe(total);
    const detail = (await call(t.app, x.s.leader!, 'GET', x.url(`/${big.id}`))).json();
    expect(detail).toMatchObject({ households: 300, runningTotalFen: total * 5000 });
  }, 120_000);
});
