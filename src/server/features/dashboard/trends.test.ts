import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../domain/shifts/zoned-time.ts';
import type { TTrends } from '../../../shared/api/dashboard.ts';
import { HISTORY_DAYS, seedParcelHistory } from '../../seed/seed-trends.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import {
  type CommitteeScene,
  clockTo,
  committeeScene,
  seedKnownWeek,
  url,
  WEEK_LAST_MINUTE,
} from '../committee/committee.test-support.ts';
import { undeliveredAt } from '../parcels/clearance.repository.ts';
import { boundsOf } from '../parcels/parcel-days.service.ts';

// "Values per day match the features": the committee's known week (Mon 2026-04-06 … Sun 04-12,
// Shanghai, with some of everything the week before) read through the trends, and every value checked
// against the feature's own endpoint on the same data and against the count the data was built for.
describe("dashboard trends: each day's values are the features' own", () => {
  let t: TestApp;
  let x: CommitteeScene;
  let trends: TTrends;
  const endpoint = {} as Record<string, any>;
  const get = async (path: string) => {
    const res = await call(t.app, x.s.coordinator!, 'GET', url(x.a, path));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const valueOn = (series: { day: string; value: number | null }[], day: string) =>
    series.find((d) => d.day === day)?.value;
  const nonZero = (series: { day: string; value: number | null }[]) =>
    Object.fromEntries(series.filter((d) => d.value).map((d) => [d.day, d.value]));
  const TO = '2026-04-12';
  const FROM = addDays(TO, -29);

  beforeAll(async () => {
    t = await createTestApp();
    x = await committeeScene(t);
    await seedKnownWeek(t, x);
    clockTo(t, WEEK_LAST_MINUTE);
    trends = await get('/dashboard/trends');
    endpoint.days = await get(`/parcel-days?from=${FROM}&to=${TO}`);
    endpoint.board = await get('/parcel-board');
    endpoint.groups = await get('/groups');
    endpoint.rounds = await get('/testing-rounds');
    endpoint.medicine = await get('/medicine-requests?status=all');
    endpoint.openMedicine = await get('/medicine-requests?status=open');
  });
  afterAll(async () => t?.close());

  it("covers the last 30 days up to today on the compound's clock, oldest first", () => {
    expect(trends.days).toEqual(daysBetween(FROM, TO));
    for (const series of [trends.parcels.received, trends.volunteerHours, trends.medicine.requests]) {
      expect(series.map((d) => d.day)).toEqual(trends.days);
    }
  });

  it('parcels: received and cleared as the clearance history says, waiting as it stood at each day end', async () => {
    for (const d of endpoint.days.days) {
      expect([
        d.day,
        valueOn(trends.parcels.received, d.day),
        valueOn(trends.parcels.cleared, d.day),
      ]).toEqual([d.day, d.received, d.delivered]);
    }
    for (const day of trends.days.slice(0, -1)) {
      const end = boundsOf(day, day, 'Asia/Shanghai').end;
      expect([day, valueOn(trends.parcels.waitingAtEnd, day)]).toEqual([
        day,
        await undeliveredAt(t.deps.db, x.a, end),
      ]);
    }
    // today: what the board shows waiting now (at the gate or on a run)
    expect(valueOn(trends.parcels.waitingAtEnd, TO)).toBe(
      endpoint.board.compound.waiting + endpoint.board.compound.onRun,
    );
    // built as: 2 in on 04-03 (one reached its building that day, one on 04-06), 6 in on 04-09 (one
    // reached its building that day, one on 04-11, one is on a run)
    expect(nonZero(trends.parcels.received)).toEqual({ '2026-04-03': 2, '2026-04-09': 6 });
    expect(nonZero(trends.parcels.cleared)).toEqual({
      '2026-04-03': 1,
      '2026-04-06': 1,
      '2026-04-09': 1,
      '2026-04-11': 1,
    });
    expect(nonZero(trends.parcels.waitingAtEnd)).toEqual({
      '2026-04-03': 1,
      '2026-04-04': 1,
      '2026-04-05': 1,
      '2026-04-09': 5,
      '2026-04-10': 5,
      '2026-04-11': 4,
      '2026-04-12': 4,
    });
  });

  it("volunteer hours: the groups page's hours, by the day each shift started", () => {
    const total = endpoint.groups.items.reduce((n: number, g: any) => n + g.record.hours, 0);
    expect(trends.volunteerHours.reduce((n, d) => n + d.value, 0)).toBeCloseTo(total, 5);
    // parcels on Thursday: 3 h + 2.5 h (checked in, never out: to the shift's end); testing on Saturday: 2 h
    expect(nonZero(trends.volunteerHours)).toEqual({ '2026-04-09': 5.5, '2026-04-11': 2 });
  });

  it("testing: the rounds that ran, with the round report's duration and tested", async () => {
    const ran = endpoint.rounds.items.filter((r: any) => ['running', 'finished'].includes(r.status));
    expect(trends.testingRounds.map((r) => r.roundId)).toEqual(
      [...ran].sort((a: any, b: any) => a.startsAt.localeCompare(b.startsAt)).map((r: any) => r.id),
    );
    for (const r of trends.testingRounds) {
      const report = await get(`/testing-rounds/${r.roundId}/report`);
      const listed = ran.find((l: any) => l.id === r.roundId);
      expect([r.title, r.day, r.durationMinutes, r.tested]).toEqual([
        listed.title,
        listed.day,
        report.round.durationMinutes,
        report.round.tested,
      ]);
    }
    expect(trends.testingRounds.map((r) => [r.title, r.day, r.tested])).toEqual([
      ['第2轮核酸', '2026-04-02', 5],
      ['第3轮核酸', '2026-04-09', 3],
    ]);
  });

  it("medicine: the queue's requests by the day made and the day handed over, with the median wait", async () => {
    const dayOf = (iso: string) =>
      new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const made = new Map<string, number>();
    const handed = new Map<string, number[]>();
    for (const r of endpoint.medicine.requests) {
      made.set(dayOf(r.createdAt), (made.get(dayOf(r.createdAt)) ?? 0) + 1);
      const detail = await get(`/medicine-requests/${r.id}`);
      if (!detail.deliveredAt) continue;
      const hours = (Date.parse(detail.deliveredAt) - Date.parse(r.createdAt)) / 3_600_000;
      handed.set(dayOf(detail.deliveredAt), [...(handed.get(dayOf(detail.deliveredAt)) ?? []), hours]);
    }
    expect(nonZero(trends.medicine.requests)).toEqual(Object.fromEntries(made));
    expect(nonZero(trends.medicine.delivered)).toEqual(
      Object.fromEntries([...handed].map(([day, hours]) => [day, hours.length])),
    );
    expect(nonZero(trends.medicine.requests)).toEqual({
      '2026-04-01': 1,
      '2026-04-07': 1,
      '2026-04-08': 2,
      '2026-04-10': 1,
      '2026-04-11': 1,
    });
    // handed over: asked 04-01 10:00, given 04-06 13:00 (123 h); 8 h on 04-07; 28 h on 04-09
    expect(nonZero(trends.medicine.medianHoursToDelivery)).toEqual({
      '2026-04-06': 123,
      '2026-04-07': 8,
      '2026-04-09': 28,
    });
    // no handover: a gap, not a zero
    expect(valueOn(trends.medicine.medianHoursToDelivery, '2026-04-08')).toBeNull();
  });

  it("buildings: the board's parcels, the last round's untested and the queue's open requests", async () => {
    const last = endpoint.rounds.items.find((r: any) => r.title === '第3轮核酸');
    const coverage = await get(`/testing-rounds/${last.id}/coverage`);
    for (const b of trends.buildings) {
      const bin = endpoint.board.buildings.find((x: any) => x.buildingId === b.buildingId);
      const covered = coverage.buildings.find((c: any) => c.buildingId === b.buildingId);
      const open = endpoint.openMedicine.requests.filter((r: any) => r.recipient.buildingCode === b.code);
      expect([b.code, b.waitingParcels, b.untested, b.openMedicine]).toEqual([
        b.code,
        bin.waiting + bin.onRun,
        covered ? covered.expected - covered.tested : 0,
        open.length,
      ]);
    }
    const b12 = trends.buildings.find((b) => b.code === '12')!;
    expect(b12).toMatchObject({ x: 120, y: 40, waitingParcels: 4 });
    expect(trends.buildings.map((b) => b.code)).toEqual(['2', '12']);
    expect(trends.buildings.reduce((n, b) => n + b.untested, 0)).toBe(
      coverage.overall.expected - coverage.overall.tested,
    );
  });
});

describe('dashboard trends: who may see them, and the demo history', () => {
  let t: TestApp;
  let x: CommitteeScene;
  const dayValue = (series: { day: string; value: number | null }[], day: string) =>
    series.find((d) => d.day === day)?.value ?? 0;
  beforeAll(async () => {
    t = await createTestApp();
    x = await committeeScene(t);
  });
  afterAll(async () => t?.close());

  it('coordinators, staff and viewers read them; other members 403; another compound 404', async () => {
    const path = url(x.a, '/dashboard/trends?days=7');
    for (const who of ['coordinator', 'staff', 'viewer']) {
      const res = await call(t.app, x.s[who]!, 'GET', path);
      expect([who, res.statusCode]).toEqual([who, 200]);
      expect(res.json().days).toHaveLength(7);
    }
    for (const who of ['leader', 'volunteer', 'resident']) {
      const res = await call(t.app, x.s[who]!, 'GET', path);
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await call(t.app, x.s['b-coordinator']!, 'GET', path)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(401);
  });

  it("draws the demo's fortnight of parcels: about 2,000 a day, all picked up since, a few left overnight", async () => {
    const buildingIds = [x.registry.b2.id, x.registry.b12.id];
    await seedParcelHistory(t.deps.db, {
      communityId: x.a,
      buildingIds,
      timeZone: 'Asia/Shanghai',
      now: t.clock.now(),
    });
    const res = await call(t.app, x.s.coordinator!, 'GET', url(x.a, '/dashboard/trends?days=14'));
    const trends: TTrends = res.json();
    const past = trends.days.slice(0, -1);
    expect(past).toHaveLength(HISTORY_DAYS);
    for (const day of past) {
      const received = dayValue(trends.parcels.received, day);
      expect(received).toBeGreaterThan(1_400);
      expect(received).toBeLessThan(2_400);
      // overnight at the gate: a handful, never most of the day
      expect(dayValue(trends.parcels.waitingAtEnd, day)).toBeLessThan(received * 0.1);
    }
    // nothing of it waits today
    expect(dayValue(trends.parcels.waitingAtEnd, trends.days.at(-1)!)).toBe(0);
    expect(trends.buildings.every((b) => b.waitingParcels === 0)).toBe(true);
  });

  it('asks for 7 to 90 days', async () => {
    for (const days of [6, 91, 'x']) {
      const res = await call(t.app, x.s.coordinator!, 'GET', url(x.a, `/dashboard/trends?days=${days}`));
      expect([days, res.statusCode]).toEqual([days, 400]);
    }
  });
});
