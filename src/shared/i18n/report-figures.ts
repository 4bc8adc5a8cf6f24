import type { TDashboard } from '../api/dashboard.ts';
import type { Locale } from '../roles.ts';

// The day report's figures as labelled rows, the same on the printable page and in the xlsx: one list
// of what is shown, one label per row in each language.

export type FigureFormat = 'count' | 'percent' | 'instant' | 'text' | 'minutes';

export interface FigureRow {
  section: ReportSection;
  key: string;
  value: number | string | null;
  format: FigureFormat;
}

export const REPORT_SECTIONS = [
  'people',
  'parcels',
  'testing',
  'medicine',
  'groupBuys',
  'disinfection',
  'relays',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The figures of a report in reading order; a part with nothing to say (no round yet) is left out. */
export function reportFigureRows(f: TDashboard): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (
    section: ReportSection,
    key: string,
    value: FigureRow['value'],
    format: FigureFormat = 'count',
  ) => rows.push({ section, key, value, format });
  add('people', 'staff', f.people.staff);
  add('people', 'coordinators', f.people.coordinators);
  add('people', 'volunteers', f.people.volunteers.approved);
  add('people', 'pendingVolunteers', f.people.volunteers.pending);
  add('people', 'onShiftNow', f.people.onShiftNow);
  add('parcels', 'receivedToday', f.parcels.receivedToday);
  add('parcels', 'deliveredToday', f.parcels.deliveredToday);
  add('parcels', 'pickedUpToday', f.parcels.pickedUpToday);
  add('parcels', 'waiting', f.parcels.waiting);
  add('parcels', 'oldestWaitingSince', f.parcels.oldestWaitingSince, 'instant');
  const current = f.testing.current;
  if (current) {
    add('testing', 'currentRound', current.title, 'text');
    add('testing', 'tested', current.tested);
    add('testing', 'expected', current.expected);
    add('testing', 'coverage', current.coverage, 'percent');
  }
  const last = f.testing.last;
  if (last) {
    add('testing', 'lastRound', last.title, 'text');
    add('testing', 'lastTested', last.tested);
    add('testing', 'lastCoverage', last.coverage, 'percent');
    add('testing', 'lastDuration', last.durationMinutes, 'minutes');
  }
  add('medicine', 'openCritical', f.medicine.open.critical);
  add('medicine', 'openHigh', f.medicine.open.high);
  add('medicine', 'openNormal', f.medicine.open.normal);
  add('medicine', 'overdue', f.medicine.overdue);
  add('groupBuys', 'open', f.groupBuys.open.length);
  add('groupBuys', 'inDistribution', f.groupBuys.inDistribution.length);
  add('disinfection', 'dueToday', f.disinfection.dueToday);
  add('disinfection', 'doneToday', f.disinfection.doneToday);
  add('disinfection', 'overdue', f.disinfection.overdue);
  add('relays', 'unconfirmed', f.relays.unconfirmed);
  add('relays', 'escalated', f.relays.escalated);
  return rows;
}

export const reportFigureLabels = {
  'zh-CN': {
    sections: {
      people: '人员',
      parcels: '快递',
      testing: '核酸检测',
      medicine: '配药',
      groupBuys: '团购',
      disinfection: '消杀',
      relays: '楼组长转达',
    },
    rows: {
      'people.staff': '居委干部和社工',
      'people.coordinators': '书记（协调人）',
      'people.volunteers': '志愿者',
      'people.pendingVolunteers': '待审核志愿者',
      'people.onShiftNow': '在岗志愿者',
      'parcels.receivedToday': '今日入库',
      'parcels.deliveredToday': '今日送到楼栋',
      'parcels.pickedUpToday': '今日取件',
      'parcels.waiting': '未送达',
      'parcels.oldestWaitingSince': '最早未送达的入库时间',
      'testing.currentRound': '进行中的轮次',
      'testing.tested': '已采样',
      'testing.expected': '应检人数',
      'testing.coverage': '覆盖率',
      'testing.lastRound': '上一轮',
      'testing.lastTested': '上一轮采样',
      'testing.lastCoverage': '上一轮覆盖率',
      'testing.lastDuration': '上一轮用时',
      'medicine.openCritical': '未完成：紧急',
      'medicine.openHigh': '未完成：加急',
      'medicine.openNormal': '未完成：普通',
      'medicine.overdue': '已超时',
      'groupBuys.open': '正在接单的团购',
      'groupBuys.inDistribution': '正在分发的团购',
      'disinfection.dueToday': '今日应消杀',
      'disinfection.doneToday': '今日已消杀',
      'disinfection.overdue': '逾期',
      'relays.unconfirmed': '未确认转达',
      'relays.escalated': '已升级',
    } as Record<string, string>,
  },
  en: {
    sections: {
      people: 'People',
      parcels: 'Parcels',
      testing: 'Testing',
      medicine: 'Medicine',
      groupBuys: 'Group buying',
      disinfection: 'Disinfection',
      relays: 'Relays',
    },
    rows: {
      'people.staff': 'Committee staff',
      'people.coordinators': 'Coordinators',
      'people.volunteers': 'Volunteers',
      'people.pendingVolunteers': 'Volunteers awaiting approval',
      'people.onShiftNow': 'Volunteers on shift now',
      'parcels.receivedToday': 'Received today',
      'parcels.deliveredToday': 'Delivered to buildings today',
      'parcels.pickedUpToday': 'Picked up today',
      'parcels.waiting': 'Not yet delivered',
      'parcels.oldestWaitingSince': 'Oldest undelivered since',
      'testing.currentRound': 'Round under way',
      'testing.tested': 'Tested',
      'testing.expected': 'Expected',
      'testing.coverage': 'Coverage',
      'testing.lastRound': 'Last round',
      'testing.lastTested': 'Tested in the last round',
      'testing.lastCoverage': 'Coverage of the last round',
      'testing.lastDuration': 'Duration of the last round',
      'medicine.openCritical': 'Open: critical',
      'medicine.openHigh': 'Open: high',
      'medicine.openNormal': 'Open: normal',
      'medicine.overdue': 'Overdue',
      'groupBuys.open': 'Campaigns taking orders',
      'groupBuys.inDistribution': 'Campaigns being handed out',
      'disinfection.dueToday': 'Due today',
      'disinfection.doneToday': 'Done today',
      'disinfection.overdue': 'Overdue',
      'relays.unconfirmed': 'Unconfirmed relays',
      'relays.escalated': 'Escalated',
    } as Record<string, string>,
  },
} satisfies Record<Locale, { sections: Record<ReportSection, string>; rows: Record<string, string> }>;

/** A row's label in the reader's language. */
export const figureLabel = (locale: Locale, row: Pick<FigureRow, 'section' | 'key'>) =>
  reportFigureLabels[locale].rows[`${row.section}.${row.key}`] ?? `${row.section}.${row.key}`;
