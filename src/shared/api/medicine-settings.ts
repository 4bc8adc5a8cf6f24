import { z } from 'zod';

/** The longest deadline a community may set: one week. A request left longer is not being looked after. */
export const MEDICINE_DEADLINE_MAX_HOURS = 168;
export const MEDICINE_DEADLINE_MIN_HOURS = 1;

/**
 * How long the medicine group has for a request of each urgency, in whole hours
 * (communities.medicine_critical_hours / _high_hours / _normal_hours, defaults 12 / 24 / 72).
 */
export const ZMedicineSettings = z.object({
  criticalHours: z.number().int().min(MEDICINE_DEADLINE_MIN_HOURS).max(MEDICINE_DEADLINE_MAX_HOURS),
  highHours: z.number().int().min(MEDICINE_DEADLINE_MIN_HOURS).max(MEDICINE_DEADLINE_MAX_HOURS),
  normalHours: z.number().int().min(MEDICINE_DEADLINE_MIN_HOURS).max(MEDICINE_DEADLINE_MAX_HOURS),
});
export type TMedicineSettings = z.infer<typeof ZMedicineSettings>;

// The body takes any number, so that the service can refuse a bad one with one plain sentence in the
// caller's language (zod's own wording, "expected number to be <=168", is hard going).
const hours = z
  .number()
  .describe(
    `whole hours, ${MEDICINE_DEADLINE_MIN_HOURS}–${MEDICINE_DEADLINE_MAX_HOURS}; critical ≤ high ≤ normal`,
  );
export const ZSetMedicineSettings = z.object({
  criticalHours: hours,
  highHours: hours,
  normalHours: hours,
});
export type TSetMedicineSettings = z.infer<typeof ZSetMedicineSettings>;

/** The saved settings, and a reminder that only requests asked from now on get the new deadlines. */
export const ZSavedMedicineSettings = ZMedicineSettings.extend({
  appliesTo: z
    .literal('new_requests')
    .describe('requests already asked keep the deadline they were given; only new requests use these hours'),
});
export type TSavedMedicineSettings = z.infer<typeof ZSavedMedicineSettings>;
