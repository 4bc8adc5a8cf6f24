// exportRoundReport: the round report as an xlsx workbook, one sheet per part, times on the
// community's wall clock. The report holds no resident's name, so unlike the roster it is not audited.
import ExcelJS from 'exceljs';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TRoundReport } from '../../../shared/api/testing-report.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { getRoundReport } from './report.service.ts';
import { communityTimeZone } from './rounds.repository.ts';

const WORDS = {
  'zh-CN': {
    summary: '概况',
    lanes: '通道',
    hourly: '每小时',
    queues: '排队',
    switches: '调道',
    earlier: '历次对比',
    item: '项目',
    value: '数值',
    title: '轮次',
    start: '开始',
    end: '结束',
    duration: '用时（分钟）',
    tested: '已采样',
    atLanes: '通道采样',
    atHome: '上门采样',
    laneCount: '通道数',
    perLaneHour: '每通道每小时',
    idle: '空闲通道分钟',
    lane: '通道',
    gates: '大门',
    samples: '采样数',
    perHour: '每小时',
    idleMinutes: '空闲分钟',
    hour: '第{n}小时',
    gate: '大门',
    crowdLimit: '限流人数',
    longest: '最长排队',
    at: '时间',
    from: '从',
    to: '到',
    moved: '通道数',
    noLane: '未填通道',
  },
  en: {
    summary: 'Summary',
    lanes: 'Lanes',
    hourly: 'Hourly',
    queues: 'Queues',
    switches: 'Lane switches',
    earlier: 'Earlier rounds',
    item: 'Item',
    value: 'Value',
    title: 'Round',
    start: 'Start',
    end: 'End',
    duration: 'Duration (minutes)',
    tested: 'Tested',
    atLanes: 'At lanes',
    atHome: 'At home',
    laneCount: 'Lanes',
    perLaneHour: 'Per lane per hour',
    idle: 'Idle lane-minutes',
    lane: 'Lane',
    gates: 'Gates',
    samples: 'Samples',
    perHour: 'Per hour',
    idleMinutes: 'Idle minutes',
    hour: 'Hour {n}',
    gate: 'Gate',
    crowdLimit: 'Crowd limit',
    longest: 'Longest queue',
    at: 'At',
    from: 'From',
    to: 'To',
    moved: 'Lanes',
    noLane: 'no lane given',
  },
} as const;

/** Builds the workbook from a report (exported for tests and scripts). */
export async function reportWorkbook(report: TRoundReport, locale: Locale, timeZone: string) {
  const w = WORDS[locale];
  const time = (iso: string | null) => {
    if (!iso) return '';
    const local = wallClockAt(new Date(iso), timeZone);
    return `${local.day} ${local.time}`;
  };
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli';
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const s = book.addWorksheet(name);
    s.columns = headers.map((header, i) => ({ header, key: String(i), width: widths[i] ?? 12 }));
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const r = report.round;
  const summary = sheet(w.summary, [w.item, w.value], [20, 30]);
  summary.addRows([
    [w.title, r.title],
    [w.start, time(r.start)],
    [w.end, time(r.end)],
    [w.duration, r.durationMinutes ?? ''],
    [w.tested, report.tested.total],
    [w.atLanes, report.tested.lane],
    [w.atHome, report.tested.home],
    [w.laneCount, r.lanes],
    [w.perLaneHour, r.perLaneHour ?? ''],
    [w.idle, report.idleLaneMinutes],
    [w.switches, report.switches.length],
  ]);
  const laneName = (lane: number | null) => (lane === null ? w.noLane : lane);
  const lanes = sheet(w.lanes, [w.lane, w.gates, w.samples, w.perHour, w.idleMinutes], [10, 24, 10, 10, 12]);
  for (const l of report.lanes)
    lanes.addRow([
      laneName(l.lane),
      l.gates.map((g) => `${g.name} ${g.samples}`).join('、'),
      l.samples,
      l.perHour ?? '',
      l.idleMinutes,
    ]);
  const hours = report.lanes[0]?.hourly.length ?? 0;
  const hourly = sheet(
    w.hourly,
    [w.lane, ...Array.from({ length: hours }, (_, i) => w.hour.replace('{n}', String(i + 1)))],
    [10],
  );
  for (const l of report.lanes) hourly.addRow([laneName(l.lane), ...l.hourly]);
  const queues = sheet(w.queues, [w.gate, w.crowdLimit, w.longest, w.at], [12, 12, 12, 18]);
  for (const q of report.queues) queues.addRow([q.name, q.crowdLimit, q.longest, time(q.at)]);
  const switches = sheet(w.switches, [w.at, w.from, w.to, w.moved], [18, 12, 12, 10]);
  for (const s of report.switches) switches.addRow([time(s.at), s.from, s.to, s.lanes]);
  const earlier = sheet(
    w.earlier,
    [w.title, w.start, w.duration, w.tested, w.laneCount, w.perLaneHour],
    [24, 18, 14, 10, 10, 14],
  );
  for (const e of [r, ...report.earlier])
    earlier.addRow([
      e.title,
      time(e.start ?? e.startsAt),
      e.durationMinutes ?? '',
      e.tested,
      e.lanes,
      e.perLaneHour ?? '',
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportRoundReport(deps: AppDeps, actor: Actor, roundId: string, locale: Locale) {
  const report = await getRoundReport(deps, actor, roundId);
  const timeZone = await communityTimeZone(deps.db, actor.communityId!);
  return { file: await reportWorkbook(report, locale, timeZone), report };
}
