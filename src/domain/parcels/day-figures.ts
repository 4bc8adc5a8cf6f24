/**
 * The figures of a parcel day (日清日结) that are arithmetic rather than counting: the volunteer-hours
 * of the parcels group's shifts, and parcels delivered per volunteer-hour.
 *
 * Hours of one shift: when attendance was taken on it (anyone checked in or marked a no-show), the
 * minutes worked by the hours rule (domain/shifts/attendance.ts); otherwise the places signed up,
 * each for the shift's whole length. A day whose shifts all have attendance is on the 'attendance'
 * basis, none 'signed_up', some 'mixed'; a day without shifts has no hours ('none').
 */

export interface ShiftHoursInput {
  /** the shift's length in minutes */
  lengthMinutes: number;
  /** confirmed sign-ups */
  signedUp: number;
  /** whether anyone was checked in or marked a no-show on the shift */
  attendanceTaken: boolean;
  /** minutes worked by the hours rule over the shift's sign-ups */
  workedMinutes: number;
}

export type HoursBasis = 'attendance' | 'signed_up' | 'mixed' | 'none';

export function volunteerHours(shifts: readonly ShiftHoursInput[]): { hours: number; basis: HoursBasis } {
  if (shifts.length === 0) return { hours: 0, basis: 'none' };
  let minutes = 0;
  let attended = 0;
  for (const shift of shifts) {
    if (shift.attendanceTaken) {
      attended++;
      minutes += Math.max(0, shift.workedMinutes);
    } else {
      minutes += Math.max(0, shift.signedUp) * Math.max(0, shift.lengthMinutes);
    }
  }
  const basis = attended === shifts.length ? 'attendance' : attended === 0 ? 'signed_up' : 'mixed';
  return { hours: roundTo(minutes / 60, 2), basis };
}

/** Parcels delivered per volunteer-hour, to a tenth; null when nobody worked (no division by zero). */
export function perVolunteerHour(delivered: number, hours: number): number | null {
  if (!(hours > 0)) return null;
  return roundTo(delivered / hours, 1);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
