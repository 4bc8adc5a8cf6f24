import { addDays, daysBetween, isoWeekday, wallClockAt, wallTimeToInstant } from '../shifts/zoned-time.ts';

/**
 * When an area is due to be disinfected (消杀). Schedules speak the community's wall clock: "daily at
 * 09:00 and 15:00", "weekly on Monday (1) at 10:00"; tasks are stored at UTC instants. `after_testing`
 * areas have no clock of their own: their tasks come from testing rounds ending, not from here.
 */
export type DisinfectionScheduleKind = 'daily' | 'weekly' | 'after_testing';

export interface DisinfectionSchedule {
  schedule: DisinfectionScheduleKind;
  /** 'HH:MM' in the community's time zone */
  times: readonly string[];
  /** ISO weekday, 1 = Monday … 7 = Sunday; only for `weekly` */
  weekday: number | null;
}

/**
 * The instants in [from, to) at which the schedule makes an area due, ascending and without
 * repeats. A wall time the clock skips (spring forward) falls as much later as the jump, one it shows
 * twice (fall back) is the earlier (zoned-time.ts); when a skipped time lands on another listed time,
 * they are one due time, not two.
 */
export function dueTimes(schedule: DisinfectionSchedule, timeZone: string, from: Date, to: Date): Date[] {
  if (schedule.schedule === 'after_testing' || schedule.times.length === 0 || to <= from) return [];
  if (schedule.schedule === 'weekly' && schedule.weekday === null) return [];
  // A day either side of the span's local days covers any offset; instants outside are dropped below.
  const first = addDays(wallClockAt(from, timeZone).day, -1);
  const last = addDays(wallClockAt(to, timeZone).day, 1);
  const seen = new Set<number>();
  for (const day of daysBetween(first, last)) {
    if (schedule.schedule === 'weekly' && isoWeekday(day) !== schedule.weekday) continue;
    for (const time of schedule.times) {
      const at = wallTimeToInstant(day, time, timeZone).getTime();
      if (at >= from.getTime() && at < to.getTime()) seen.add(at);
    }
  }
  return [...seen].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** The UTC span of local calendar days: [start of `day`, start of the day `days` later). */
export function localDaysSpan(day: string, timeZone: string, days = 1): { from: Date; to: Date } {
  return {
    from: wallTimeToInstant(day, '00:00', timeZone),
    to: wallTimeToInstant(addDays(day, days), '00:00', timeZone),
  };
}

/** The community's calendar day at an instant, 'YYYY-MM-DD'. */
export const localDay = (at: Date, timeZone: string) => wallClockAt(at, timeZone).day;

const MINUTE = 60_000;

/** A task still due and not done this long (its grace) after it was due. */
export function isOverdue(task: { status: string; dueAt: Date; graceMinutes: number }, now: Date): boolean {
  return task.status === 'due' && now.getTime() > task.dueAt.getTime() + task.graceMinutes * MINUTE;
}

/**
 * Whether a task may be logged now: on its own local day or later (a late round still counts), and
 * before its time on that day (09:00's round done at 08:30), but never on an earlier day: tomorrow's
 * round done today would leave the area without a round tomorrow.
 */
export function mayLogNow(dueAt: Date, now: Date, timeZone: string): boolean {
  return localDay(dueAt, timeZone) <= localDay(now, timeZone);
}
