import { z } from 'zod';
import { ZUuid } from './common.ts';
import { ZParcelStatus } from './parcels.ts';

/**
 * Riding a confirmed delivery run, the pickup notices with their codes, and the pickup itself
 * (issue 5, items 3 and 4). Run statuses: planned → confirmed → started → done.
 */
export const RUN_STATUSES = ['planned', 'confirmed', 'started', 'done'] as const;
export const ZRunStatus = z.enum(RUN_STATUSES);

/** Four digits, told per building: a code is unique among the building's parcels not yet picked up. */
export const ZPickupCode = z
  .string()
  .trim()
  .regex(/^\d{4}$/, { message: 'code: 4 digits' });

/** The last four characters of a waybill: enough to tell one's parcels apart, no more. */
export const waybillTail = (waybill: string | null) => (waybill ? waybill.slice(-4) : null);

export const ZRunParams = z.object({ communityId: ZUuid, runId: ZUuid });
export const ZRunStopParams = z.object({
  communityId: ZUuid,
  runId: ZUuid,
  seq: z.coerce.number().int().min(0).max(10_000),
});

/** One parcel as the rider, the pickup desk and the household see it. */
export const ZRideParcel = z.object({
  id: ZUuid,
  waybill: z.string().nullable(),
  status: ZParcelStatus,
  deliveredAt: z.string().nullable(),
  pickedUpAt: z.string().nullable(),
  /** re-notified after the community's reminder time without pickup: shown flagged */
  reminded: z.boolean(),
});
export type TRideParcel = z.infer<typeof ZRideParcel>;

/** The parcels of one pickup code at a stop: a household's, a room's, or a lone parcel's. */
export const ZStopRoom = z.object({
  room: z.string().nullable(),
  householdId: ZUuid.nullable(),
  /** null until the stop is delivered */
  pickupCode: z.string().nullable(),
  /** whether somebody of the household can sign in and so gets the notice directly */
  hasAccount: z.boolean(),
  parcels: z.array(ZRideParcel),
});
export type TStopRoom = z.infer<typeof ZStopRoom>;

export const ZRunStop = z.object({
  seq: z.number().int(),
  buildingId: ZUuid,
  buildingCode: z.string(),
  x: z.number(),
  y: z.number(),
  parcels: z.number().int(),
  deliveredAt: z.string().nullable(),
  rooms: z.array(ZStopRoom),
});
export type TRunStop = z.infer<typeof ZRunStop>;

export const ZRiderRun = z.object({
  id: ZUuid,
  planId: ZUuid,
  seq: z.number().int(),
  trip: z.number().int(),
  vehicle: z.string(),
  status: ZRunStatus,
  load: z.number().int(),
  distanceM: z.number().int(),
  estimatedSeconds: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  gate: z.object({ x: z.number(), y: z.number() }).nullable(),
  stops: z.array(ZRunStop),
  /** the first stop not yet delivered, in riding order; null when all are */
  nextStopSeq: z.number().int().nullable(),
});
export type TRiderRun = z.infer<typeof ZRiderRun>;

/** listMyRuns: the rider's runs of today, with the site plan to draw them on. */
export const ZMyRuns = z.object({
  runs: z.array(ZRiderRun),
  buildings: z.array(z.object({ id: ZUuid, code: z.string(), x: z.number(), y: z.number() })),
});
export type TMyRuns = z.infer<typeof ZMyRuns>;

/** markStopDelivered: what was delivered and who was told; the same answer when asked again. */
export const ZStopDelivered = z.object({
  runId: ZUuid,
  seq: z.number().int(),
  buildingId: ZUuid,
  buildingCode: z.string(),
  deliveredAt: z.string(),
  runStatus: ZRunStatus,
  rooms: z.array(ZStopRoom),
  /** households told directly (someone of the household has an account) */
  householdsNotified: z.number().int(),
  /** whether the building has a relay contact who can sign in, and so was told */
  relayNotified: z.boolean(),
});
export type TStopDelivered = z.infer<typeof ZStopDelivered>;

/**
 * confirmPickup: a resident for their own household (optionally only some parcels), or a volunteer,
 * committee staff or the building's relay contact with the building and the pickup code.
 */
export const ZConfirmPickup = z.discriminatedUnion('by', [
  z.object({ by: z.literal('household'), parcelIds: z.array(ZUuid).min(1).max(200).optional() }).strict(),
  z.object({ by: z.literal('code'), buildingId: ZUuid, code: ZPickupCode }).strict(),
]);
export type TConfirmPickup = z.infer<typeof ZConfirmPickup>;

export const ZPickupQuery = z.object({ buildingId: ZUuid, code: ZPickupCode });
export type TPickupQuery = z.infer<typeof ZPickupQuery>;

/** The parcels of a pickup: a code's parcels (looked up or picked up), or a household's. */
export const ZPickup = z.object({
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  /** the pickup code asked for; null for a household's own confirmation */
  code: z.string().nullable(),
  parcels: z.array(ZRideParcel.extend({ buildingCode: z.string().nullable(), room: z.string().nullable() })),
});
export type TPickup = z.infer<typeof ZPickup>;

/** listMyParcels: the signed-in resident's household parcels, and what they hand over as relay contact. */
export const ZMyParcel = ZRideParcel.extend({
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  receivedAt: z.string(),
  /** only while delivered and not yet picked up */
  pickupCode: z.string().nullable(),
});
export type TMyParcel = z.infer<typeof ZMyParcel>;
export const ZMyParcels = z.object({
  households: z.array(z.object({ id: ZUuid, buildingCode: z.string(), room: z.string() })),
  parcels: z.array(ZMyParcel),
  /** buildings whose relay contact (楼组长) this person is: they may mark pickups there by code */
  relayBuildings: z.array(z.object({ id: ZUuid, code: z.string() })),
});
export type TMyParcels = z.infer<typeof ZMyParcels>;

/**
 * Live event: parcels changed status at a building (delivered, picked up, reminded), { buildingId,
 * runId? }: the rider's page, the pickup desk, the boards and the resident's page refetch.
 */
export const PARCELS_STATUS = 'parcels.status';
