import type { Role } from '../../../shared/roles.ts';
import { addDays } from '../../lib/time.ts';

/** The branch committee: the secretary (coordinator) and the committee staff, as on the server. */
export const isCommittee = (roles: readonly Role[]) =>
  roles.includes('coordinator') || roles.includes('staff');

/** A calendar day ("YYYY-MM-DD") as people write it: "4月12日周日" / "Sun, Apr 12". */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(date);
}

/** The Monday of the week a calendar day falls in (as the server's domain/committee/week.ts). */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The week a meeting held on `day` looks back on by default: Monday to Sunday of the week before. */
export function weekBefore(day: string): { from: string; to: string } {
  const from = addDays(mondayOf(day), -7);
  return { from, to: addDays(from, 6) };
}

export const percentOf = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
