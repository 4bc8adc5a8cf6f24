import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCallDownPlan } from '../../../shared/api/testing-calls.ts';
import * as schema from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { tellDueCalls } from './call-notices.ts';
import { seedTestingSite } from './testing-rounds.test-support.ts';

const HOUR = 3_600_000;

// The clock starts at 2026-04-09T00:00Z; the round starts 2026-04-10 08:00 in Shanghai (00:00Z).
describe('the call-down plan (叫号): propose, adjust, publish, and tell each building at its time', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let s: Record<string, Session>;
  let roundId: string;
  const accounts: Record<string, string> = {};
  const path = (rest = '') => site.url(`/testing-rounds/${roundId}/call-down${rest}`);
  const plan = (who = s.testingLeader!) => call(t.app, who, 'POST', path('/plan'));
  const adjust = (body: unknown, who = s.testingLeader!) => call(t.app, who, 'PATCH', path(), body);
  const publish = (who = s.testingLeader!) => call(t.app, who, 'POST', path('/publish'));
  const calls = (p: TCallDownPlan) => p.gates.flatMap((g) => g.calls);
  const callOf = (p: TCallDownPlan, building: string) =>
    calls(p).find((c) => c.buildingId === site.buildings[building as '2'])!;
  /** Testing notices in the outbox, as "account kind", sorted. */
  const told = async () =>
    (
      await t.deps.db
        .select({ accountId: schema.outbox.accountId, kind: schema.outbox.kind })
        .from(schema.outbox)
        .where(like(schema.outbox.kind, 'testing.call%'))
    )
      .map((r) => `${Object.keys(accounts).find((k) => accounts[k] === r.accountId)} ${r.kind}`)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    s = site.s;
    const db = t.deps.db;
    // 张伟 (12, comes down) signs in as "resident"; 陆伯伯 (12, door-to-door) and 钱军 (7, relay
    // contact of building 7) have accounts of their own
    const [resident] = await db
      .select({ id: schema.accounts.id })
      .from(schema.accounts)
      .where(eq(schema.accounts.username, 'resident'));
    accounts.zhang = resident!.id;
    for (const [key, name] of [
      ['zhang', '张伟'],
      ['lu', '陆伯伯'],
      ['qian', '钱军'],
    ] as const) {
      if (!accounts[key]) {
        const [row] = await db
          .insert(schema.accounts)
          .values({ username: key, displayName: name, passwordHash: 'x' })
          .returning({ id: schema.accounts.id });
        accounts[key] = row!.id;
      }
      await db
        .update(schema.residents)
        .set({ accountId: accounts[key] })
        .where(eq(schema.residents.id, site.people[name]!));
    }
    await db
      .update(schema.buildings)
      .set({ relayResidentId: site.people['钱军']! })
      .where(eq(schema.buildings.id, site.buildings['7']));
    const res = await call(t.app, s.testingLeader!, 'POST', site.url('/testing-rounds'), {
      title: '第一轮全员核酸',
      day: '2026-04-10',
      startTime: '08:00',
      lanes: 3,
      gates: [
        { gateId: site.gates.east, lanes: 2, crowdLimit: 60 },
        { gateId: site.gates.west, lanes: 1, crowdLimit: 40 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const doc = JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    for (const id of ['planCallDown', 'adjustCallDown', 'publishCallDown', 'getCallDownPlan'])
      expect(doc).toContain(`"operationId":"${id}"`);
  });

  it('refuses volunteers, other communities, and publishing before any plan', async () => {
    expect((await plan(s.testingVolunteer!)).statusCode).toBe(403);
    expect((await plan(s.parcelsLeader!)).statusCode).toBe(403);
    expect((await call(t.app, s.resident!, 'GET', path())).statusCode).toBe(403);
    const other = `/api/communities/${site.b}/testing-rounds/${roundId}/call-down`;
    expect((await call(t.app, s['b-coordinator']!, 'POST', `${other}/plan`)).statusCode).toBe(404);
    expect((await call(t.app, s['b-coordinator']!, 'GET', other)).statusCode).toBe(404);
    const early = await publish();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TESTING_CALL_DOWN_NOT_PLANNED');
    expect((await call(t.app, s.testingVolunteer!, 'GET', path())).json().expected).toBeNull();
  });

  it('plans every building with residents once, leaving the door-to-door list at home', async () => {
    const res = await plan();
    expect(res.statusCode, res.body).toBe(200);
    const body: TCallDownPlan = res.json();
    expect(body.status).toBe('draft');
    const east = body.gates.find((g) => g.gateId === site.gates.east)!;
    const west = body.gates.find((g) => g.gateId === site.gates.west)!;
    // 12: 张伟, 李芳 (陆伯伯 stays home); 2: 王强, 王小明; 7: 钱军, 孙丽 (赵奶奶 stays home)
    expect(east.calls.map((c) => [c.buildingCode, c.residents, c.homeVisits]).sort()).toEqual([
      ['12', 2, 1],
      ['2', 2, 0],
    ]);
    expect(west.calls.map((c) => [c.buildingCode, c.residents, c.homeVisits])).toEqual([['7', 2, 1]]);
    expect(body.expected!.residents).toBe(6);
    expect(body.expected!.makespanSeconds).toBeGreaterThanOrEqual(body.expected!.lowerBoundSeconds);
    for (const gate of body.gates) expect(gate.expectedMaxQueue).toBeLessThanOrEqual(gate.crowdLimit);
    for (const c of calls(body)) {
      expect(Date.parse(c.callAt)).toBeGreaterThanOrEqual(Date.parse('2026-04-10T00:00:00Z'));
      expect(c).toMatchObject({ adjusted: false, notifiedAt: null });
    }
    // a second proposal replaces the first rather than adding to it
    expect((await plan()).statusCode).toBe(200);
    const rows = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.testingCalls)
      .where(eq(schema.testingCalls.roundId, roundId));
    expect(rows[0]!.n).toBe(3);
  });

  it('lets the leader move a call on the round’s day or swap two, and checks the building', async () => {
    const moved = await adjust({ buildingId: site.buildings['2'], callTime: '09:30' });
    expect(moved.statusCode, moved.body).toBe(200);
    const before: TCallDownPlan = moved.json();
    expect(callOf(before, '2')).toMatchObject({
      callAt: '2026-04-10T01:30:00.000Z',
      callTime: '09:30',
      adjusted: true,
    });
    const swapped: TCallDownPlan = (
      await adjust({ buildingId: site.buildings['2'], swapWithBuildingId: site.buildings['12'] })
    ).json();
    expect(callOf(swapped, '12').callAt).toBe('2026-04-10T01:30:00.000Z');
    expect(callOf(swapped, '2').callAt).toBe(callOf(before, '12').callAt);

    const bad: [unknown, string][] = [
      [{ buildingId: crypto.randomUUID(), callTime: '09:00' }, 'TESTING_CALL_NOT_PLANNED'],
      [
        { buildingId: site.buildings['2'], swapWithBuildingId: crypto.randomUUID() },
        'TESTING_CALL_NOT_PLANNED',
      ],
      [{ buildingId: site.buildings['2'], callTime: '24:00' }, 'VALIDATION_FAILED'],
      [
        { buildingId: site.buildings['2'], callTime: '09:00', swapWithBuildingId: site.buildings['7'] },
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, code] of bad) {
      const res = await adjust(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect(
      (await adjust({ buildingId: site.buildings['2'], callTime: '09:00' }, s.testingVolunteer!)).statusCode,
    ).toBe(403);
  });

  it('publishes once; then the plan is fixed', async () => {
    const res = await publish();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedAt: '2026-04-09T00:00:00.000Z' });
    for (const again of [
      await publish(),
      await plan(),
      await adjust({ buildingId: site.buildings['2'], callTime: '09:00' }),
    ]) {
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('TESTING_ROUND_NOT_DRAFT');
    }
    const log = JSON.stringify((await call(t.app, s.coordinator!, 'GET', site.url('/audit'))).json());
    expect(log).toContain('发布“第一轮全员核酸”的叫号计划（3 栋楼）');
    expect(log).toContain('对调“第一轮全员核酸”中2号楼和12号楼的叫号时间');
  });

  it('tells each building at its call time, exactly once, residents and relay contact', async () => {
    await runBackgroundTasksOnce(t.deps);
    expect(await told()).toEqual([]);
    // 09:00 in Shanghai: buildings 2 and 7 were called (12 comes at 09:30)
    t.clock.advance(25 * HOUR);
    await Promise.all([tellDueCalls(t.deps), tellDueCalls(t.deps)]);
    expect(await told()).toEqual(['qian testing.call', 'qian testing.call_relay']);
    const plan9: TCallDownPlan = (await call(t.app, s.testingLeader!, 'GET', path())).json();
    expect(callOf(plan9, '7').notifiedAt).toBe('2026-04-10T01:00:00.000Z');
    expect(callOf(plan9, '12').notifiedAt).toBeNull();

    t.clock.advance(HOUR);
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    const all = [
      'lu testing.call_home',
      'qian testing.call',
      'qian testing.call_relay',
      'zhang testing.call',
    ];
    expect(await told()).toEqual(all);
    const [notice] = await t.deps.db
      .select({ params: schema.outbox.params })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.accountId, accounts.zhang!), eq(schema.outbox.kind, 'testing.call')));
    expect(notice!.params).toMatchObject({
      building: '12',
      gate: '东门',
      pooling: 10,
      at: '2026-04-10T01:30:00.000Z',
    });
    const inbox = (await call(t.app, s.resident!, 'GET', site.url('/notifications'))).json();
    expect(JSON.stringify(inbox)).toContain('请现在下楼到东门做核酸');
  });
});
