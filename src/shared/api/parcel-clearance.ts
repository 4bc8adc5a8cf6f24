import { z } from 'zod';
import { isCalendarDay, ZUuid, zText } from './common.ts';
import { ZParcelStatus } from './parcels.ts';

/** A calendar day "YYYY-MM-DD" that exists (no 31 February). */
export const ZParcelDayDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day: YYYY-MM-DD' })
  .refine(isCalendarDay, {
    message: 'day: not a calendar day',
  });

/**
 * The figures of one bin (a building, or the unassigned bin) or of the whole compound for a day.
 * `received`, `delivered` and `pickedUp` count what happened on that local day; `waiting`, `onRun`
 * and `flagged` are the parcels' current state, counting parcels received on or before the day.
 */
export const ZClearanceCounts = z.object({
  /** parcels recorded at the gate on the day */
  received: z.number().int(),
  /** parcels of earlier days not yet delivered to their building (already counted in waiting or onRun) */
  carriedOver: z.number().int(),
  /** in the bin at the gate, not yet on a run */
  waiting: z.number().int(),
  /** on a confirmed run, not yet delivered to the building */
  onRun: z.number().int(),
  /** delivered to their building during the day */
  delivered: z.number().int(),
  /** picked up by the household during the day */
  pickedUp: z.number().int(),
  /** delivered, not picked up, and reminded already (overdue) */
  flagged: z.number().int(),
  /** arrival of the oldest parcel not yet delivered to its building (waiting or on a run) */
  oldestWaitingAt: z.string().nullable(),
});
export type TClearanceCounts = z.infer<typeof ZClearanceCounts>;

export const ZClearanceBin = ZClearanceCounts.extend({
  /** null: the unassigned bin */
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
});
export type TClearanceBin = z.infer<typeof ZClearanceBin>;

/** Where the volunteer-hours of a day come from: check-ins, sign-ups, both (per shift), or no shift. */
export const HOURS_BASES = ['attendance', 'signed_up', 'mixed', 'none'] as const;
export const ZHoursBasis = z.enum(HOURS_BASES);

/** A parcel left over when its day was closed, with the reason given. */
export const ZLeftOverParcel = z.object({
  parcelId: ZUuid,
  waybill: z.string().nullable(),
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  reason: z.string(),
});

/** The figures of a day as recorded when it was closed (parcel_days.figures). */
export const ZParcelDayFigures = z.object({
  received: z.number().int(),
  carriedOver: z.number().int(),
  delivered: z.number().int(),
  pickedUp: z.number().int(),
  leftOver: z.number().int(),
  volunteerHours: z.number(),
  hoursBasis: ZHoursBasis,
  deliveredPerVolunteerHour: z.number().nullable(),
  medianMinutesToBuilding: z.number().nullable(),
  leftovers: z.array(ZLeftOverParcel),
});
export type TParcelDayFigures = z.infer<typeof ZParcelDayFigures>;

export const ZParcelDayClosure = z.object({
  closedAt: z.string(),
  closedById: ZUuid.nullable(),
  closedByName: z.string().nullable(),
  figures: ZParcelDayFigures,
});

export const ZClearanceBoardQuery = z.object({ day: ZParcelDayDate.optional() });
export const ZClearanceBoard = z.object({
  day: z.string(),
  /** the community's today, for the day picker */
  today: z.string(),
  timeZone: z.string(),
  compound: ZClearanceCounts,
  unassigned: ZClearanceBin,
  /** every building of the compound, in building order */
  buildings: z.array(ZClearanceBin),
  /** null while the day is open */
  closure: ZParcelDayClosure.nullable(),
});
export type TClearanceBoard = z.infer<typeof ZClearanceBoard>;

/** A parcel not yet delivered to its building on (or carried into) a day: it needs a reason to close. */
export const ZOutstandingParcel = z.object({
  id: ZUuid,
  waybill: z.string().nullable(),
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  status: ZParcelStatus,
  /** the day it was received: earlier than the asked day when carried over */
  day: z.string(),
  receivedAt: z.string(),
  /** the reason given when an earlier day was closed, if any */
  leftOverReason: z.string().nullable(),
});
export type TOutstandingParcel = z.infer<typeof ZOutstandingParcel>;

/** The most leftover parcels one close may name; more means the day is far from cleared. */
export const PARCEL_DAY_MAX_LEFTOVERS = 3000;

export const ZParcelDayParams = z.object({ communityId: ZUuid, day: ZParcelDayDate });
export const ZOutstandingParcels = z.object({
  day: z.string(),
  parcels: z.array(ZOutstandingParcel),
});
export type TOutstandingParcels = z.infer<typeof ZOutstandingParcels>;

export const ZCloseParcelDay = z
  .object({
    day: ZParcelDayDate,
    reasons: z
      .array(z.object({ parcelId: ZUuid, reason: zText(200) }).strict())
      .max(PARCEL_DAY_MAX_LEFTOVERS)
      .default([]),
  })
  .strict();
export type TCloseParcelDay = z.infer<typeof ZCloseParcelDay>;
export const ZClosedParcelDay = z.object({
  day: z.string(),
  closedAt: z.string(),
  figures: ZParcelDayFigures,
});
export type TClosedParcelDay = z.infer<typeof ZClosedParcelDay>;

/** One day of the history: closed days as recorded, open days computed now. */
export const ZParcelDaySummary = z.object({
  day: z.string(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  received: z.number().int(),
  delivered: z.number().int(),
  pickedUp: z.number().int(),
  /** parcels left over with a reason when the day was closed; null while open */
  leftOver: z.number().int().nullable(),
  volunteerHours: z.number(),
  hoursBasis: ZHoursBasis,
  deliveredPerVolunteerHour: z.number().nullable(),
  medianMinutesToBuilding: z.number().nullable(),
});
export type TParcelDaySummary = z.infer<typeof ZParcelDaySummary>;

/** The longest history one request may ask for. */
export const PARCEL_HISTORY_MAX_DAYS = 366;
export const ZParcelDaysQuery = z.object({ from: ZParcelDayDate.optional(), to: ZParcelDayDate.optional() });
export const ZParcelDays = z.object({
  from: z.string(),
  to: z.string(),
  /** oldest first */
  days: z.array(ZParcelDaySummary),
});
export type TParcelDays = z.infer<typeof ZParcelDays>;

/** Live event: a day was closed ({ day }); boards and histories refetch. */
export const PARCEL_DAY_CLOSED = 'parcels.day_closed';

/** The reasons a leader picks from for a leftover parcel; anything else is typed. */
export const LEFTOVER_REASON_CHOICES = ['recipient_away', 'address_unclear', 'damaged'] as const;
