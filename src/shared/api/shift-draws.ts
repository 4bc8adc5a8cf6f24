import { z } from 'zod';
import { ZUuid } from './common.ts';

/** The rules a draw can follow; today one: fewer whole hours in the last 7 days first, ties at random. */
export const ZDrawRule = z.enum(['fewer_hours_7d']);
export type TDrawRule = z.infer<typeof ZDrawRule>;

export const ZDrawLine = z.object({
  role: z.string(),
  /** place in the role's ranking, 1 = first */
  rank: z.number().int(),
  /** hours served in the 7 days before the draw, to a tenth */
  hours: z.number(),
  /** the whole hours the ranking compares */
  wholeHours: z.number().int(),
  outcome: z.enum(['confirmed', 'waitlisted']),
  /** place on the waitlist the draw gave, 1 = next to move up; null when confirmed */
  position: z.number().int().nullable(),
  /** the caller's own line */
  mine: z.boolean(),
  /** shown only to coordinators and the group's leaders; others see ranks */
  name: z.string().nullable(),
});
export type TDrawLine = z.infer<typeof ZDrawLine>;

export const ZShiftDraw = z.object({
  shiftId: ZUuid,
  rule: ZDrawRule,
  /** pending: requests are being collected; drawn: the places are given */
  status: z.enum(['pending', 'drawn']),
  /** when sign-up closes, which is when the draw is made */
  drawAt: z.string(),
  /** requests so far (pending) or entrants of the draw (drawn) */
  requests: z.number().int(),
  /** free places per role at the draw (pending: now) */
  roles: z.array(z.object({ role: z.string(), places: z.number().int(), requests: z.number().int() })),
  drawnAt: z.string().nullable(),
  /** the recorded seed: the same seed and entrants give the same draw */
  seed: z.string().nullable(),
  /** grouped by role, each role in ranked order */
  results: z.array(ZDrawLine),
  namesShown: z.boolean(),
  /** re-running the draw from its record gave the recorded outcome; null before the draw */
  reproducible: z.boolean().nullable(),
});
export type TShiftDraw = z.infer<typeof ZShiftDraw>;
