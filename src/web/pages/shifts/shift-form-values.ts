import type { TCreateShift } from '../../../shared/api/shifts.ts';
import { addDays, wallClock, wallTimeToUtc } from '../../lib/time.ts';
import { DEFAULT_SHIFT_ROLE } from '../../lib/volunteer-format.ts';

/** The form as typed: days and times on the community's clock. */
export interface ShiftFormValues {
  groupId?: string;
  title?: string;
  date: string;
  start: string;
  end: string;
  roles: { role?: string; capacity?: number }[];
  opensDate: string;
  opensTime: string;
  closesDate?: string;
  closesTime?: string;
  cancelCutoffMinutes: number;
  /** first come, first served, or a draw at the close */
  mode?: 'first_come' | 'draw';
}

export type ProblemKey =
  | 'endsBeforeStart'
  | 'closesBeforeOpens'
  | 'closesAfterEnd'
  | 'inPast'
  | 'roleRequired'
  | 'roleDuplicate';
export interface FormProblem {
  field: (string | number)[];
  key: ProblemKey;
}

/** Tomorrow morning's parcel round (3 places, as in the story), with sign-up open from now. */
export function initialShiftValues(timeZone: string, now: number): ShiftFormValues {
  const today = wallClock(new Date(now), timeZone);
  return {
    date: addDays(today.day, 1),
    start: '08:00',
    end: '11:00',
    roles: [{ role: '', capacity: 3 }],
    opensDate: today.day,
    opensTime: today.time,
    cancelCutoffMinutes: 120,
    mode: 'first_come',
  };
}

/**
 * The API's shift from the form, or what is wrong with it. An end before the start is a night
 * shift ending the next day; sign-up closes at the start unless a time is given.
 */
export function toCreateShift(
  v: ShiftFormValues,
  timeZone: string,
  now: number,
): { shift: TCreateShift } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (v.end === v.start) problems.push({ field: ['end'], key: 'endsBeforeStart' });
  const startsAt = wallTimeToUtc(v.date, v.start, timeZone)!;
  const endsAt = wallTimeToUtc(v.end < v.start ? addDays(v.date, 1) : v.date, v.end, timeZone)!;
  const opensAt = wallTimeToUtc(v.opensDate, v.opensTime, timeZone)!;
  const closesAt = v.closesTime ? wallTimeToUtc(v.closesDate || v.date, v.closesTime, timeZone)! : startsAt;
  // A shift already over makes every window complaint noise; the date is what to fix.
  if (Date.parse(endsAt) <= now) problems.push({ field: ['date'], key: 'inPast' });
  else if (closesAt <= opensAt) {
    problems.push({ field: [v.closesTime ? 'closesTime' : 'opensTime'], key: 'closesBeforeOpens' });
  } else if (closesAt > endsAt) problems.push({ field: ['closesTime'], key: 'closesAfterEnd' });

  const roles = v.roles.map((r) => ({ role: r.role?.trim() ?? '', capacity: r.capacity ?? 1 }));
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    if (roles.length > 1 && !r.role) problems.push({ field: ['roles', i, 'role'], key: 'roleRequired' });
    else if (r.role && seen.has(r.role)) problems.push({ field: ['roles', i, 'role'], key: 'roleDuplicate' });
    seen.add(r.role);
  });
  if (problems.length > 0) return { problems };

  const named = roles.map((r) => ({ role: r.role || DEFAULT_SHIFT_ROLE, capacity: r.capacity }));
  return {
    shift: {
      groupId: v.groupId!,
      title: v.title?.trim() || undefined,
      role: named[0]!.role,
      capacity: named[0]!.capacity,
      roles: named.length > 1 ? named : undefined,
      startsAt,
      endsAt,
      signupOpensAt: opensAt,
      signupClosesAt: closesAt,
      cancelCutoffMinutes: v.cancelCutoffMinutes,
      // first come is the server's default: only a draw needs saying
      ...(v.mode === 'draw' ? { mode: 'draw' as const } : {}),
    },
  };
}

/** Where the API's field errors belong in this form. */
export const API_FIELDS: Record<string, (string | number)[]> = {
  groupId: ['groupId'],
  title: ['title'],
  startsAt: ['start'],
  endsAt: ['end'],
  signupOpensAt: ['opensTime'],
  signupClosesAt: ['closesTime'],
  cancelCutoffMinutes: ['cancelCutoffMinutes'],
  role: ['roles', 0, 'role'],
  capacity: ['roles', 0, 'capacity'],
  roles: ['roles', 0, 'role'],
};
