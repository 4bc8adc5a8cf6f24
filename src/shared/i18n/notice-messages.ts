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
    'parcels.delivered': {
      title: '快递到楼：{{building}}号楼，取件码 {{code}}',
      body: '您家（{{building}}号楼 {{room}}室）的 {{count}} 件快递已送到楼下，运单尾号 {{waybills}}。取件码 {{code}}：取件时报给楼组长或志愿者；取走后请在“我的快递”里点“我已取件”。',
    },
    'parcels.delivered_relay': {
      title: '{{building}}号楼到了 {{count}} 件快递',
      body: '{{count}} 件快递已送到{{building}}号楼，共 {{households}} 户。下面这些住户没有开通账号，收不到通知，请转告他们凭取件码取件（房号: 取件码）：{{rooms}}。其余住户已收到通知。',
    },
    'parcels.delivered_relay_all': {
      title: '{{building}}号楼到了 {{count}} 件快递',
      body: '{{count}} 件快递已送到{{building}}号楼，共 {{households}} 户，各户都已收到取件通知。',
    },
    'parcels.reminder': {
      title: '快递还没取：{{building}}号楼，取件码 {{code}}',
      body: '您家（{{building}}号楼 {{room}}室）的 {{count}} 件快递 {{deliveredAt:datetime}} 送到楼下，还没有取。运单尾号 {{waybills}}，取件码 {{code}}。取走后请在“我的快递”里点“我已取件”。',
    },
    'parcels.runs_assigned': {
      title: '您有 {{runs}} 趟快递要送',
      body: '组长已确认排线：{{runs}} 趟，{{stops}} 栋楼，{{parcels}} 件快递。到“骑手派送”查看路线，出发前点“出发，开始派送”。',
    },
    'parcels.reminder_relay': {
      title: '{{building}}号楼还有快递没取',
      body: '下面这些住户没有开通账号，快递送到 {{minutes}} 分钟后还没取，请再转告一次（房号: 取件码）：{{rooms}}。',
    },
    'testing.call': {
      title: '核酸叫号：{{building}}号楼请现在下楼',
      body: '请现在下楼到{{gate}}做核酸（{{at:time}} 叫号，“{{round}}”，{{pooling}} 人一管）。请戴好口罩、排队保持一米间距，提前打开“我的核酸码”备扫。',
    },
    'testing.call_home': {
      title: '核酸采样：请在家等候上门',
      body: '{{building}}号楼 {{at:time}} 叫号做核酸（“{{round}}”）。您在上门采样名单上，不用下楼，采样人员会上门，请在家等候。',
    },
    'testing.call_relay': {
      title: '核酸叫号：请通知{{building}}号楼居民下楼',
      body: '请通知本楼居民现在下楼到{{gate}}做核酸（{{at:time}} 叫号，“{{round}}”，{{pooling}} 人一管），特别是没有手机、收不到通知的老人。上门采样名单上的居民留在家中，会有人上门。',
    },
    'medicine.new': {
      title: '新的配药需求：{{building}}号楼 {{room}}',
      body: '{{building}}号楼 {{room}} 有新的配药需求，请在 {{deadlineAt:datetime}} 前送到。打开查看详情并安排人员。',
    },
    'medicine.new_critical': {
      title: '紧急配药：{{building}}号楼 {{room}}',
      body: '{{building}}号楼 {{room}} 的救命药快断了，请在 {{deadlineAt:datetime}} 前送到。能去的组员请马上联系组长。',
    },
    'medicine.near': {
      title: '配药快到期限：{{building}}号楼 {{room}}',
      body: '{{building}}号楼 {{room}} 的配药需求要在 {{deadlineAt:datetime}} 前送到，时间快到了，请尽快安排。',
    },
    'medicine.overdue': {
      title: '配药已超时：{{building}}号楼 {{room}}',
      body: '{{building}}号楼 {{room}} 的配药需求已超过期限（{{deadlineAt:datetime}}），仍未完成，请协调处理。',
    },
    'medicine.delivered': {
      title: '药已送到',
      body: '{{name}} 的药已送到，请查收，并在应用里确认收到。',
    },
    'medicine.delivered_substitution': {
      title: '药已送到（有替代）',
      body: '{{name}} 的药已送到，但有替代：{{substitution}}。请查看后在应用里确认是否接受。',
    },
    'medicine.assigned': {
      title: '分配给您的配药需求：{{count}} 条',
      body: '组长把 {{count}} 条配药需求分配给了您，最早的要在 {{deadlineAt:datetime}} 前送到。打开查看要买什么、送到哪里。',
    },
    'medicine.trip_driver': {
      title: '请您开车配药：{{trips}} 趟',
      body: '组长排了 {{trips}} 趟配药行程（共 {{requests}} 条需求）请您开车，最早的要在 {{deadlineAt:datetime}} 前送到。打开查看去哪家医院或药店。',
    },
    'medicine.follow_up': {
      title: '长期药快吃完了：{{building}}号楼 {{room}}',
      body: '{{building}}号楼 {{room}} {{name}}的“{{drug}}”预计 {{runsOutAt:datetime}} 吃完。请联系居民，提前配药。',
    },
    'groupBuy.allocated': {
      title: '团购已截单：{{title}}',
      body: '{{building}}号楼 {{room}} 分到 {{units}}，应付 ¥{{amount}}。分配规则：先每户一份，再一轮一轮加，同一轮不够分时按公布的随机种子决定顺序。',
    },
    'groupBuy.failed': {
      title: '团购未成团：{{title}}',
      body: '团购“{{title}}”没有达到起送金额（合计 ¥{{total}}，起送 ¥{{minimum}}），这次不发货，{{building}}号楼 {{room}} 的订单不用付款。',
    },
    'groupBuy.shortfall': {
      title: '团购到货不足：{{title}}',
      body: '到货比订货少，已按同样的规则（先每户一份，再一轮一轮加，按公布的随机种子定顺序）重新分配。{{building}}号楼 {{room}}：{{changes}}，应付改为 ¥{{amount}}。',
    },
    'groupBuy.distributed': {
      title: '团购已送到楼下：{{title}}',
      body: '{{building}}号楼 {{room}} 的 {{units}} 已送到本楼（或交给楼组长）。请取回后在应用里确认收货；有破损或缺少请告诉团购组。',
    },
    'committee.item_assigned': {
      title: '交给您的事项：{{title}}',
      body: '{{by}}把支委会的决议事项“{{title}}”交给您负责，请在{{due:date}}前完成。做完后在首页“我的待办”里点“标为完成”。',
    },
    'gateway.test': {
      title: '邻里测试消息',
      body: '这是{{community}}发给短信/微信网关的测试消息，不用转发给居民。',
    },
    'announcement.published': {
      title: '通知：{{title}}',
      body: '{{preview}}',
    },
    'announcement.relay': {
      title: '请转告本楼居民：{{title}}',
      body: '新通知“{{title}}”已发布。请告诉本楼居民，特别是没有手机、收不到通知的老人；转告后请点“已转达”。',
    },
    // building relays (楼组长转达): escalated to the publicity group, and told to residents directly
    'relay.escalated.announcement': {
      title: '转达未确认：通知“{{subject}}”',
      body: '{{count}} 栋楼的楼组长 {{minutes}} 分钟内没有确认转达通知“{{subject}}”：{{buildings}}号楼。已直接通知这些楼里开通账号的居民；请宣传组联系这些楼，特别是没有手机的老人。',
    },
    'relay.escalated.testing_call': {
      title: '转达未确认：核酸叫号“{{subject}}”',
      body: '{{count}} 栋楼的楼组长 {{minutes}} 分钟内没有确认转达核酸叫号（“{{subject}}”）：{{buildings}}号楼。已直接通知这些楼里开通账号的居民；请宣传组上门或打电话告诉其他居民。',
    },
    'relay.escalated.parcels': {
      title: '转达未确认：{{buildings}}号楼的快递',
      body: '{{count}} 栋楼的楼组长 {{minutes}} 分钟内没有确认转告快递到楼（{{subject}}）：{{buildings}}号楼。已直接通知这些楼里开通账号的居民；请宣传组转告没有账号的住户凭取件码取件。',
    },
    'relay.direct.announcement': {
      title: '通知：{{title}}',
      body: '本楼楼组长还没有确认转告这条通知：“{{title}}”。请打开查看全文；如果邻居里有没有手机的老人，请帮忙告诉他们。',
    },
    'relay.direct.testing_call': {
      title: '核酸叫号：{{building}}号楼',
      body: '{{building}}号楼 {{at:time}} 已叫号做核酸（“{{round}}”），请到{{gate}}排队（{{pooling}} 人一管）；上门采样名单上的居民请在家等候。楼组长还没确认转告，如有没有手机的邻居，请帮忙告诉他们。',
    },
    'relay.direct.parcels': {
      title: '{{building}}号楼有邻居的快递待取',
      body: '下面这些住户没有开通账号，收不到取件通知，楼组长也还没确认转告（房号: 取件码）：{{rooms}}。如果您认识他们，请帮忙转告凭取件码取件。',
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
    'parcels.delivered': {
      title: 'Parcels at building {{building}}: pickup code {{code}}',
      body: 'Your household ({{building}}-{{room}}) has {{count}} parcel(s) delivered to the building (waybills ending {{waybills}}). Pickup code {{code}}: tell it to the relay contact or a volunteer when you collect them, then tap "I picked them up" under My parcels.',
    },
    'parcels.delivered_relay': {
      title: '{{count}} parcel(s) delivered to building {{building}}',
      body: '{{count}} parcel(s) for {{households}} household(s) have been delivered to building {{building}}. These households have no account and get no notice; please tell them to collect with their pickup code (room: code): {{rooms}}. The others have been notified.',
    },
    'parcels.delivered_relay_all': {
      title: '{{count}} parcel(s) delivered to building {{building}}',
      body: '{{count}} parcel(s) for {{households}} household(s) have been delivered to building {{building}}; every household has been sent its pickup code.',
    },
    'parcels.reminder': {
      title: 'Parcels still waiting: building {{building}}, code {{code}}',
      body: 'Your household ({{building}}-{{room}}) has {{count}} parcel(s) waiting at the building since {{deliveredAt:datetime}} (waybills ending {{waybills}}). Pickup code {{code}}. Once collected, tap "I picked them up" under My parcels.',
    },
    'parcels.runs_assigned': {
      title: 'You have {{runs}} delivery run(s)',
      body: 'The parcels leader confirmed the runs: {{runs}} run(s), {{stops}} building(s), {{parcels}} parcel(s). See the route under Ride a run, and tap "Start the run" when you set off.',
    },
    'parcels.reminder_relay': {
      title: 'Parcels not collected at building {{building}}',
      body: 'These households have no account and have not collected their parcels {{minutes}} minutes after delivery; please tell them once more (room: code): {{rooms}}.',
    },
    'testing.call': {
      title: 'Testing: building {{building}}, please come down now',
      body: 'Please come down to {{gate}} for your test now (called at {{at:time}}, "{{round}}", {{pooling}} per tube). Wear a mask, keep a metre apart in the line, and have your testing code open to be scanned.',
    },
    'testing.call_home': {
      title: 'Testing: please wait at home',
      body: 'Building {{building}} is called for testing at {{at:time}} ("{{round}}"). You are on the door-to-door list: stay at home, a team will come to your door.',
    },
    'testing.call_relay': {
      title: 'Testing: please tell building {{building}} to come down',
      body: 'Please tell the residents of your building to come down to {{gate}} for their test now (called at {{at:time}}, "{{round}}", {{pooling}} per tube), especially elderly neighbours without a phone. Residents on the door-to-door list stay at home; a team will come to them.',
    },
    'medicine.new': {
      title: 'New medicine request: {{building}}-{{room}}',
      body: 'A new medicine request from {{building}}-{{room}} is due by {{deadlineAt:datetime}}. Open it to see the details and assign someone.',
    },
    'medicine.new_critical': {
      title: 'Urgent medicine: {{building}}-{{room}}',
      body: 'A life-critical medicine is running out at {{building}}-{{room}}; it is due by {{deadlineAt:datetime}}. If you can go, contact your leader now.',
    },
    'medicine.near': {
      title: 'Medicine request almost due: {{building}}-{{room}}',
      body: 'The medicine request of {{building}}-{{room}} is due by {{deadlineAt:datetime}} and time is running short. Please arrange it now.',
    },
    'medicine.overdue': {
      title: 'Medicine request overdue: {{building}}-{{room}}',
      body: 'The medicine request of {{building}}-{{room}} is past its deadline ({{deadlineAt:datetime}}) and not done yet. Please step in.',
    },
    'medicine.delivered': {
      title: 'Your medicine has arrived',
      body: 'The medicine for {{name}} has been delivered. Please check it and confirm receipt in the app.',
    },
    'medicine.delivered_substitution': {
      title: 'Your medicine has arrived (with a substitution)',
      body: 'The medicine for {{name}} has been delivered with a substitution: {{substitution}}. Please look and confirm in the app whether you accept it.',
    },
    'medicine.assigned': {
      title: 'Medicine requests assigned to you: {{count}}',
      body: 'Your leader assigned {{count}} medicine requests to you; the first is due by {{deadlineAt:datetime}}. Open them to see what to buy and where to bring it.',
    },
    'medicine.trip_driver': {
      title: 'Please drive for medicine: {{trips}} trips',
      body: 'Your leader planned {{trips}} medicine trips ({{requests}} requests) with you as the driver; the first is due by {{deadlineAt:datetime}}. Open them to see which hospitals or pharmacies to go to.',
    },
    'medicine.follow_up': {
      title: 'Chronic medicine running out: {{building}}-{{room}}',
      body: 'The "{{drug}}" of {{name}} at {{building}}-{{room}} is expected to run out at {{runsOutAt:datetime}}. Please contact them and get it in time.',
    },
    'groupBuy.allocated': {
      title: 'Group buy closed: {{title}}',
      body: '{{building}}-{{room}} gets {{units}}; please pay ¥{{amount}}. The rule: one unit per household first, then round by round; when a round cannot go all the way round, the published random seed decides the order.',
    },
    'groupBuy.failed': {
      title: 'Group buy did not go ahead: {{title}}',
      body: 'The group buy "{{title}}" did not reach the minimum order (¥{{total}} of ¥{{minimum}}), so nothing will be delivered and the order of {{building}}-{{room}} need not be paid.',
    },
    'groupBuy.shortfall': {
      title: 'Less arrived than ordered: {{title}}',
      body: 'Fewer units arrived than were ordered, so they were shared out again by the same rule (one each first, then round by round, ties by the published seed). {{building}}-{{room}}: {{changes}}; you now pay ¥{{amount}}.',
    },
    'groupBuy.distributed': {
      title: 'Your group buy is at your building: {{title}}',
      body: 'The {{units}} of {{building}}-{{room}} have been brought to your building (or handed to your relay contact). Please collect them and confirm receipt in the app; tell the group-buying group about anything damaged or missing.',
    },
    'committee.item_assigned': {
      title: 'An action item for you: {{title}}',
      body: '{{by}} gave you the committee\'s action item "{{title}}", due by {{due:date}}. When it is done, tap "Mark done" under My action items on the home page.',
    },
    'gateway.test': {
      title: 'Linli test message',
      body: 'A test message from {{community}} to the SMS / WeChat gateway; do not forward it to residents.',
    },
    'announcement.published': {
      title: 'Announcement: {{title}}',
      body: '{{preview}}',
    },
    'announcement.relay': {
      title: 'Please tell your building: {{title}}',
      body: 'A new announcement, "{{title}}", has been published. Please pass it on to the residents of your building, above all elderly people without a phone; then tap "Passed on".',
    },
    // building relays: escalated to the publicity group, and told to residents directly
    'relay.escalated.announcement': {
      title: 'Relay not confirmed: announcement "{{subject}}"',
      body: 'The relay contacts of {{count}} building(s) did not confirm passing on the announcement "{{subject}}" within {{minutes}} minutes: building(s) {{buildings}}. Residents there with an account have been told directly; publicity group, please reach the others, above all elderly people without a phone.',
    },
    'relay.escalated.testing_call': {
      title: 'Relay not confirmed: testing call "{{subject}}"',
      body: 'The relay contacts of {{count}} building(s) did not confirm passing on the testing call ("{{subject}}") within {{minutes}} minutes: building(s) {{buildings}}. Residents there with an account have been told directly; publicity group, please knock on doors or phone the others.',
    },
    'relay.escalated.parcels': {
      title: 'Relay not confirmed: parcels for building(s) {{buildings}}',
      body: 'The relay contacts of {{count}} building(s) did not confirm telling households about their parcels ({{subject}}) within {{minutes}} minutes: building(s) {{buildings}}. Residents there with an account have been told directly; publicity group, please tell the households without an account to collect with their pickup code.',
    },
    'relay.direct.announcement': {
      title: 'Announcement: {{title}}',
      body: 'Your building\'s relay contact has not yet confirmed passing on this announcement: "{{title}}". Please open it to read it in full, and tell any neighbours without a phone.',
    },
    'relay.direct.testing_call': {
      title: 'Testing call: building {{building}}',
      body: 'Building {{building}} was called for testing at {{at:time}} ("{{round}}"): please queue at {{gate}} ({{pooling}} per tube); residents on the door-to-door list stay at home. Your relay contact has not confirmed passing it on, so please tell any neighbours without a phone.',
    },
    'relay.direct.parcels': {
      title: 'Parcels waiting for neighbours in building {{building}}',
      body: 'These households have no account, get no pickup notice, and the relay contact has not confirmed telling them (room: code): {{rooms}}. If you know them, please tell them to collect with their pickup code.',
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
