/**
 * Calendar days and wall-clock times in an IANA time zone, turned into UTC instants with nothing but
 * Intl. Days are "YYYY-MM-DD", times "HH:MM".
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, read as if it were UTC (ms since the epoch). */
function wallMsAt(utcMs: number, timeZone: string): number {
  const parts = partsFormat(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' ? 1 - get('year') : get('year');
  const wall = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall + (utcMs - Math.floor(utcMs / 1000) * 1000);
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
export const offsetAt = (utcMs: number, timeZone: string) => wallMsAt(utcMs, timeZone) - utcMs;

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** The days from `from` to `to`, both included; none when `to` comes first. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The zone's calendar day and time of day at an instant. */
export function wallClockAt(at: Date, timeZone: string): { day: string; time: string } {
  const iso = new Date(wallMsAt(at.getTime(), timeZone)).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The instant at which the zone's clock shows `time` on `day`. Where the clock is set back and the
 * time happens twice, the earlier; where it jumps forward over the time, the instant it would have
 * been on the old offset, i.e. as much later as the jump (02:30 in a 02:00→03:00 jump is 03:30).
 * This is what Temporal calls the "compatible" choice, and what calendars do.
 */
export function wallTimeToInstant(day: string, time: string, timeZone: string): Date {
  const wall = dayMs(day) + minutesOfDay(time) * MINUTE;
  // The offsets a day either side of the wall time cover any change of offset at that time.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after, wall - offsetAt(wall, timeZone)]
    .filter((utc) => wallMsAt(utc, timeZone) === wall)
    .sort((x, y) => x - y);
  return new Date(candidates[0] ?? wall - before);
}
