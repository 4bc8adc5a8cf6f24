/**
 * The arithmetic of the dashboard's trends (issue 10, item 2): values per local day over a run of
 * days, medians, and how many parcels were still on their way at the end of each day. Pure: the
 * server reads the rows, this turns them into series.
 */

export interface DayValue<V = number> {
  day: string;
  value: V;
}

/** One value per day, in the order of `days`; a day with nothing is 0. */
export function seriesOf(days: readonly string[], perDay: ReadonlyMap<string, number>): DayValue[] {
  return days.map((day) => ({ day, value: perDay.get(day) ?? 0 }));
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const roundToTenth = (n: number) => Math.round(n * 10) / 10;

/**
 * Parcels grouped by the local day they came in and the local day they left the gate's hands
 * (reached their building or were picked up; null: not yet), with how many share both days.
 */
export interface ParcelSpan {
  receivedDay: string;
  leftDay: string | null;
  parcels: number;
}

/**
 * How many parcels were still not at their building at the end of each day: received on or before
 * the day and gone (if at all) only on a later day. "At the end of day D" is the instant the next
 * day starts, so a parcel received on D counts, and one that left on D does not. A difference array
 * over the days: +n from the first day it counts, −n from the day it left.
 */
export function waitingAtDayEnds(days: readonly string[], spans: readonly ParcelSpan[]): DayValue[] {
  const delta = new Array<number>(days.length + 1).fill(0);
  const firstAtOrAfter = (day: string) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const s of spans) {
    const from = firstAtOrAfter(s.receivedDay);
    // counted on the days before it left; the day it left no longer
    const until = s.leftDay === null ? days.length : firstAtOrAfter(s.leftDay);
    if (until <= from) continue;
    delta[from]! += s.parcels;
    delta[until]! -= s.parcels;
  }
  let running = 0;
  return days.map((day, i) => {
    running += delta[i]!;
    return { day, value: running };
  });
}
