import { z } from 'zod';
import { ZAttendanceFigures } from './attendance-figures.ts';
import { ZUuid } from './common.ts';
import { ZShift } from './shifts.ts';
import { ZVolunteerGroupRef, ZVolunteerStatus } from './volunteers.ts';

/**
 * When a leader may check people in: from this many minutes before the start until the end,
 * by the server's clock. Check-out stays possible until CHECK_OUT_GRACE_MINUTES after the end;
 * later, the shift's end counts (see the hours rule in server/features/shifts/attendance.repository.ts).
 */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;
export const CHECK_OUT_GRACE_MINUTES = 60;

export const ZRosterEntry = z.object({
  signupId: ZUuid,
  volunteerId: ZUuid,
  name: z.string(),
  /** shown only to those who run the shift (coordinators, staff, the group's leaders) */
  mobile: z.string().nullable(),
  role: z.string(),
  /** `requested`: a draw entry before the draw */
  status: z.enum(['confirmed', 'waitlisted', 'requested']),
  /** place on the waitlist, 1 = next to move up */
  position: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  noShow: z.boolean(),
  /** minutes counted so far by the hours rule */
  minutes: z.number().int(),
});
export type TRosterEntry = z.infer<typeof ZRosterEntry>;

export const ZShiftRoster = z.object({
  shift: ZShift.omit({ mine: true }),
  /** the server's clock, so the page shows whether check-in is open without trusting the phone's */
  now: z.string(),
  checkInOpensAt: z.string(),
  checkOutClosesAt: z.string(),
  /** false for those who may look but not check people in (committee staff) */
  canManage: z.boolean(),
  items: z.array(ZRosterEntry),
});
export type TShiftRoster = z.infer<typeof ZShiftRoster>;

/** Whom to check in or out: a sign-up tapped in the list, or the token read from a personal QR code. */
export const ZAttendanceAction = z
  .object({
    signupId: ZUuid.optional(),
    badgeToken: z.string().trim().min(1).max(100).optional(),
    /** take back a mistaken tap */
    undo: z.boolean().default(false),
  })
  .refine((b) => (b.signupId ? !b.badgeToken : Boolean(b.badgeToken)), {
    message: 'give either signupId or badgeToken',
    path: ['signupId'],
  });
export type TAttendanceAction = z.input<typeof ZAttendanceAction>;

export const ZNoShowAction = z.object({ signupId: ZUuid, undo: z.boolean().default(false) });
export type TNoShowAction = z.input<typeof ZNoShowAction>;

export const ZMyVolunteer = z.object({
  id: ZUuid,
  name: z.string(),
  status: ZVolunteerStatus,
  groups: z.array(ZVolunteerGroupRef),
  record: ZAttendanceFigures,
  /** what the personal QR code carries (see shared/badge.ts) */
  badgeToken: z.string(),
  /** path of the personal calendar feed: /api/calendar/<secret>.ics */
  calendarPath: z.string(),
  timeZone: z.string(),
});
export type TMyVolunteer = z.infer<typeof ZMyVolunteer>;

export const ZCalendarParams = z.object({ token: z.string().max(100) });
