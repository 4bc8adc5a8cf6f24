import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import {
  insertLaneSwitch,
  insertQueueCounts,
  insertTubeSamples,
  setRoundTimes,
} from './report.test-support.ts';
import { seedTestingSite } from './testing-rounds.test-support.ts';

// Times are UTC; the community's clock (Asia/Shanghai) is 8 hours ahead.
describe('round report and its xlsx', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let s: Record<string, Session>;
  let roundId: string;
  let earlierId: string;
  let laterId: string;
  const create = async (title: string, day: string, startTime: string) => {
    const res = await call(t.app, s.coordinator!, 'POST', site.url('/testing-rounds'), {
      title,
      day,
      startTime,
      lanes: 2,
      gates: [
        { gateId: site.gates.east, lanes: 1, crowdLimit: 60 },
        { gateId: site.gates.west, lanes: 1, crowdLimit: 40 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const report = (who: Session, id = roundId, suffix = 'report') =>
    call(t.app, who, 'GET', site.url(`/testing-rounds/${id}/${suffix}`));

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    s = site.s;
    const p = site.people;
    const { a } = site;
    const { east, west } = site.gates;

    // an earlier round: started 09:00, finished 09:30 Shanghai, two residents at lane 1
    earlierId = await create('第一轮', '2026-04-09', '09:00');
    await setRoundTimes(t.deps.db, a, earlierId, {
      startedAt: new Date('2026-04-09T01:00:00Z'),
      finishedAt: new Date('2026-04-09T01:30:00Z'),
    });
    const earlier = { communityId: a, roundId: earlierId, gateId: east, lane: 1 };
    await insertTubeSamples(
      t.deps.db,
      earlier,
      [
        [p['张伟']!, '01:05:00'],
        [p['李芳']!, '01:10:00'],
      ],
      '2026-04-09',
    );

    // the reported round: no started/finished times, so its span is first → last sample (00:00:30 → 00:10:30)
    roundId = await create('第二轮', '2026-04-10', '08:00');
    const lane = (gateId: string, n: number) => ({ communityId: a, roundId, gateId, lane: n });
    await insertTubeSamples(t.deps.db, lane(east, 1), [
      [p['张伟']!, '00:00:30'],
      [p['李芳']!, '00:01:10'],
      [p['王强']!, '00:05:00'],
    ]);
    await insertTubeSamples(t.deps.db, lane(west, 2), [
      [p['钱军']!, '00:02:00'],
      [p['孙丽']!, '00:10:30'],
    ]);
    await insertTubeSamples(t.deps.db, { communityId: a, roundId, gateId: null, lane: null }, [
      [p['赵奶奶']!, '00:07:00'],
    ]);
    await insertQueueCounts(t.deps.db, a, roundId, east, [
      [10, '00:01:00'],
      [25, '00:03:00'],
      [25, '00:04:00'],
      [5, '00:08:00'],
    ]);
    await insertQueueCounts(t.deps.db, a, roundId, west, [[45, '00:02:00']]);
    await insertLaneSwitch(t.deps.db, a, roundId, { from: east, to: west, lanes: 1, hhmmss: '00:06:00' });

    // a later round is not "earlier"
    laterId = await create('第三轮', '2026-04-11', '08:00');
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const doc = JSON.stringify(
      (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths,
    );
    for (const id of ['getRoundReport', 'exportRoundReport']) expect(doc).toContain(`"operationId":"${id}"`);
    expect(doc).toContain('in which it recorded no sample');
  });

  it('reports the figures of a round as computed by hand', async () => {
    const res = await report(s.testingLeader!);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.round).toMatchObject({
      title: '第二轮',
      start: '2026-04-10T00:00:30.000Z',
      end: '2026-04-10T00:10:30.000Z',
      durationMinutes: 10,
      tested: 6,
      lanes: 2,
      // 5 lane samples ÷ (2 lanes × 1/6 hour)
      perLaneHour: 15,
    });
    expect(body.tested).toEqual({ lane: 5, home: 1, total: 6 });
    // ten minutes from 00:00:30: lane 1 samples in minutes 0, 0 and 4; lane 2 in minute 1 and, at the
    // very end, minute 9. Each is busy in two minutes, idle in eight.
    expect(body.lanes).toEqual([
      {
        lane: 1,
        gates: [{ gateId: site.gates.east, name: '东门', samples: 3 }],
        samples: 3,
        perHour: 18,
        hourly: [3],
        idleMinutes: 8,
      },
      {
        lane: 2,
        gates: [{ gateId: site.gates.west, name: '西门', samples: 2 }],
        samples: 2,
        perHour: 12,
        hourly: [2],
        idleMinutes: 8,
      },
    ]);
    expect(body.idleLaneMinutes).toBe(16);
    expect(body.queues).toEqual([
      { gateId: site.gates.east, name: '东门', crowdLimit: 60, longest: 25, at: '2026-04-10T00:03:00.000Z' },
      { gateId: site.gates.west, name: '西门', crowdLimit: 40, longest: 45, at: '2026-04-10T00:02:00.000Z' },
    ]);
    expect(body.switches).toEqual([{ at: '2026-04-10T00:06:00.000Z', from: '东门', to: '西门', lanes: 1 }]);
    // started_at / finished_at win over the samples; 2 lane samples ÷ (2 lanes × ½ hour)
    expect(body.earlier).toEqual([
      expect.objectContaining({
        roundId: earlierId,
        start: '2026-04-09T01:00:00.000Z',
        end: '2026-04-09T01:30:00.000Z',
        durationMinutes: 30,
        tested: 2,
        perLaneHour: 2,
      }),
    ]);
  });

  it('exports the same figures as an xlsx workbook, a sheet per part, on the community’s clock', async () => {
    const res = await report(s.coordinator!, roundId, 'report.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('testing-round-2026-04-10.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '通道',
      '每小时',
      '排队',
      '调道',
      '历次对比',
    ]);
    const rows = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('概况')).toEqual(
      expect.arrayContaining([
        ['开始', '2026-04-10 08:00'],
        ['结束', '2026-04-10 08:10'],
        ['用时（分钟）', 10],
        ['已采样', 6],
        ['上门采样', 1],
        ['每通道每小时', 15],
        ['空闲通道分钟', 16],
      ]),
    );
    expect(rows('通道').slice(1)).toEqual([
      [1, '东门 3', 3, 18, 8],
      [2, '西门 2', 2, 12, 8],
    ]);
    expect(rows('每小时')).toEqual([
      ['通道', '第1小时'],
      [1, 3],
      [2, 2],
    ]);
    expect(rows('排队').slice(1)).toEqual([
      ['东门', 60, 25, '2026-04-10 08:03'],
      ['西门', 40, 45, '2026-04-10 08:02'],
    ]);
    expect(rows('调道').slice(1)).toEqual([['2026-04-10 08:06', '东门', '西门', 1]]);
    expect(rows('历次对比').slice(1)).toEqual([
      ['第二轮', '2026-04-10 08:00', 10, 6, 2, 15],
      ['第一轮', '2026-04-09 09:00', 30, 2, 2, 2],
    ]);
    const en = await call(
      t.app,
      s.coordinator!,
      'GET',
      site.url(`/testing-rounds/${roundId}/report.xlsx`),
      undefined,
      {
        'accept-language': 'en',
      },
    );
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(enBook.worksheets[0]!.name).toBe('Summary');
  });

  it('counts a lane that recorded nothing as idle all round, and answers a round without samples', async () => {
    const first = (await report(s.staff!, earlierId)).json();
    expect(first.earlier).toEqual([]);
    // 30 minutes from 01:00; lane 1 sampled in minutes 5 and 10
    expect(first.lanes.map((l: { idleMinutes: number }) => l.idleMinutes)).toEqual([28, 30]);
    const later = await report(s.staff!, laterId);
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json().round).toMatchObject({
      start: null,
      end: null,
      durationMinutes: null,
      perLaneHour: null,
    });
    expect(later.json().idleLaneMinutes).toBe(0);
    expect(later.json().earlier.map((e: { title: string }) => e.title)).toEqual(['第二轮', '第一轮']);
  });

  it('keeps the report to the community’s managers and the testing group’s leaders', async () => {
    for (const [who, status] of [
      ['testingVolunteer', 403],
      ['parcelsLeader', 403],
      ['resident', 403],
      ['b-coordinator', 404],
    ] as const) {
      const res = await report(s[who]!);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
    }
    // another community's coordinator asking under their own community finds no such round
    const other = await call(
      t.app,
      s['b-coordinator']!,
      'GET',
      `/api/communities/${site.b}/testing-rounds/${roundId}/report`,
    );
    expect(other.statusCode, other.body).toBe(404);
    const xlsx = await call(
      t.app,
      s.testingVolunteer!,
      'GET',
      site.url(`/testing-rounds/${roundId}/report.xlsx`),
    );
    expect(xlsx.statusCode).toBe(403);
  });
});
