export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** A UTC instant as the community's wall-clock time, e.g. "2022/05/25 14:30". */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A UTC instant as the community's calendar day, e.g. "2022/05/25". */
export function formatDate(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallAsUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time ("YYYY-MM-DD", "HH:mm") in a time zone: forms speak in the
 * community's days and hours, while the API speaks in instants.
 */
export function wallTimeToUtc(day: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // Two passes settle days on which the offset changes (daylight saving).
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc).toISOString();
}

/** The UTC instant at which a calendar day ("YYYY-MM-DD") starts in a time zone. */
export function startOfDayUtc(day: string, timeZone: string): string | null {
  return wallTimeToUtc(day, '00:00', timeZone);
}

/** An instant as the zone's calendar day and time of day, the values of date and time inputs. */
export function wallClock(instant: Date | string, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "YYYY-MM-DD" plus some days, by the calendar (no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last millisecond of a calendar day in a time zone, for an inclusive "to" filter. */
export function endOfDayUtc(day: string, timeZone: string): string | null {
  const start = startOfDayUtc(day, timeZone);
  if (!start) return null;
  const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  const nextStart = startOfDayUtc(next, timeZone);
  return nextStart ? new Date(new Date(nextStart).getTime() - 1).toISOString() : null;
}
