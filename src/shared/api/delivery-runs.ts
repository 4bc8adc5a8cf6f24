import { z } from 'zod';
import { VEHICLES } from '../volunteers.ts';
import { ZUuid } from './common.ts';

/** The vehicle kinds of a delivery run: the same keys volunteers tick on their profile. */
export const ZVehicleKind = z.enum(VEHICLES);
export type VehicleKind = z.infer<typeof ZVehicleKind>;

/**
 * Parcels a vehicle carries at once unless the leader says otherwise: a loaded tricycle of the story,
 * an e-bike's box and rack, a bicycle's basket, a hand cart, a car's boot and back seat.
 */
export const DEFAULT_VEHICLE_CAPACITY: Record<VehicleKind, number> = {
  tricycle: 80,
  e_bike: 30,
  bicycle: 15,
  hand_cart: 40,
  car: 120,
};
export const VEHICLE_CAPACITY_MAX = 500;
/** More vehicles than any compound's crew: a bound on one request's work, not a rule of the story. */
export const VEHICLES_PER_PLAN_MAX = 40;

export const DELIVERY_RUN_STATUSES = ['planned', 'confirmed', 'started', 'done'] as const;
export const ZDeliveryRunStatus = z.enum(DELIVERY_RUN_STATUSES);

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day: YYYY-MM-DD' });

export const ZDeliveryVehicle = z.object({
  kind: ZVehicleKind,
  capacity: z.number().int().min(1).max(VEHICLE_CAPACITY_MAX),
  riderId: ZUuid.optional(),
});
export type TDeliveryVehicle = z.infer<typeof ZDeliveryVehicle>;

/** planDeliveryRuns: the waiting parcels of every known building, on the vehicles at hand. */
export const ZPlanDeliveryRuns = z
  .object({
    shiftId: ZUuid.optional(),
    gateId: ZUuid,
    vehicles: z.array(ZDeliveryVehicle).min(1).max(VEHICLES_PER_PLAN_MAX),
  })
  .strict();
export type TPlanDeliveryRuns = z.infer<typeof ZPlanDeliveryRuns>;

/**
 * moveDeliveryStop: one building of a draft to another draft run, or to a new run of a vehicle
 * (`toVehicle`), inserted where it adds the least distance.
 */
export const ZMoveDeliveryStop = z
  .object({
    planId: ZUuid,
    buildingId: ZUuid,
    toRunId: ZUuid.optional(),
    toVehicle: ZDeliveryVehicle.optional(),
  })
  .strict()
  .refine((b) => (b.toRunId === undefined) !== (b.toVehicle === undefined), {
    message: 'give either toRunId or toVehicle',
    path: ['toRunId'],
  });
export type TMoveDeliveryStop = z.infer<typeof ZMoveDeliveryStop>;

export const ZConfirmDeliveryRuns = z.object({ planId: ZUuid }).strict();
export type TConfirmDeliveryRuns = z.infer<typeof ZConfirmDeliveryRuns>;

export const ZDeliveryRunsQuery = z.object({ day: ZDay.optional() });

export const ZDeliveryStop = z.object({
  seq: z.number().int(),
  buildingId: ZUuid,
  buildingCode: z.string(),
  parcels: z.number().int(),
  x: z.number(),
  y: z.number(),
  deliveredAt: z.string().nullable(),
});
export type TDeliveryStop = z.infer<typeof ZDeliveryStop>;

export const ZDeliveryRun = z.object({
  id: ZUuid,
  planId: ZUuid,
  shiftId: ZUuid.nullable(),
  gateId: ZUuid.nullable(),
  seq: z.number().int(),
  vehicle: ZVehicleKind,
  capacity: z.number().int(),
  trip: z.number().int(),
  riderId: ZUuid.nullable(),
  riderName: z.string().nullable(),
  status: ZDeliveryRunStatus,
  load: z.number().int(),
  distanceM: z.number().int(),
  estimatedSeconds: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stops: z.array(ZDeliveryStop),
});
export type TDeliveryRun = z.infer<typeof ZDeliveryRun>;

export const ZDeliveryPlan = z.object({
  planId: ZUuid,
  /** 'planned' while it is a draft the leader may still change; 'confirmed' once parcels are on it */
  status: z.enum(['planned', 'confirmed']),
  gateId: ZUuid.nullable(),
  shiftId: ZUuid.nullable(),
  runs: z.array(ZDeliveryRun),
  totals: z.object({
    runs: z.number().int(),
    buildings: z.number().int(),
    parcels: z.number().int(),
    distanceM: z.number().int(),
    estimatedSeconds: z.number().int(),
  }),
});
export type TDeliveryPlan = z.infer<typeof ZDeliveryPlan>;

export const ZDeliveryRunList = z.object({ day: z.string(), runs: z.array(ZDeliveryRun) });
export type TDeliveryRunList = z.infer<typeof ZDeliveryRunList>;

export const ZPlanningVolunteer = z.object({
  /** the volunteer id, which a vehicle's riderId names */
  id: ZUuid,
  name: z.string(),
  /** the shift role they signed up for (e.g. 骑车配送) */
  role: z.string(),
  vehicles: z.array(ZVehicleKind),
});
export type TPlanningVolunteer = z.infer<typeof ZPlanningVolunteer>;

export const ZPlanningShift = z.object({
  id: ZUuid,
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  volunteers: z.array(ZPlanningVolunteer),
});
export type TPlanningShift = z.infer<typeof ZPlanningShift>;

/** getDeliveryPlanning: everything the leader's page needs to plan the runs of a shift. */
export const ZDeliveryPlanning = z.object({
  day: z.string(),
  /** the parcels group's shifts of the day (community time zone) */
  shifts: z.array(ZPlanningShift),
  /** the shift on now, else the next one today; null when none is left */
  currentShiftId: ZUuid.nullable(),
  /** every approved volunteer of the parcels group: who can ride when no shift is chosen (e.g. after the last one) */
  groupRiders: z.array(ZPlanningVolunteer),
  vehicleKinds: z.array(z.object({ kind: ZVehicleKind, capacity: z.number().int() })),
  gates: z.array(z.object({ id: ZUuid, code: z.string(), name: z.string(), x: z.number(), y: z.number() })),
  /** every building (the map draws them all), with its waiting parcels */
  buildings: z.array(
    z.object({ id: ZUuid, code: z.string(), x: z.number(), y: z.number(), waiting: z.number().int() }),
  ),
  /** waiting parcels whose building is unknown: no run can take them until someone places them */
  unassignedWaiting: z.number().int(),
  draft: ZDeliveryPlan.nullable(),
  /** runs of the day already confirmed (and those started or done) */
  confirmed: z.array(ZDeliveryRun),
});
export type TDeliveryPlanning = z.infer<typeof ZDeliveryPlanning>;

/** Live event: a draft was planned or changed, or a plan was confirmed ({ planId, status }). */
export const DELIVERY_RUNS_CHANGED = 'delivery_runs.changed';
