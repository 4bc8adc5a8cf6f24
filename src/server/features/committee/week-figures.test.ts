import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TWeekFigures } from '../../../shared/api/committee.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { addShift, setParcelState } from '../parcels/clearance.test-support.ts';
import {
  type CommitteeScene,
  clockTo,
  committeeScene,
  MEETING_AT,
  seedKnownWeek,
  url,
  WEEK,
  WEEK_LAST_MINUTE,
} from './committee.test-support.ts';

// "The agenda figures match the features' own numbers": every figure of the meeting is checked against
// what the feature's own endpoint answers on the same data (and against the count the data was built for).
describe("committee: the week's figures are the features' own numbers", () => {
  let t: TestApp;
  let x: CommitteeScene;
  let known: Awaited<ReturnType<typeof seedKnownWeek>>;
  let figures: TWeekFigures;
  let agenda: string;
  /** the features' answers, taken at the end of the week */
  const endpoint = {} as Record<string, any>;
  const get = async (path: string) => {
    const res = await call(t.app, x.s.coordinator!, 'GET', url(x.a, path));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const inWeek = (iso: string) => iso >= '2026-04-05T16:00:00.000Z' && iso < '2026-04-12T16:00:00.000Z';

  beforeAll(async () => {
    t = await createTestApp();
    x = await committeeScene(t);
    known = await seedKnownWeek(t, x);
    clockTo(t, WEEK_LAST_MINUTE);
    endpoint.days = await get(`/parcel-days?from=${WEEK.start}&to=${WEEK.end}`);
    endpoint.board = await get(`/parcel-board?day=${WEEK.end}`);
    endpoint.groups = await get('/groups');
    // After the week: a parcel reaches its building on Monday morning, a shift is worked then.
    await setParcelState(t.deps.db, x.a, [known.parcels.week[5]!], {
      status: 'delivered',
      deliveredAt: '2026-04-13T01:00:00Z',
    });
    await addShift(t.deps.db, x.a, x.groupId('parcels'), '2026-04-13T01:00:00Z', '2026-04-13T03:00:00Z', [
      {
        volunteerId: known.crew[0]!.volunteerId,
        checkedInAt: '2026-04-13T01:00:00Z',
        checkedOutAt: '2026-04-13T03:00:00Z',
      },
    ]);
    clockTo(t, MEETING_AT);
    endpoint.rounds = await get('/testing-rounds');
    endpoint.medicine = await get('/medicine-requests?status=all');
    endpoint.groupBuys = await get('/group-buys?state=all');
    const res = await call(t.app, x.s.coordinator!, 'POST', url(x.a, '/committee/meetings'), {
      title: '第5次支委会',
      heldAt: MEETING_AT.toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ figures, agenda } = res.json());
  });
  afterAll(async () => t?.close());

  it('covers the week before the meeting, Monday to Sunday on the compound clock', () => {
    expect(figures.weekStart).toBe(WEEK.start);
    expect(figures.weekEnd).toBe(WEEK.end);
    expect(figures.timeZone).toBe('Asia/Shanghai');
    expect(figures.takenAt).toBe(MEETING_AT.toISOString());
  });

  it('parcels: the clearance history summed over the week, and what the board showed waiting at its end', () => {
    const sum = (key: string) => endpoint.days.days.reduce((n: number, d: any) => n + d[key], 0);
    expect(figures.parcels).toEqual({
      received: sum('received'),
      delivered: sum('delivered'),
      pickedUp: sum('pickedUp'),
      waitingAtWeekEnd: endpoint.board.compound.waiting + endpoint.board.compound.onRun,
    });
    // built as: 6 received; 2 of them and 1 of the week before reached their building; 1 picked up; 4 left
    expect(figures.parcels).toEqual({ received: 6, delivered: 3, pickedUp: 1, waitingAtWeekEnd: 4 });
  });

  it("testing: the round list's rounds that started in the week, with their tested and expected", () => {
    const listed = endpoint.rounds.items.filter((r: any) => inWeek(r.startsAt));
    expect(figures.testing.rounds.map((r) => r.roundId).sort()).toEqual(listed.map((r: any) => r.id).sort());
    for (const r of figures.testing.rounds) {
      const own = listed.find((l: any) => l.id === r.roundId);
      expect([r.tested, r.expected, r.status, r.day]).toEqual([
        own.figures.tested,
        own.figures.expected,
        own.status,
        own.day,
      ]);
    }
    const ran = listed.filter((r: any) => ['running', 'finished'].includes(r.status));
    expect(figures.testing.roundsRun).toBe(ran.length);
    expect(figures.testing.samples).toBe(listed.reduce((n: number, r: any) => n + r.figures.tested, 0));
    expect([figures.testing.roundsRun, figures.testing.samples, figures.testing.rounds.length]).toEqual([
      1, 3, 2,
    ]);
  });

  it("medicine: the queue's rows made in the week by urgency and deadline state, and the handovers", async () => {
    const rows = endpoint.medicine.requests;
    const made = rows.filter((r: any) => inWeek(r.createdAt));
    const count = (u: string) => made.filter((r: any) => r.urgency === u).length;
    expect(figures.medicine.requested).toEqual({
      critical: count('critical'),
      high: count('high'),
      normal: count('normal'),
    });
    expect(figures.medicine.overdue).toBe(
      made.filter((r: any) => r.deadlineState === 'overdue' && r.status !== 'cancelled').length,
    );
    let handedOver = 0;
    for (const r of rows) {
      const detail = await get(`/medicine-requests/${r.id}`);
      if (detail.deliveredAt && inWeek(detail.deliveredAt)) handedOver++;
    }
    expect(figures.medicine.delivered).toBe(handedOver);
    expect(figures.medicine).toEqual({
      requested: { critical: 1, high: 1, normal: 3 },
      delivered: 3,
      overdue: 2,
    });
  });

  it("group buys: the list's campaigns of the week, their status and households", () => {
    const own = new Map(endpoint.groupBuys.groupBuys.map((g: any) => [g.id, g]));
    expect(figures.groupBuys.campaigns.map((c) => c.groupBuyId).sort()).toEqual(
      [...known.groupBuyIds.inWeek].sort(),
    );
    for (const c of figures.groupBuys.campaigns) {
      const g = own.get(c.groupBuyId) as any;
      expect([c.status, c.households, c.title]).toEqual([g.status, g.households, g.title]);
    }
    expect(figures.groupBuys.orders).toBe(figures.groupBuys.campaigns.reduce((n, c) => n + c.households, 0));
    expect(figures.groupBuys).toMatchObject({ opened: 3, allocated: 1, failed: 1, orders: 4 });
  });

  it("volunteers: the groups page's records, counting only the shifts that started in the week", () => {
    for (const g of endpoint.groups.items) {
      const mine = figures.volunteers.groups.find((x) => x.groupId === g.id)!;
      expect({ shiftsDone: mine.shiftsDone, hours: mine.hours, noShows: mine.noShows }).toEqual(g.record);
    }
    const parcels = figures.volunteers.groups.find((g) => g.key === 'parcels')!;
    expect(parcels).toMatchObject({ shiftsDone: 2, hours: 5.5, noShows: 1 });
    expect(figures.volunteers).toMatchObject({ shiftsDone: 3, hours: 7.5, noShows: 1 });
  });

  it('drafts the agenda from the figures, as lines the secretary edits', () => {
    const lines = agenda.split('\n');
    expect(lines[0]).toBe('一、上周各组工作数据（4月6日至4月12日）');
    expect(lines[1]).toBe('1. 快递：收件 6 件，送到楼 3 件，居民取件 1 件；周末仍待送 4 件。');
    expect(lines[2]).toContain('检测 1 轮，采样 3 人次');
    expect(lines[3]).toBe('3. 配药：新需求 5 条（危急 1、较急 1、普通 3），送达 3 条，超时 2 条。');
    expect(lines[4]).toBe('4. 团购：开团 3 个，成团 1 个，未成团 1 个，订单 4 户。');
    expect(lines[5]).toContain('完成班次 3 人次，服务 7.5 小时，缺席 1 人次');
  });

  it('takes any week asked for: the week before holds the earlier round and parcels', async () => {
    const res = await call(t.app, x.s.staff!, 'POST', url(x.a, '/committee/meetings'), {
      title: '补记：第4次支委会',
      heldAt: MEETING_AT.toISOString(),
      week: '2026-04-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const earlier: TWeekFigures = res.json().figures;
    expect([earlier.weekStart, earlier.weekEnd]).toEqual(['2026-03-30', '2026-04-05']);
    expect(earlier.parcels).toEqual({ received: 2, delivered: 1, pickedUp: 0, waitingAtWeekEnd: 1 });
    expect([earlier.testing.roundsRun, earlier.testing.samples]).toEqual([1, 5]);
    expect(earlier.groupBuys.campaigns.map((c) => c.title)).toEqual(['食用油']);
    expect(earlier.medicine.requested).toEqual({ critical: 0, high: 0, normal: 1 });
  });
});
