import { addDays, daysBetween, isoWeekday, minutesOfDay, wallTimeToInstant } from './zoned-time.ts';

const MINUTE = 60_000;

export type ShiftMode = 'first_come' | 'draw';

export interface TemplateRole {
  role: string;
  capacity: number;
}

/** A group's recurring shift, in the community's local times ("HH:MM"). */
export interface ShiftTemplateSpec {
  startTime: string;
  /** at or before the start: the shift ends the next day */
  endTime: string;
  roles: readonly TemplateRole[];
  /** sign-up opens this many days before the shift's day, at `opensAt` (1 and "20:00": the evening before) */
  opensDaysBefore: number;
  opensAt: string;
  /** sign-up closes this many minutes before the start */
  closesMinutesBefore: number;
  cancelCutoffMinutes: number;
  mode: ShiftMode;
}

/** Local calendar days, both ends included; only the given ISO weekdays (1 = Monday) when named. */
export interface LocalDateRange {
  from: string;
  to: string;
  weekdays?: readonly number[];
}

export interface ShiftInstance {
  /** the local day the shift starts on */
  day: string;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelCutoffMinutes: number;
  mode: ShiftMode;
  roles: TemplateRole[];
}

/** Length of the shift on the clock face, in minutes; an end at or before the start is the next day. */
export function nominalMinutes(t: Pick<ShiftTemplateSpec, 'startTime' | 'endTime'>): number {
  const length = minutesOfDay(t.endTime) - minutesOfDay(t.startTime);
  return length > 0 ? length : length + 24 * 60;
}

/**
 * Minutes between sign-up opening and closing on the clock face. A template is only valid when this
 * is positive; the shared schema refuses the others.
 */
export function signupLeadMinutes(
  t: Pick<ShiftTemplateSpec, 'startTime' | 'opensDaysBefore' | 'opensAt' | 'closesMinutesBefore'>,
): number {
  return (
    t.opensDaysBefore * 24 * 60 + minutesOfDay(t.startTime) - minutesOfDay(t.opensAt) - t.closesMinutesBefore
  );
}

/**
 * The shifts a template makes over a range of local days, with their UTC instants. Pure and
 * deterministic: generating twice gives the same instants, which is what lets the database refuse
 * a second copy of a shift (one per template and start).
 */
export function generateShifts(
  template: ShiftTemplateSpec,
  range: LocalDateRange,
  timeZone: string,
): ShiftInstance[] {
  const wanted = range.weekdays?.length ? new Set(range.weekdays) : null;
  const overnight = minutesOfDay(template.endTime) <= minutesOfDay(template.startTime);
  const length = nominalMinutes(template) * MINUTE;
  const lead = Math.max(1, signupLeadMinutes(template)) * MINUTE;
  return daysBetween(range.from, range.to)
    .filter((day) => !wanted || wanted.has(isoWeekday(day)))
    .map((day) => {
      const startsAt = wallTimeToInstant(day, template.startTime, timeZone);
      let endsAt = wallTimeToInstant(overnight ? addDays(day, 1) : day, template.endTime, timeZone);
      // A clock change can fold a short shift onto itself; then it lasts as long as on the clock face.
      if (endsAt <= startsAt) endsAt = new Date(startsAt.getTime() + length);
      const signupClosesAt = new Date(startsAt.getTime() - template.closesMinutesBefore * MINUTE);
      let signupOpensAt = wallTimeToInstant(
        addDays(day, -template.opensDaysBefore),
        template.opensAt,
        timeZone,
      );
      // Likewise a clock change between opening and closing can eat a short lead: keep it as on the clock face.
      if (signupOpensAt >= signupClosesAt) signupOpensAt = new Date(signupClosesAt.getTime() - lead);
      return {
        day,
        startsAt,
        endsAt,
        signupOpensAt,
        signupClosesAt,
        cancelCutoffMinutes: template.cancelCutoffMinutes,
        mode: template.mode,
        roles: template.roles.map((r) => ({ role: r.role, capacity: r.capacity })),
      };
    });
}
