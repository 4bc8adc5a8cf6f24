import { z } from 'zod';
import { ZUuid, zText } from './common.ts';

export const ZShiftMode = z.enum(['first_come', 'draw']);
// requested: an entry for a draw-mode shift, waiting for the draw at the window's close
export const ZSignupStatus = z.enum(['confirmed', 'waitlisted', 'cancelled', 'requested']);
const ZInstant = z.iso.datetime({ offset: true });
const ZRoleName = z.string().trim().min(1).max(30);

export const ZCreateShift = z
  .object({
    groupId: ZUuid,
    title: zText(60).optional(),
    role: ZRoleName.default('volunteer'),
    capacity: z.number().int().min(1).max(1000),
    /** more roles with their own capacities, e.g. sorter ×1 and rider ×2 */
    roles: z
      .array(z.object({ role: ZRoleName, capacity: z.number().int().min(1).max(1000) }))
      .max(10)
      .optional(),
    startsAt: ZInstant,
    endsAt: ZInstant,
    signupOpensAt: ZInstant,
    signupClosesAt: ZInstant,
    cancelCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(120),
    mode: ZShiftMode.default('first_come'),
  })
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), {
    message: 'ends before it starts',
    path: ['endsAt'],
  })
  .refine((s) => new Date(s.signupClosesAt) > new Date(s.signupOpensAt), {
    message: 'sign-up closes before it opens',
    path: ['signupClosesAt'],
  })
  .refine((s) => new Date(s.signupClosesAt) <= new Date(s.endsAt), {
    message: 'sign-up must close before the shift ends',
    path: ['signupClosesAt'],
  });
export type TCreateShift = z.input<typeof ZCreateShift>;

export const ZShiftRole = z.object({
  role: z.string(),
  capacity: z.number().int(),
  taken: z.number().int(),
  waiting: z.number().int(),
  /** draw-mode shifts: requests waiting for the draw */
  requested: z.number().int().optional(),
});
export const ZShift = z.object({
  id: ZUuid,
  groupId: ZUuid,
  groupName: z.string(),
  /** the group's stable key (parcels, testing, …), for icons and colours */
  groupKey: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
  cancelCutoffMinutes: z.number().int(),
  mode: ZShiftMode,
  status: z.enum(['open', 'cancelled']),
  roles: z.array(ZShiftRole),
  /** the caller's own sign-up, if any */
  mine: z.object({ signupId: ZUuid, role: z.string(), status: ZSignupStatus }).nullable(),
});
export type TShift = z.infer<typeof ZShift>;
export const ZShiftList = z.object({ items: z.array(ZShift) });
export const ZShiftQuery = z.object({
  groupId: ZUuid.optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TShiftQuery = z.infer<typeof ZShiftQuery>;

export const ZSignUp = z.object({ role: ZRoleName.optional(), waitlist: z.boolean().default(false) });
export type TSignUp = z.input<typeof ZSignUp>;
export const ZSignup = z.object({
  id: ZUuid,
  shiftId: ZUuid,
  role: z.string(),
  status: ZSignupStatus,
  /** position on the waitlist, 1 = next to move up */
  position: z.number().int().nullable(),
});
export type TSignup = z.infer<typeof ZSignup>;

export const ZMySignup = ZSignup.extend({ shift: ZShift.omit({ mine: true }) });
export const ZMySignupList = z.object({ items: z.array(ZMySignup) });

export const ZSetCapacity = z.object({ role: ZRoleName, capacity: z.number().int().min(0).max(1000) });
export const ZShiftParams = z.object({ communityId: ZUuid, shiftId: ZUuid });
export const ZSignupParams = z.object({ communityId: ZUuid, signupId: ZUuid });
