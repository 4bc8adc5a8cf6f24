import type { Locale } from '../roles.ts';

/**
 * Notices to people (the inbox, later SMS and WeChat gateways): a title and a body per kind, in each
 * language. The outbox stores a notice's kind and params, never the text, so each reader sees it in
 * their own language, whenever they read it.
 *
 * Placeholders:
 * - `{{name}}` puts params.name in as it is (names, titles, numbers).
 * - `{{name:datetime}}`, `{{name:date}}`, `{{name:time}}` format params.name, an ISO instant, on the
 *   community's clock (params.timeZone, else Asia/Shanghai) in the reader's language, e.g.
 *   "4月10日周五 08:00" / "Fri, Apr 10, 08:00". Callers pass the instant and the time zone, not a
 *   formatted time: a notice read in English must not carry a Chinese date.
 *
 * Add a kind with a small insertion in both languages; error-free rendering of every kind in both is
 * tested (notice-messages.test.ts).
 */
export interface NoticeTemplate {
  title: string;
  body: string;
}

export const noticeMessages = {
  'zh-CN': {
    'shift.promoted': {
      title: '候补转正：{{title}}',
      body: '有人取消了报名，您已从候补转为正式报名：{{title}}，{{startsAt:datetime}}。请准时到岗。',
    },
    'shift.cancelled': {
      title: '班次取消：{{title}}',
      body: '您报名的班次“{{title}}”（{{startsAt:datetime}}）已取消，不用再去了。',
    },
    'shift.cancelled_reason': {
      title: '班次取消：{{title}}',
      body: '您报名的班次“{{title}}”（{{startsAt:datetime}}）已取消，原因：{{reason}}。不用再去了。',
    },
    'shift.draw_won': {
      title: '抽中了：{{title}}',
      body: '“{{title}}”（{{startsAt:datetime}}）抽签结束，您抽中了名额。请准时到岗。',
    },
    'shift.draw_lost': {
      title: '未抽中：{{title}}',
      body: '“{{title}}”（{{startsAt:datetime}}）抽签结束，您没有抽中，现在候补第 {{position}} 位。有人取消时会自动递补，并通知您。',
    },
    'volunteer.approved': {
      title: '志愿者报名已通过',
      body: '欢迎加入{{community}}的志愿者队伍！现在可以报名班次了。',
    },
  },
  en: {
    'shift.promoted': {
      title: 'You have a place: {{title}}',
      body: 'Someone gave up their place, so you have moved up from the waitlist: {{title}}, {{startsAt:datetime}}. Please be there on time.',
    },
    'shift.cancelled': {
      title: 'Shift cancelled: {{title}}',
      body: 'The shift "{{title}}" ({{startsAt:datetime}}) you signed up for is cancelled; you do not need to come.',
    },
    'shift.cancelled_reason': {
      title: 'Shift cancelled: {{title}}',
      body: 'The shift "{{title}}" ({{startsAt:datetime}}) you signed up for is cancelled ({{reason}}); you do not need to come.',
    },
    'shift.draw_won': {
      title: 'You were drawn: {{title}}',
      body: 'The draw for "{{title}}" ({{startsAt:datetime}}) is done and you have a place. Please be there on time.',
    },
    'shift.draw_lost': {
      title: 'Not drawn: {{title}}',
      body: 'The draw for "{{title}}" ({{startsAt:datetime}}) is done. You did not get a place and are number {{position}} on the waitlist; if someone cancels, you move up automatically and we will tell you.',
    },
    'volunteer.approved': {
      title: 'You are a volunteer now',
      body: 'Welcome to the volunteers of {{community}}! You can now sign up for shifts.',
    },
  },
} satisfies Record<Locale, Record<string, NoticeTemplate>>;

export type NoticeKind = keyof (typeof noticeMessages)['zh-CN'];
type Params = Record<string, unknown>;

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const instantFormats = {
  datetime: (locale: Locale) => ({
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  date: (locale: Locale) => ({
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }),
  time: () => ({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
} satisfies Record<string, (locale: Locale) => Intl.DateTimeFormatOptions>;

/** An instant on the community's clock in the reader's language; the raw value if it is not an instant. */
export function formatInstant(
  iso: string,
  timeZone: string,
  locale: Locale,
  style: keyof typeof instantFormats = 'datetime',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, ...instantFormats[style](locale) }).format(date);
  } catch {
    // An unknown time zone name must not make a notice unreadable.
    return new Intl.DateTimeFormat(locale, {
      timeZone: DEFAULT_TIME_ZONE,
      ...instantFormats[style](locale),
    }).format(date);
  }
}

function fill(template: string, locale: Locale, params: Params): string {
  const timeZone = typeof params.timeZone === 'string' ? params.timeZone : DEFAULT_TIME_ZONE;
  return template.replace(/\{\{(\w+)(?::(\w+))?\}\}/g, (_, key: string, style?: string) => {
    const value = params[key];
    if (value === undefined || value === null) return '';
    if (style && style in instantFormats) {
      return formatInstant(String(value), timeZone, locale, style as keyof typeof instantFormats);
    }
    return String(value);
  });
}

/** A notice's title and body in the reader's language; the kind itself when it has no template. */
export function renderNotice(locale: Locale, kind: string, params: Params): NoticeTemplate {
  const templates: Record<string, NoticeTemplate> = noticeMessages[locale];
  const template = templates[kind] ?? (noticeMessages['zh-CN'] as Record<string, NoticeTemplate>)[kind];
  if (!template) return { title: kind, body: '' };
  return { title: fill(template.title, locale, params), body: fill(template.body, locale, params) };
}

export const noticeKinds = () => Object.keys(noticeMessages.en);
