import { addDays, minutesOfDay, wallClockAt, wallTimeToInstant } from '../shifts/zoned-time.ts';

/**
 * Quiet hours: a span of the community's wall clock ("HH:MM", start included, end not) during which a
 * person does not want to be woken by an SMS or WeChat message. A span may pass midnight (22:00–07:00).
 * Only notices to external channels wait; the in-app inbox never does, and critical notices never do.
 */
export interface QuietHours {
  start: string;
  end: string;
}

const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** "HH:MM" on a 24-hour clock, 00:00–23:59. */
export const isWallTime = (value: string) => WALL_TIME.test(value);

/** A span whose start is its end is empty, not a whole day: it would silence the person for good. */
export const isEmptySpan = (quiet: QuietHours) => quiet.start === quiet.end;

/** Whether a minute of the day (0–1439) falls inside the quiet span. */
export function isQuietMinute(minuteOfDay: number, quiet: QuietHours): boolean {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * When a non-critical notice written at `now` may go out: `now` itself outside the quiet span, else the
 * instant the span ends on the community's clock. Uses Intl with the zone named, never the process's
 * own zone, so it gives the same answer whatever TZ the server runs in.
 */
export function quietHoursRelease(now: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet) return now;
  const { day, time } = wallClockAt(now, timeZone);
  const minute = minutesOfDay(time);
  if (!isQuietMinute(minute, quiet)) return now;
  const endMinute = minutesOfDay(quiet.end);
  // Later today when the end is still ahead on today's clock, else tomorrow (a span past midnight).
  const endDay = endMinute > minute ? day : addDays(day, 1);
  const end = wallTimeToInstant(endDay, quiet.end, timeZone);
  if (end > now) return end;
  // Only where the clock was just set back and the end's wall time already passed once on the earlier
  // offset: count the wall-clock minutes still to go instead.
  const wallMinutesLeft = (endMinute - minute + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
  return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + wallMinutesLeft * MINUTE);
}
