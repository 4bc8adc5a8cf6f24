import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDailyReport, TDashboard } from '../../../shared/api/dashboard.ts';
import { dailyReports } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { clockTo, url } from '../committee/committee.test-support.ts';
import { dashboardFigures } from '../dashboard/dashboard-figures.ts';
import { REPORT_AT, REPORT_DAY, type StreetScene, streetScene } from '../street/street.test-support.ts';
import { makeDueDailyReports } from './daily-report-schedule.ts';

const MINUTE = 60_000;

describe('daily reports: made once at the report time, the dashboard’s figures, events and problems', () => {
  let t: TestApp;
  let second: TestApp;
  let x: StreetScene;
  let figuresWhenMade: TDashboard;
  const reportsOf = (communityId: string) =>
    t.deps.db.select().from(dailyReports).where(eq(dailyReports.communityId, communityId));
  const get = async (path: string, who = 'coordinator', language = 'zh-CN') => {
    const res = await call(t.app, x.s[who]!, 'GET', url(x.a, path), undefined, {
      'accept-language': language,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    // A second server process on the same database, with its own clock set alike.
    second = await createTestApp({}, t.database);
    x = await streetScene(t);
    t.clock.advance(-MINUTE);
    second.clock.advance(REPORT_AT.getTime() - MINUTE - second.clock.now().getTime());
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('nothing before the report time; at it, one report per compound, however often and wherever the task runs', async () => {
    expect(await makeDueDailyReports(t.deps)).toBe(0);
    t.clock.advance(MINUTE);
    second.clock.advance(MINUTE);
    const made = await Promise.all([makeDueDailyReports(t.deps), makeDueDailyReports(second.deps)]);
    // A, B and C all report at 21:00 Shanghai; each once, by whichever process got there first.
    expect(made[0] + made[1]).toBe(3);
    // The dashboard at the same instant on the same data (before any other task changes it).
    figuresWhenMade = await dashboardFigures(t.deps.db, x.a, REPORT_AT);
    t.clock.advance(MINUTE);
    await runBackgroundTasksOnce(t.deps);
    expect(await makeDueDailyReports(second.deps)).toBe(0);
    const rows = await reportsOf(x.a);
    expect(rows.map((r) => [r.day, r.trigger, r.generatedAt.toISOString()])).toEqual([
      [REPORT_DAY, 'scheduled', REPORT_AT.toISOString()],
    ]);
  });

  it('its figures are dashboardFigures at the time it was made', async () => {
    const report: TDailyReport = await get(`/daily-reports/${REPORT_DAY}`);
    expect(report.generatedAt).toBe(REPORT_AT.toISOString());
    expect(report.figures).toEqual(figuresWhenMade);
    expect(report.figures.parcels.waiting).toBe(4);
  });

  it('lists the day’s events in time order and the open problems, in the reader’s language', async () => {
    const zh: TDailyReport = await get(`/daily-reports/${REPORT_DAY}`);
    expect(zh.events.map((e) => e.kind)).toEqual([
      'announcement.published',
      'testing.round_started',
      'groupBuy.arrived',
      'shift.cancelled_reason',
    ]);
    expect(zh.events[3]!.text).toMatch(/^班次“.+”取消（暴雨），通知了 0 位志愿者$/);
    expect(zh.events.slice(0, 3).map((e) => e.text)).toEqual([
      '发布通知“周六核酸通知”',
      '核酸检测“第5轮核酸”开始',
      '团购“大米”到货',
    ]);
    expect(zh.problems.map((p) => p.kind)).toEqual([
      'medicine.overdue',
      'parcels.waiting_long',
      'parcels.uncollected',
      'relays.unconfirmed',
      'disinfection.overdue',
    ]);
    expect(zh.problems.map((p) => p.text)).toContain('2 条转达楼组长未确认：2、12号楼');
    const en: TDailyReport = await get(`/daily-reports/${REPORT_DAY}`, 'viewer', 'en');
    expect(en.problems.find((p) => p.kind === 'parcels.waiting_long')!.text).toBe(
      '4 parcels received over 4 h ago are not at their building yet, the oldest since Thu, Apr 9, 08:00',
    );
    expect(en.problems.find((p) => p.kind === 'disinfection.overdue')!.text).toBe(
      '2 disinfection rounds overdue: 12号楼大堂',
    );
    expect(en.events[0]!.link).toMatch(/^\/announcements\//);
  });

  it('exports the report as xlsx that reads back', async () => {
    const res = await call(
      t.app,
      x.s.viewer!,
      'GET',
      url(x.a, `/daily-reports/${REPORT_DAY}.xlsx`),
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Figures', 'Events', 'Open problems']);
    const figures = book.getWorksheet('Figures')!;
    const rows = figures.getSheetValues().slice(2) as unknown[][];
    const cellOf = (label: string) => rows.find((r) => r?.[2] === label)?.[3];
    expect(cellOf('Not yet delivered')).toBe(4);
    expect(cellOf('Coverage')).toBe('40%');
    expect(book.getWorksheet('Events')!.getRow(2).getCell(2).value).toBe(
      'Announcement “周六核酸通知” published',
    );
    expect(book.getWorksheet('Open problems')!.rowCount).toBe(6);
  });

  it('on demand replaces today’s; the schedule leaves a report made after the report time alone', async () => {
    t.clock.advance(30 * MINUTE);
    const made = await call(t.app, x.s.staff!, 'POST', url(x.a, `/daily-reports/${REPORT_DAY}`));
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ trigger: 'on_demand', generatedAt: t.clock.now().toISOString() });
    expect(await makeDueDailyReports(t.deps)).toBe(0);
    expect((await reportsOf(x.a)).map((r) => r.trigger)).toEqual(['on_demand']);
    const audit = await call(t.app, x.s.coordinator!, 'GET', url(x.a, '/audit?action=daily_report.make'));
    expect(audit.json().items).toHaveLength(1);
  });

  it('a morning report on demand is superseded by the evening’s scheduled one', async () => {
    clockTo(t, new Date('2026-04-12T02:00:00Z'));
    const morning = await call(t.app, x.s.coordinator!, 'POST', url(x.a, '/daily-reports/2026-04-12'));
    expect(morning.json().trigger).toBe('on_demand');
    clockTo(t, new Date('2026-04-12T13:00:00Z'));
    expect(await makeDueDailyReports(t.deps)).toBe(3);
    const history = await get('/daily-reports');
    expect(history.reports.map((r: { day: string; trigger: string }) => [r.day, r.trigger])).toEqual([
      ['2026-04-12', 'scheduled'],
      [REPORT_DAY, 'on_demand'],
    ]);
  });

  it('only today’s can be made now; viewers read but cannot make; other compounds’ are 404', async () => {
    const past = await call(t.app, x.s.coordinator!, 'POST', url(x.a, `/daily-reports/${REPORT_DAY}`));
    expect([past.statusCode, past.json().error.code]).toEqual([409, 'REPORT_DAY_NOT_TODAY']);
    for (const who of ['viewer', 'leader', 'resident']) {
      const res = await call(t.app, x.s[who]!, 'POST', url(x.a, '/daily-reports/2026-04-12'));
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
    for (const who of ['volunteer', 'resident']) {
      const res = await call(t.app, x.s[who]!, 'GET', url(x.a, `/daily-reports/${REPORT_DAY}`));
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
    // The viewer is granted A and B, not C: C's report does not exist for them.
    const notGranted = await call(t.app, x.s.viewer!, 'GET', url(x.c, `/daily-reports/${REPORT_DAY}`));
    expect(notGranted.statusCode).toBe(404);
    const granted = await call(t.app, x.s.viewer!, 'GET', url(x.b, `/daily-reports/${REPORT_DAY}`));
    expect(granted.statusCode).toBe(200);
    const missing = await call(t.app, x.s.viewer!, 'GET', url(x.a, '/daily-reports/2026-03-01'));
    expect(missing.statusCode).toBe(404);
    const rows = await t.deps.db
      .select()
      .from(dailyReports)
      .where(and(eq(dailyReports.communityId, x.c), eq(dailyReports.day, REPORT_DAY)));
    expect(rows).toHaveLength(1);
  });
});
