/**
 * How an area stands today, for the coverage view on the site plan: red when a round is overdue,
 * green when it was done today and nothing is waiting now, grey when a round is still to come (or is
 * due now, within its grace), and idle when it has no task at all (an `after_testing` area between
 * testing rounds).
 */
export type CoverageState = 'overdue' | 'done' | 'due' | 'idle';

export interface AreaDay {
  /** open rounds past their grace */
  overdue: number;
  /** rounds done today (community time) */
  doneToday: number;
  /** open rounds whose time has come but whose grace has not run out */
  dueNow: number;
  /** open rounds still to come */
  dueLater: number;
}

export function coverageState(day: AreaDay): CoverageState {
  if (day.overdue > 0) return 'overdue';
  if (day.dueNow > 0) return 'due';
  if (day.doneToday > 0) return 'done';
  return day.dueLater > 0 ? 'due' : 'idle';
}
