import { MAX_GENERATE_DAYS, type TCreateShiftTemplate } from '../../../shared/api/shift-templates.ts';
import { addDays } from '../../lib/time.ts';
import { DEFAULT_SHIFT_ROLE } from '../../lib/volunteer-format.ts';

/** The template form as typed: times of day on the community's clock. */
export interface TemplateFormValues {
  groupId?: string;
  title?: string;
  start: string;
  end: string;
  roles: { role?: string; capacity?: number }[];
  opensDaysBefore: number;
  opensAt: string;
  closesMinutesBefore: number;
  cancelCutoffMinutes: number;
  mode: 'first_come' | 'draw';
}

export type TemplateProblemKey = 'sameTime' | 'roleRequired' | 'roleDuplicate' | 'windowInvalid';
export interface TemplateProblem {
  field: (string | number)[];
  key: TemplateProblemKey;
}

/** The story's morning parcel round: sign-up opens at 20:00 the evening before. */
export const initialTemplateValues = (): TemplateFormValues => ({
  start: '08:00',
  end: '12:00',
  roles: [{ role: '', capacity: 3 }],
  opensDaysBefore: 1,
  opensAt: '20:00',
  closesMinutesBefore: 60,
  cancelCutoffMinutes: 120,
  mode: 'first_come',
});

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * When sign-up opens and closes for a shift on `day`, as days and times on the community's clock:
 * the example under the form, so "1 day, 20:00, 60 minutes" reads as dates a person can check.
 */
export function windowExample(v: TemplateFormValues, day: string) {
  const opens = { day: addDays(day, -(v.opensDaysBefore ?? 0)), time: v.opensAt };
  const closing = minutes(v.start) - (v.closesMinutesBefore ?? 0);
  const daysBack = Math.ceil(Math.max(0, -closing) / (24 * 60));
  const closes = { day: addDays(day, -daysBack), time: clock(closing + daysBack * 24 * 60) };
  const valid = `${opens.day} ${opens.time}` < `${closes.day} ${closes.time}`;
  return { opens, closes, valid };
}

/** The API's template from the form, or what is wrong with it (the server checks again). */
export function toCreateTemplate(
  v: TemplateFormValues,
): { template: TCreateShiftTemplate } | { problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  if (v.start === v.end) problems.push({ field: ['end'], key: 'sameTime' });
  const roles = v.roles.map((r) => ({ role: r.role?.trim() ?? '', capacity: r.capacity ?? 1 }));
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    if (roles.length > 1 && !r.role) problems.push({ field: ['roles', i, 'role'], key: 'roleRequired' });
    else if (r.role && seen.has(r.role)) problems.push({ field: ['roles', i, 'role'], key: 'roleDuplicate' });
    seen.add(r.role);
  });
  if (!windowExample(v, '2000-01-10').valid) problems.push({ field: ['opensAt'], key: 'windowInvalid' });
  if (problems.length > 0) return { problems };
  return {
    template: {
      groupId: v.groupId!,
      title: v.title?.trim() || undefined,
      startTime: v.start,
      endTime: v.end,
      roles: roles.map((r) => ({ role: r.role || DEFAULT_SHIFT_ROLE, capacity: r.capacity })),
      opensDaysBefore: v.opensDaysBefore,
      opensAt: v.opensAt,
      closesMinutesBefore: v.closesMinutesBefore,
      cancelCutoffMinutes: v.cancelCutoffMinutes,
      mode: v.mode,
    },
  };
}

/** A server field path ("startTime", "roles.1.role") as the form's field name. */
export function formField(path: string): (string | number)[] {
  const renamed: Record<string, string> = { startTime: 'start', endTime: 'end' };
  return path.split('.').map((part, i) => {
    if (i === 0) return renamed[part] ?? part;
    return /^\d+$/.test(part) ? Number(part) : part;
  });
}

/** The local days a generation covers: from–to, only the chosen ISO weekdays if any. */
export function daysToGenerate(from: string, to: string, weekdays: readonly string[]): string[] {
  const days: string[] = [];
  if (!from || !to || to < from) return days;
  for (let d = from; d <= to && days.length <= MAX_GENERATE_DAYS; d = addDays(d, 1)) {
    const weekday = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (weekdays.length === 0 || weekdays.includes(String(weekday))) days.push(d);
  }
  return days;
}

/** How many calendar days from–to spans, both included. */
export const spanDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
