import { z } from 'zod';

/** How long after delivery to the building an uncollected parcel is flagged and its household told again. */
export const ZParcelSettings = z.object({
  reminderMinutes: z.number().int().min(30).max(2880),
});
export type TParcelSettings = z.infer<typeof ZParcelSettings>;
