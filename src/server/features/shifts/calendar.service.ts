import { and, eq } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { DEFAULT_GROUPS } from '../../../shared/groups.ts';
import { type Locale, pickLocale } from '../../../shared/roles.ts';
import { accounts, communities, volunteers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/app-error.ts';
import type { AppDeps } from '../../platform/context.ts';
import { groupKeys } from './attendance.repository.ts';
import * as repo from './shifts.repository.ts';

/** Past shifts stay in the feed this long, so a volunteer's calendar keeps their recent history. */
const HISTORY_DAYS = 30;
const DEFAULT_ROLE = 'volunteer';

const words = {
  'zh-CN': {
    calendar: (community: string) => `邻里 · 我的班次 · ${community}`,
    waitlisted: (position: number | null) => (position ? `[候补第 ${position} 位] ` : '[候补] '),
    role: '志愿者',
    lines: (c: Lines) =>
      [
        `小区：${c.community}`,
        `小组：${c.group}`,
        `岗位：${c.role}`,
        `状态：${c.waitlisted ? '候补（还没有名额）' : '已确定'}`,
        `当地时间（${c.timeZone}）：${c.local}`,
      ].join('\n'),
  },
  en: {
    calendar: (community: string) => `Linli · My shifts · ${community}`,
    waitlisted: (position: number | null) => (position ? `[Waitlist #${position}] ` : '[Waitlist] '),
    role: 'Volunteer',
    lines: (c: Lines) =>
      [
        `Community: ${c.community}`,
        `Group: ${c.group}`,
        `Role: ${c.role}`,
        `Status: ${c.waitlisted ? 'waitlisted (no place yet)' : 'confirmed'}`,
        `Local time (${c.timeZone}): ${c.local}`,
      ].join('\n'),
  },
} satisfies Record<Locale, unknown>;

interface Lines {
  community: string;
  group: string;
  role: string;
  waitlisted: boolean;
  timeZone: string;
  local: string;
}

function groupLabel(group: { key: string; name: string }, locale: Locale) {
  if (locale === 'zh-CN') return group.name;
  const preset = DEFAULT_GROUPS.find((g) => g.key === group.key);
  return preset && preset.name === group.name ? preset.nameEn : group.name;
}

function localSpan(start: Date, end: Date, timeZone: string, locale: Locale) {
  const day = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', weekday: 'short' });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
}

async function feedOwner(deps: AppDeps, token: string) {
  const [row] = await deps.db
    .select({
      volunteerId: volunteers.id,
      communityId: volunteers.communityId,
      locale: accounts.locale,
      community: communities.name,
      timeZone: communities.timezone,
    })
    .from(volunteers)
    .innerJoin(accounts, eq(accounts.id, volunteers.accountId))
    .innerJoin(communities, eq(communities.id, volunteers.communityId))
    .where(and(eq(volunteers.calendarToken, token), eq(volunteers.status, 'approved')));
  return row;
}

/**
 * A volunteer's shifts as an iCalendar feed, opened by the secret in its URL (no session: calendar
 * apps cannot sign in). Confirmed and waitlisted sign-ups, the waitlisted marked; times in UTC with
 * the community's time zone named; UIDs stable per shift and volunteer, so a re-fetch updates events.
 */
export async function getCalendarFeed(deps: AppDeps, token: string): Promise<string> {
  const owner = token ? await feedOwner(deps, token) : undefined;
  if (!owner) throw notFound('calendar');
  const locale = pickLocale(owner.locale);
  const w = words[locale];
  const now = deps.clock.now();
  const since = now.getTime() - HISTORY_DAYS * 86_400_000;
  const live = await repo.liveSignupsOf(deps.db, owner.communityId, owner.volunteerId);
  const groups = await groupKeys(deps.db, owner.communityId);
  const calendar = ical({
    name: w.calendar(owner.community),
    prodId: { company: 'Linli', product: 'shifts', language: locale === 'zh-CN' ? 'ZH' : 'EN' },
    ttl: 15 * 60,
    // Times are written in UTC; the community's zone is named for apps that show it.
    x: { 'X-WR-TIMEZONE': owner.timeZone },
  });
  for (const { signup, shift, groupName } of live) {
    if (signup.status !== 'confirmed' && signup.status !== 'waitlisted') continue;
    if (shift.endsAt.getTime() < since) continue;
    const waitlisted = signup.status === 'waitlisted';
    const position = waitlisted ? await repo.waitlistPosition(deps.db, owner.communityId, signup.id) : null;
    const group = groupLabel({ key: groups.get(shift.groupId) ?? '', name: groupName }, locale);
    const role = signup.role === DEFAULT_ROLE ? w.role : signup.role;
    const custom = shift.title && shift.title !== groupName ? ` · ${shift.title}` : '';
    calendar.createEvent({
      id: `shift-${shift.id}-volunteer-${owner.volunteerId}@linli`,
      start: shift.startsAt,
      end: shift.endsAt,
      stamp: now,
      summary: `${waitlisted ? w.waitlisted(position) : ''}${group} · ${role}${custom}`,
      description: w.lines({
        community: owner.community,
        group,
        role,
        waitlisted,
        timeZone: owner.timeZone,
        local: localSpan(shift.startsAt, shift.endsAt, owner.timeZone, locale),
      }),
      location: owner.community,
      status: waitlisted ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
