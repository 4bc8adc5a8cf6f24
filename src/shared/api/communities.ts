import { z } from 'zod';
import { ZRole, ZUuid, zText } from './common.ts';

export const ZCommunity = z.object({
  id: ZUuid,
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  roles: z.array(ZRole),
});
export type TCommunity = z.infer<typeof ZCommunity>;

export const ZCommunityList = z.object({ items: z.array(ZCommunity) });

export const ZCreateCommunityRequest = z.object({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'lowercase letters, digits and dashes' }),
  name: zText(100),
  timezone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), { message: 'unknown time zone' })
    .default('Asia/Shanghai'),
});
export type TCreateCommunityRequest = z.input<typeof ZCreateCommunityRequest>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZGroupCount = z.object({ key: z.string(), name: z.string(), volunteers: z.number().int() });

/** The "2+6+280" headline: committee cadres + social workers + volunteers. */
export const ZCommunityOverview = z.object({
  community: ZCommunity,
  people: z.object({
    cadres: z.number().int(),
    socialWorkers: z.number().int(),
    staff: z.number().int(),
    volunteers: z.number().int(),
    pendingVolunteers: z.number().int(),
  }),
  groups: z.array(ZGroupCount),
  registry: z.object({
    buildings: z.number().int(),
    households: z.number().int(),
    residents: z.number().int(),
    vulnerableResidents: z.number().int(),
  }),
});
export type TCommunityOverview = z.infer<typeof ZCommunityOverview>;
