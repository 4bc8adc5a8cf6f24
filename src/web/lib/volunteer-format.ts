import type { Locale } from '../../shared/roles.ts';
import {
  AGE_BANDS,
  SKILL_LABELS,
  type SKILLS,
  VEHICLE_LABELS,
  type VEHICLES,
} from '../../shared/volunteers.ts';

export type Skill = (typeof SKILLS)[number];
export type Vehicle = (typeof VEHICLES)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

const pick = (labels: { zh: string; en: string }, locale: Locale) =>
  locale === 'zh-CN' ? labels.zh : labels.en;

export const skillLabel = (skill: Skill, locale: Locale) => pick(SKILL_LABELS[skill], locale);
export const vehicleLabel = (vehicle: Vehicle, locale: Locale) => pick(VEHICLE_LABELS[vehicle], locale);

/** "45-59" → "45–59岁" / "45–59"; a band the client does not know is shown as stored. */
export function ageBandLabel(band: string | null, locale: Locale): string {
  if (!band) return '';
  if (!(AGE_BANDS as readonly string[]).includes(band)) return band;
  if (band.endsWith('+'))
    return locale === 'zh-CN' ? `${band.slice(0, -1)}岁以上` : `${band.slice(0, -1)} and over`;
  const range = band.replace('-', '–');
  return locale === 'zh-CN' ? `${range}岁` : range;
}

/** Roles are typed by leaders ("分拣", "骑车配送"); the API's unnamed default role is "volunteer". */
export const DEFAULT_SHIFT_ROLE = 'volunteer';
export const isDefaultRole = (role: string) => role === DEFAULT_SHIFT_ROLE;
