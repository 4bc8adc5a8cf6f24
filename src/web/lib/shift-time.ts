import type { TShift } from '../../shared/api/shifts.ts';
import type { Locale } from '../../shared/roles.ts';
import { addDays, wallClock } from './time.ts';

type Timed = Pick<TShift, 'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelCutoffMinutes'>;

export type WindowState = 'not_open' | 'open' | 'closed' | 'ended';

/**
 * Where a shift's sign-up stands by this device's clock. Only a hint for the buttons: the server
 * decides by its own clock and says so if the phone's clock is off.
 */
export function windowState(shift: Timed, now: number): WindowState {
  if (now >= Date.parse(shift.endsAt)) return 'ended';
  if (now < Date.parse(shift.signupOpensAt)) return 'not_open';
  if (now >= Date.parse(shift.signupClosesAt)) return 'closed';
  return 'open';
}

/** The last moment a sign-up may be given back: the cut-off before the start. */
export const cancelDeadline = (shift: Timed) =>
  new Date(Date.parse(shift.startsAt) - shift.cancelCutoffMinutes * 60_000).toISOString();

export const canStillCancel = (shift: Timed, now: number) => now <= Date.parse(cancelDeadline(shift));

export const placesLeft = (role: { capacity: number; taken: number }) =>
  Math.max(0, role.capacity - role.taken);

/** "11月28日周六" / "Sat, Nov 28" for a calendar day ("YYYY-MM-DD"). */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${day}T00:00:00Z`));
}

export interface DayWords {
  today: string;
  tomorrow: string;
}

/** Today and tomorrow by name, other days by date: how people plan their week. */
export function dayName(day: string, today: string, locale: Locale, words: DayWords): string {
  if (day === today) return `${words.today} ${formatDay(day, locale)}`;
  if (day === addDays(today, 1)) return `${words.tomorrow} ${formatDay(day, locale)}`;
  return formatDay(day, locale);
}

/** A moment as "今天 14:00" / "11月29日周日 08:00", in the community's time zone. */
export function formatMoment(iso: string, timeZone: string, locale: Locale, now: number, words: DayWords) {
  const at = wallClock(iso, timeZone);
  const today = wallClock(new Date(now), timeZone).day;
  const day =
    at.day === today
      ? words.today
      : at.day === addDays(today, 1)
        ? words.tomorrow
        : formatDay(at.day, locale);
  return `${day} ${at.time}`;
}

/** Start and end on the community's clock; `nextDay` when a night shift ends after midnight. */
export function shiftSpan(shift: Pick<TShift, 'startsAt' | 'endsAt'>, timeZone: string) {
  const start = wallClock(shift.startsAt, timeZone);
  const end = wallClock(shift.endsAt, timeZone);
  return { day: start.day, start: start.time, end: end.time, nextDay: end.day !== start.day };
}
