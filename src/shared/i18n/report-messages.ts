import type { Locale } from '../roles.ts';
import { formatInstant } from './notice-messages.ts';

/**
 * The day report's events and open problems, one sentence per kind in each language. A report keeps
 * each line's kind and params, never its text, so a report made at 21:00 reads in the language of
 * whoever opens it (the street office in English, the committee in Chinese).
 *
 * Placeholders: `{{name}}` as it is; `{{name:time}}` / `{{name:datetime}}` an ISO instant on the
 * community's clock (params.timeZone); `{{name:list}}` an array joined the language's way;
 * `{{name:duration}}` minutes as hours or minutes; `{{name:moreBuildings}}` / `{{name:moreAreas}}` how many a
 * list left out ("，另有 5 栋楼"), nothing when none.
 */
export const reportMessages = {
  'zh-CN': {
    'testing.round_started': '核酸检测“{{title}}”开始',
    'testing.round_finished': '核酸检测“{{title}}”结束，采样 {{tested}} 人（应检 {{expected}} 人）',
    'groupBuy.allocated': '团购“{{title}}”截单成团，{{households}} 户下单',
    'groupBuy.failed': '团购“{{title}}”未达起送，未成团',
    'groupBuy.cancelled': '团购“{{title}}”已取消',
    'groupBuy.arrived': '团购“{{title}}”到货',
    'announcement.published': '发布通知“{{title}}”',
    'shift.cancelled': '班次“{{title}}”取消，通知了 {{told}} 位志愿者',
    'shift.cancelled_reason': '班次“{{title}}”取消（{{reason}}），通知了 {{told}} 位志愿者',
    'parcels.day_closed': '快递日结（{{day}}）',
    'committee.meeting': '召开支委会“{{title}}”',
    'medicine.overdue': '{{count}} 条配药需求已超过时限，请优先处理',
    'parcels.waiting_long':
      '{{count}} 件快递入库超过 {{minutes:duration}}仍未送到楼栋，最早的 {{since:datetime}} 入库',
    'parcels.uncollected':
      '{{count}} 件快递送到楼栋超过 {{minutes:duration}}仍未取：{{buildings:list}}号楼{{more:moreBuildings}}',
    'relays.unconfirmed': '{{count}} 条转达楼组长未确认：{{buildings:list}}号楼{{more:moreBuildings}}',
    'disinfection.overdue': '{{count}} 次消杀逾期未做：{{areas:list}}{{more:moreAreas}}',
  },
  en: {
    'testing.round_started': 'Testing round “{{title}}” started',
    'testing.round_finished': 'Testing round “{{title}}” finished: {{tested}} tested of {{expected}}',
    'groupBuy.allocated': 'Group buy “{{title}}” closed and shared out, {{households}} households ordered',
    'groupBuy.failed': 'Group buy “{{title}}” did not reach the supplier’s minimum',
    'groupBuy.cancelled': 'Group buy “{{title}}” was cancelled',
    'groupBuy.arrived': 'Group buy “{{title}}” arrived',
    'announcement.published': 'Announcement “{{title}}” published',
    'shift.cancelled': 'Shift “{{title}}” called off, {{told}} volunteers told',
    'shift.cancelled_reason': 'Shift “{{title}}” called off ({{reason}}), {{told}} volunteers told',
    'parcels.day_closed': 'Parcel day {{day}} closed',
    'committee.meeting': 'Committee meeting “{{title}}” held',
    'medicine.overdue': '{{count}} medicine requests are past their deadline: see to them first',
    'parcels.waiting_long':
      '{{count}} parcels received over {{minutes:duration}} ago are not at their building yet, the oldest since {{since:datetime}}',
    'parcels.uncollected':
      '{{count}} parcels delivered over {{minutes:duration}} ago are not picked up: buildings {{buildings:list}}{{more:moreBuildings}}',
    'relays.unconfirmed':
      '{{count}} relays not confirmed by the relay contact: buildings {{buildings:list}}{{more:moreBuildings}}',
    'disinfection.overdue': '{{count}} disinfection rounds overdue: {{areas:list}}{{more:moreAreas}}',
  },
} satisfies Record<Locale, Record<string, string>>;

export type ReportLineKind = keyof (typeof reportMessages)['zh-CN'];
export type ReportParams = Record<string, string | number | string[]>;

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function duration(minutes: number, locale: Locale) {
  const hours = minutes / 60;
  if (minutes >= 60 && Number.isInteger(hours)) return locale === 'zh-CN' ? `${hours} 小时` : `${hours} h`;
  return locale === 'zh-CN' ? `${minutes} 分钟` : `${minutes} min`;
}

/** The rest of a list cut short: "，另有 5 栋楼" / ", and 5 more". */
function more(n: number, style: 'moreBuildings' | 'moreAreas', locale: Locale) {
  if (!(n > 0)) return '';
  if (locale === 'en') return `, and ${n} more`;
  return style === 'moreBuildings' ? `，另有 ${n} 栋楼` : `，另有 ${n} 处`;
}

function fill(template: string, locale: Locale, params: ReportParams): string {
  const timeZone = typeof params.timeZone === 'string' ? params.timeZone : DEFAULT_TIME_ZONE;
  return template.replace(/\{\{(\w+)(?::(\w+))?\}\}/g, (_, key: string, style?: string) => {
    const value = params[key];
    if (value === undefined || value === null) return '';
    if (style === 'list')
      return (Array.isArray(value) ? value : [value]).join(locale === 'zh-CN' ? '、' : ', ');
    if (style === 'duration') return duration(Number(value), locale);
    if (style === 'moreBuildings' || style === 'moreAreas') return more(Number(value), style, locale);
    if (style === 'time' || style === 'datetime')
      return formatInstant(String(value), timeZone, locale, style);
    return String(value);
  });
}

/** A report line in the reader's language; the kind itself when it has no template. */
export function renderReportLine(locale: Locale, kind: string, params: ReportParams): string {
  const template = (reportMessages[locale] as Record<string, string>)[kind];
  return template ? fill(template, locale, params) : kind;
}

export const reportLineKinds = () => Object.keys(reportMessages.en) as ReportLineKind[];
