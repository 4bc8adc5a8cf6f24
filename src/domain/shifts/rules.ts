import { wallClockAt } from './zoned-time.ts';

/** When sign-up is allowed: by the server's clock, never the browser's. */
export function signupWindow(now: Date, opensAt: Date, closesAt: Date): 'not_open' | 'open' | 'closed' {
  if (now < opensAt) return 'not_open';
  if (now >= closesAt) return 'closed';
  return 'open';
}

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/** The first of `existing` that overlaps `candidate` (touching ends do not overlap). */
export function findOverlap<T extends TimeSpan>(existing: readonly T[], candidate: TimeSpan): T | undefined {
  return existing.find((s) => s.startsAt < candidate.endsAt && candidate.startsAt < s.endsAt);
}

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  return wallClockAt(at, timeZone).day;
}

/** Monday of the local week of an instant, as YYYY-MM-DD. */
export function localWeek(at: Date, timeZone: string): string {
  const day = localDay(at, timeZone);
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday);
  return date.toISOString().slice(0, 10);
}

export interface Caps {
  perDay: number | null;
  perWeek: number | null;
}

/** Which cap a further shift would break, so places spread across people. */
export function capReached(
  taken: readonly Date[],
  candidateStart: Date,
  caps: Caps,
  timeZone: string,
): 'day' | 'week' | null {
  const day = localDay(candidateStart, timeZone);
  const week = localWeek(candidateStart, timeZone);
  if (caps.perDay !== null && taken.filter((t) => localDay(t, timeZone) === day).length >= caps.perDay)
    return 'day';
  if (caps.perWeek !== null && taken.filter((t) => localWeek(t, timeZone) === week).length >= caps.perWeek) {
    return 'week';
  }
  return null;
}

/** How many from the waitlist move up when a role has room again. */
export const promotable = (capacity: number, confirmed: number, waiting: number) =>
  Math.max(0, Math.min(waiting, capacity - confirmed));
