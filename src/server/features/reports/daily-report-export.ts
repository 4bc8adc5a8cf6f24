// The day report as an xlsx workbook (exceljs, as the round report and the rosters): the figures, the
// day's events and the open problems, one sheet each, headers and lines in the reader's language and
// times on the compound's clock.
import ExcelJS from 'exceljs';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import type { TDailyReport } from '../../../shared/api/dashboard.ts';
import { figureLabel, reportFigureLabels, reportFigureRows } from '../../../shared/i18n/report-figures.ts';
import type { Locale } from '../../../shared/roles.ts';

const WORDS = {
  'zh-CN': {
    figures: '数据',
    events: '当日事件',
    problems: '待解决问题',
    section: '类别',
    item: '项目',
    value: '数值',
    at: '时间',
    what: '内容',
    generated: '生成时间',
    day: '日期',
    community: '小区',
    minutes: '{n} 分钟',
  },
  en: {
    figures: 'Figures',
    events: 'Events',
    problems: 'Open problems',
    section: 'Part',
    item: 'Item',
    value: 'Value',
    at: 'Time',
    what: 'What',
    generated: 'Made at',
    day: 'Day',
    community: 'Community',
    minutes: '{n} min',
  },
} as const;

export async function dailyReportWorkbook(report: TDailyReport, locale: Locale) {
  const w = WORDS[locale];
  const timeZone = report.figures.timeZone;
  const time = (iso: string) => {
    const local = wallClockAt(new Date(iso), timeZone);
    return `${local.day} ${local.time}`;
  };
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli';
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const s = book.addWorksheet(name);
    s.columns = headers.map((header, i) => ({ header, key: String(i), width: widths[i] ?? 14 }));
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const figures = sheet(w.figures, [w.section, w.item, w.value], [14, 28, 28]);
  figures.addRows([
    [w.community, '', report.figures.name],
    [w.day, '', report.day],
    [w.generated, '', time(report.generatedAt)],
  ]);
  for (const row of reportFigureRows(report.figures)) {
    const value =
      row.value === null
        ? ''
        : row.format === 'percent'
          ? `${Math.round(Number(row.value) * 1000) / 10}%`
          : row.format === 'instant'
            ? time(String(row.value))
            : row.format === 'minutes'
              ? w.minutes.replace('{n}', String(row.value))
              : row.value;
    figures.addRow([reportFigureLabels[locale].sections[row.section], figureLabel(locale, row), value]);
  }
  const events = sheet(w.events, [w.at, w.what], [18, 70]);
  for (const e of report.events) events.addRow([time(e.at), e.text]);
  const problems = sheet(w.problems, [w.what], [90]);
  for (const p of report.problems) problems.addRow([p.text]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
