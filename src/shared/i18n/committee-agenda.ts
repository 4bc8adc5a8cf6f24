// The agenda a new committee meeting starts with: the week's figures as plain text lines, in the
// language of the secretary who creates it, for them to edit. The figures themselves stay with the
// meeting as numbers (committee_meetings.figures), so the page shows them in any language.
import type { TWeekFigures } from '../api/committee.ts';
import { DEFAULT_GROUPS } from '../groups.ts';
import type { Locale } from '../roles.ts';

const percent = (tested: number, expected: number) =>
  expected > 0 ? `${Math.round((tested / expected) * 100)}%` : '—';

/** "4月6日至4月12日" / "Apr 6 – Apr 12" */
function weekSpan(f: TWeekFigures, locale: Locale) {
  const fmt = new Intl.DateTimeFormat(locale, {
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string) => fmt.format(new Date(`${d}T00:00:00Z`));
  return locale === 'zh-CN'
    ? `${day(f.weekStart)}至${day(f.weekEnd)}`
    : `${day(f.weekStart)} – ${day(f.weekEnd)}`;
}

function groupName(g: { key: string; name: string }, locale: Locale) {
  if (locale === 'zh-CN') return g.name;
  const known = DEFAULT_GROUPS.find((d) => d.key === g.key);
  return known && known.name === g.name ? known.nameEn : g.name;
}

function zhLines(f: TWeekFigures): string[] {
  const { parcels: p, testing: t, medicine: m, groupBuys: g, volunteers: v } = f;
  const requested = m.requested.critical + m.requested.high + m.requested.normal;
  const rounds = t.rounds.map((r) => `${r.title} ${percent(r.tested, r.expected)}`).join('，');
  const groups = v.groups
    .filter((x) => x.shiftsDone > 0 || x.noShows > 0)
    .map((x) => `${x.name} ${x.shiftsDone} 人次 ${x.hours} 小时`)
    .join('；');
  return [
    `一、上周各组工作数据（${weekSpan(f, 'zh-CN')}）`,
    `1. 快递：收件 ${p.received} 件，送到楼 ${p.delivered} 件，居民取件 ${p.pickedUp} 件；周末仍待送 ${p.waitingAtWeekEnd} 件。`,
    t.rounds.length > 0
      ? `2. 核酸：检测 ${t.roundsRun} 轮，采样 ${t.samples} 人次（覆盖率：${rounds}）。`
      : '2. 核酸：本周没有检测。',
    `3. 配药：新需求 ${requested} 条（危急 ${m.requested.critical}、较急 ${m.requested.high}、普通 ${m.requested.normal}），送达 ${m.delivered} 条，超时 ${m.overdue} 条。`,
    `4. 团购：开团 ${g.opened} 个，成团 ${g.allocated} 个，未成团 ${g.failed} 个，订单 ${g.orders} 户。`,
    `5. 志愿者：完成班次 ${v.shiftsDone} 人次，服务 ${v.hours} 小时，缺席 ${v.noShows} 人次。${groups ? `其中${groups}。` : ''}`,
    '二、上次决议事项落实情况',
    '三、本周工作安排',
    '四、其他事项',
  ];
}

function enLines(f: TWeekFigures): string[] {
  const { parcels: p, testing: t, medicine: m, groupBuys: g, volunteers: v } = f;
  const requested = m.requested.critical + m.requested.high + m.requested.normal;
  const rounds = t.rounds.map((r) => `${r.title} ${percent(r.tested, r.expected)}`).join(', ');
  const groups = v.groups
    .filter((x) => x.shiftsDone > 0 || x.noShows > 0)
    .map((x) => `${groupName(x, 'en')} ${x.shiftsDone} shifts, ${x.hours} h`)
    .join('; ');
  return [
    `1. Last week's figures (${weekSpan(f, 'en')})`,
    `1.1 Parcels: ${p.received} received, ${p.delivered} delivered to buildings, ${p.pickedUp} picked up; ${p.waitingAtWeekEnd} still waiting at the end of the week.`,
    t.rounds.length > 0
      ? `1.2 Testing: ${t.roundsRun} round(s), ${t.samples} samples (coverage: ${rounds}).`
      : '1.2 Testing: no round this week.',
    `1.3 Medicine: ${requested} new request(s) (${m.requested.critical} critical, ${m.requested.high} high, ${m.requested.normal} normal), ${m.delivered} delivered, ${m.overdue} overdue.`,
    `1.4 Group buys: ${g.opened} opened, ${g.allocated} allocated, ${g.failed} failed, ${g.orders} household order(s).`,
    `1.5 Volunteers: ${v.shiftsDone} shifts done, ${v.hours} hours, ${v.noShows} no-show(s).${groups ? ` By group: ${groups}.` : ''}`,
    '2. Action items from the last meeting',
    "3. This week's work",
    '4. Any other business',
  ];
}

/** The agenda's first draft, one line per item. */
export function agendaFromFigures(figures: TWeekFigures, locale: Locale): string {
  return (locale === 'zh-CN' ? zhLines(figures) : enLines(figures)).join('\n');
}
