// The committee's week: Monday 00:00 to the next Monday 00:00 on the community's clock.
import { addDays, isoWeekday, wallClockAt } from '../shifts/zoned-time.ts';

/** The Monday of the week a calendar day falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The week a meeting looks back on by default: the one before the week it is held in. */
export function weekBefore(heldAt: Date, timeZone: string): string {
  return addDays(mondayOf(wallClockAt(heldAt, timeZone).day), -7);
}

/** The last day (Sunday) of the week starting on a Monday. */
export const sundayOf = (weekStart: string) => addDays(weekStart, 6);
