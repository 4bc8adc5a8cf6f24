import { z } from 'zod';

/**
 * A volunteer's (or a group's) record: shifts done, hours worked (to a tenth of an hour), no-shows.
 * Its own file so that volunteers.ts and attendance.ts can both use it without importing each other.
 */
export const ZAttendanceFigures = z.object({
  shiftsDone: z.number().int(),
  hours: z.number(),
  noShows: z.number().int(),
});
export type TAttendanceFigures = z.infer<typeof ZAttendanceFigures>;
