/**
 * The rules of the day of a shift, by the server's clock.
 *
 * Check-in is open from `opensMinutesBefore` the start until the end. Check-out needs a check-in and
 * stays open until `graceMinutes` after the end. A no-show can be marked once the shift has started.
 *
 * THE HOURS RULE (the same as workedMinutesSql in server/features/shifts/attendance.repository.ts):
 * minutes worked = check-out − check-in; someone checked in but not checked out counts up to the
 * shift's end (while the shift is still on, up to now). Nothing without a check-in, for a no-show,
 * for a sign-up without a confirmed place, or on a cancelled shift. Never negative.
 */

export type CheckInWindow = 'early' | 'open' | 'closed';

export function checkInWindow(
  now: Date,
  shift: { startsAt: Date; endsAt: Date },
  opensMinutesBefore: number,
): CheckInWindow {
  if (now.getTime() < checkInOpensAt(shift, opensMinutesBefore).getTime()) return 'early';
  if (now.getTime() > shift.endsAt.getTime()) return 'closed';
  return 'open';
}

export const checkInOpensAt = (shift: { startsAt: Date }, opensMinutesBefore: number) =>
  new Date(shift.startsAt.getTime() - opensMinutesBefore * 60_000);

export const checkOutClosesAt = (shift: { endsAt: Date }, graceMinutes: number) =>
  new Date(shift.endsAt.getTime() + graceMinutes * 60_000);

export interface Attendance {
  status: string;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  noShow: boolean;
}

/** Whole minutes worked on one sign-up by the hours rule. */
export function workedMinutes(a: Attendance, shift: { endsAt: Date; status: string }, now: Date): number {
  if (!a.checkedInAt || a.noShow || a.status !== 'confirmed' || shift.status === 'cancelled') return 0;
  const until = a.checkedOutAt ?? new Date(Math.min(shift.endsAt.getTime(), now.getTime()));
  return Math.max(0, Math.floor((until.getTime() - a.checkedInAt.getTime()) / 60_000));
}
