import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard } from '../../../shared/api/dashboard.ts';
import { openSse, type SseClient } from '../../test-support/sse-client.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import {
  type DashboardScene,
  dashboardScene,
  ok,
  seedToday,
  seedYesterday,
  TODAY_NOW,
} from './dashboard.test-support.ts';
import { dashboardFigures } from './dashboard-figures.ts';

// "Every figure on the dashboard equals the count from its feature": the scene is built through the
// features' endpoints, then each figure is compared with what the feature's own endpoint answers at the
// same moment, and with the number the scene was built to give.
describe("dashboard: every figure is its feature's own number", () => {
  let t: TestApp;
  let x: DashboardScene;
  let y: Awaited<ReturnType<typeof seedYesterday>>;
  let z: Awaited<ReturnType<typeof seedToday>>;
  let d: TDashboard;
  const get = (path: string, who = x.s.coordinator!) => ok(t, who, 'GET', x.url(path));

  beforeAll(async () => {
    t = await createTestApp();
    x = await dashboardScene(t);
    y = await seedYesterday(t, x);
    z = await seedToday(t, x, y);
    d = await get('/dashboard');
  });
  afterAll(async () => t?.close());

  it('is taken now, on the community clock', () => {
    expect([d.communityId, d.name, d.timeZone, d.at]).toEqual([
      x.a,
      '甲小区',
      'Asia/Shanghai',
      TODAY_NOW.toISOString(),
    ]);
  });

  it("people: the overview's staff and volunteers, the groups page's members, the rosters' on shift", async () => {
    const overview = await get('/overview');
    const groups = (await get('/groups')).items;
    expect(d.people.staff).toBe(overview.people.staff);
    expect(d.people.volunteers).toEqual({
      approved: overview.people.volunteers,
      pending: overview.people.pendingVolunteers,
    });
    for (const g of groups) {
      const mine = d.people.groups.find((m) => m.groupId === g.id)!;
      expect([mine.key, mine.name, mine.members]).toEqual([g.key, g.name, g.members]);
    }
    const here = async (shiftId: string) =>
      (await get(`/shifts/${shiftId}/roster`)).items.filter(
        (e: any) => e.checkedInAt && !e.checkedOutAt && !e.noShow,
      ).length;
    const parcels = d.people.groups.find((g) => g.key === 'parcels')!;
    const testing = d.people.groups.find((g) => g.key === 'testing')!;
    expect(parcels.onShiftNow).toBe(await here(z.parcelsShift));
    expect(testing.onShiftNow).toBe(await here(z.testingShift));
    // built as: one rider in (the other checked out), the swab in; staff 1, coordinator 1; 2 + 2 + 1 volunteers
    expect([parcels.onShiftNow, testing.onShiftNow, d.people.onShiftNow]).toEqual([1, 1, 2]);
    expect([d.people.staff, d.people.coordinators]).toEqual([1, 1]);
    expect(d.people.volunteers).toEqual({ approved: 5, pending: 0 });
    expect(parcels.members).toBe(2);
  });

  it("parcels: the clearance board's compound for today", async () => {
    const board = await get('/parcel-board');
    expect(board.day).toBe('2026-04-10');
    expect(d.parcels).toEqual({
      receivedToday: board.compound.received,
      deliveredToday: board.compound.delivered,
      pickedUpToday: board.compound.pickedUp,
      waiting: board.compound.waiting + board.compound.onRun,
      oldestWaitingSince: board.compound.oldestWaitingAt,
    });
    // today: 3 in for building 3, stop 2 (1 parcel) delivered, 1 picked up; yesterday's are not counted
    expect(d.parcels).toEqual({
      receivedToday: 3,
      deliveredToday: 1,
      pickedUpToday: 1,
      waiting: 3,
      oldestWaitingSince: '2026-04-10T01:00:00.000Z',
    });
  });

  it("testing: the round list's tested and expected, the report's gates, span and duration", async () => {
    const round = await get(`/testing-rounds/${z.roundCurrent}`);
    const report = await get(`/testing-rounds/${z.roundCurrent}/report`);
    const advice = await get(`/testing-rounds/${z.roundCurrent}/lane-advice`);
    const current = d.testing.current!;
    expect([current.roundId, current.title, current.tested, current.expected]).toEqual([
      round.id,
      round.title,
      round.figures.tested,
      round.figures.expected,
    ]);
    expect(current.startedAt).toBe(report.round.start);
    const perGate = new Map<string, number>();
    for (const lane of report.lanes)
      for (const g of lane.gates) perGate.set(g.gateId, (perGate.get(g.gateId) ?? 0) + g.samples);
    expect(current.gates).toEqual(
      advice.gates.map((g: any) => ({
        gateId: g.gateId,
        name: g.name,
        tested: perGate.get(g.gateId) ?? 0,
        queue: g.queueAt ? g.queue : null,
      })),
    );
    const lastReport = await get(`/testing-rounds/${y.roundLast}/report`);
    const lastRound = await get(`/testing-rounds/${y.roundLast}`);
    expect(d.testing.last).toEqual({
      roundId: y.roundLast,
      title: lastRound.title,
      endedAt: lastReport.round.end,
      expected: lastRound.figures.expected,
      tested: lastReport.tested.total,
      coverage: lastReport.tested.total / lastRound.figures.expected,
      durationMinutes: lastReport.round.durationMinutes,
    });
    // built as: 3 sampled of 5 residents (2 at the east gate, 1 at home), queue 12; round 2: 3 in 65 min
    expect([current.tested, current.expected, current.coverage]).toEqual([3, 5, 0.6]);
    expect(current.gates.map((g) => [g.name, g.tested, g.queue])).toEqual([['东门', 2, 12]]);
    expect([d.testing.last!.tested, d.testing.last!.durationMinutes]).toEqual([3, 65]);
  });

  it("medicine: the queue's open view by urgency, its late rows first", async () => {
    const rows = (await get('/medicine-requests?status=open')).requests;
    const count = (u: string) => rows.filter((r: any) => r.urgency === u).length;
    const late = rows.filter((r: any) => r.status !== 'delivered' && r.deadlineState === 'overdue');
    expect(d.medicine.open).toEqual({
      critical: count('critical'),
      high: count('high'),
      normal: count('normal'),
    });
    expect(d.medicine.overdue).toBe(late.length);
    expect(d.medicine.top.map((r) => r.id)).toEqual(
      expect.arrayContaining(rows.slice(0, 5).map((r: any) => r.id)),
    );
    // built as: high (late since 08:00 today), normal, critical asked today; the cancelled one is not open
    expect(d.medicine.open).toEqual({ critical: 1, high: 1, normal: 1 });
    expect(d.medicine.overdue).toBe(1);
    expect(d.medicine.top.map((r) => [r.urgency, r.overdue])).toEqual([
      ['high', true],
      ['critical', false],
      ['normal', false],
    ]);
    expect(d.medicine.top[0]!.id).toBe(y.late);
  });

  it("group buys: the list's open campaigns and households, the distribution list's buildings", async () => {
    const open = (await get('/group-buys?state=open')).groupBuys;
    expect(d.groupBuys.open).toEqual(
      open.map((g: any) => ({ id: g.id, title: g.title, closesAt: g.closesAt, households: g.households })),
    );
    const list = await get(`/group-buys/${x.groupBuyId}/distribution`);
    expect(d.groupBuys.inDistribution).toEqual([
      {
        id: x.groupBuyId,
        title: list.title,
        buildings: list.buildings.length,
        buildingsDone: list.buildings.filter((b: any) => b.distributedAt).length,
      },
    ]);
    // built as: the vegetable box with 2 households; the rice and milk for 4 buildings, 12 handed out
    expect(d.groupBuys.open.map((g) => [g.id, g.households])).toEqual([[z.vegId, 2]]);
    expect(d.groupBuys.inDistribution.map((g) => [g.buildingsDone, g.buildings])).toEqual([[1, 4]]);
  });

  it("disinfection: today's list as the home tile counts it, the overdue areas once", async () => {
    const tasks = (await get('/disinfection/tasks')).tasks.filter((task: any) => task.status !== 'skipped');
    const overdue = tasks.filter((task: any) => task.overdue);
    expect(d.disinfection).toEqual({
      dueToday: tasks.length,
      doneToday: tasks.filter((task: any) => task.status === 'done').length,
      overdue: overdue.length,
      overdueAreas: [...new Map(overdue.map((task: any) => [task.areaId, task.areaName]))].map(
        ([id, name]) => ({
          id,
          name,
        }),
      ),
    });
    // built as: the lobby's 15:00 of yesterday and 09:00 of today late, its 15:00 to come; the gate's done
    expect(d.disinfection).toEqual({
      dueToday: 4,
      doneToday: 1,
      overdue: 2,
      overdueAreas: [{ id: y.lobby, name: '12号楼大堂' }],
    });
  });

  it("relays: the relay list's totals and its buildings still waiting", async () => {
    const list = await get('/relay-tasks');
    expect(d.relays.unconfirmed).toBe(list.totals.open + list.totals.escalated);
    expect(d.relays.escalated).toBe(list.totals.escalated);
    expect(d.relays.buildings).toEqual(
      list.buildings.filter((b: any) => b.open + b.escalated > 0).map((b: any) => b.buildingCode),
    );
    // built as: building 12's parcels relay escalated, 2's open, 3 asked, 4 confirmed
    expect(d.relays).toEqual({ unconfirmed: 3, escalated: 1, buildings: ['12', '2', '3'] });
  });

  it('is one function: dashboardFigures answers what the endpoint sends', async () => {
    expect(await dashboardFigures(t.deps.db, x.a, t.clock.now())).toEqual(d);
  });

  it('is read by coordinators, staff and viewers; residents and volunteers 403; other communities 404', async () => {
    const status = async (who: string, communityId: string = x.a) =>
      (await call(t.app, x.s[who] ?? null, 'GET', `/api/communities/${communityId}/dashboard`)).statusCode;
    expect(await get('/dashboard', x.s.viewer!)).toEqual(d);
    expect(await status('staff')).toBe(200);
    expect([await status('resident'), await status('volunteer'), await status('gbMember')]).toEqual([
      403, 403, 403,
    ]);
    expect([await status('outsider'), await status('b-coordinator'), await status('viewer', x.b)]).toEqual([
      404, 404, 404,
    ]);
    expect(await status('nobody')).toBe(401);
  });

  it('lets a viewer change nothing: every write it tries is 403', async () => {
    const viewer = x.s.viewer!;
    const tries = [
      ['POST', '/parcels', { batch: { buildingId: x.building['3'], count: 1 } }],
      [
        'POST',
        '/medicine-requests',
        { residentId: x.residents[0]!.id, drugName: '药', quantity: '1', payment: 'yes' },
      ],
      [
        'POST',
        `/group-buys/${z.vegId}/orders`,
        {
          householdId: x.household['4-601'],
          lines: [{ itemId: z.vegItem, quantity: 1 }],
        },
      ],
      ['POST', `/group-buys/${x.groupBuyId}/buildings/${x.building['2']}/distributed`, undefined],
      ['POST', `/testing-rounds/${z.roundCurrent}/gates/${x.gateId}/queue`, { queue: 1 }],
      ['POST', `/shifts/${z.parcelsShift}/check-in`, { badgeToken: 'x' }],
      [
        'POST',
        '/disinfection/areas',
        { name: '门', kind: 'gate', gateId: x.gateId, schedule: 'daily', times: ['09:00'] },
      ],
      ['POST', '/volunteer-calls', { title: '招募' }],
    ] as const;
    const before = await get('/dashboard');
    for (const [method, path, body] of tries) {
      const res = await call(t.app, viewer, method, x.url(path), body);
      expect([path, res.statusCode]).toEqual([path, 403]);
    }
    expect(await get('/dashboard')).toEqual(before);
  });
});

describe('dashboard stream: the figures live over server-sent events', () => {
  let t: TestApp;
  let x: DashboardScene;
  let base: string;
  const opened: SseClient[] = [];
  const stream = async (who: string, communityId = x.a) => {
    const client = await openSse(`${base}/api/communities/${communityId}/dashboard/stream`, x.s[who]?.cookie);
    opened.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp();
    x = await dashboardScene(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of opened) c.close();
    await t?.close();
  });

  it('is for those who may read the dashboard, refused in JSON before any stream', async () => {
    expect((await stream('resident')).status).toBe(403);
    expect((await stream('b-coordinator')).status).toBe(404);
    expect((await stream('nobody')).status).toBe(401);
    const viewer = await stream('viewer');
    expect([viewer.status, viewer.contentType]).toEqual([200, 'text/event-stream; charset=utf-8']);
    const first = await viewer.waitFor((e) => e.type === 'dashboard', 2_000);
    expect(first.data.communityId).toBe(x.a);
  });

  it('sends the figures at once, and a parcel scanned reaches every open dashboard within 2 s', async () => {
    const watchers = [await stream('coordinator'), await stream('staff')];
    const firsts = await Promise.all(watchers.map((w) => w.waitFor((e) => e.type === 'dashboard', 2_000)));
    const before = firsts[0]!.data.parcels.receivedToday as number;
    expect(firsts[1]!.data).toEqual(firsts[0]!.data);
    const scanned = Date.now();
    await ok(t, x.s.rider!, 'POST', x.url('/parcels'), { batch: { buildingId: x.building['3'], count: 2 } });
    for (const w of watchers) {
      const next = await w.waitFor(
        (e) => e.type === 'dashboard' && e.data.parcels.receivedToday === before + 2,
        2_000,
      );
      expect(next.data.parcels.waiting).toBeGreaterThanOrEqual(2);
    }
    expect(Date.now() - scanned).toBeLessThan(2_000);
    // only dashboards: the community's raw live events are not passed on
    expect(watchers[0]!.events.every((e) => e.type === 'dashboard')).toBe(true);
  });
});
