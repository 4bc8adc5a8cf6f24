import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { buildings, communityId, gates, households, volunteers } from './community.ts';
import { groupBuys } from './group-buys.ts';
import { accounts } from './platform.ts';
import { shifts } from './shifts.ts';

/**
 * One parcel, from the gate to the resident's hands. A parcel whose building or room could not be
 * matched lands with `building_id` null ("unassigned") and a note, never lost. `day` is the local
 * day of receipt in the community's zone: the unit of 日清日结.
 */
export const parcels = pgTable(
  'parcels',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    /** Null for parcels recorded as "N parcels for building 12" without scanning. */
    waybill: text('waybill'),
    buildingId: uuid('building_id'),
    room: text('room'),
    householdId: uuid('household_id'),
    phoneTail: text('phone_tail'),
    /** waiting → on_run → delivered → picked_up; a parcel left over at a day's close keeps its status and gets left_over_reason, to be delivered the next day. */
    status: text('status').notNull().default('waiting'),
    source: text('source').notNull(),
    note: text('note'),
    day: date('day').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedBy: uuid('received_by').references(() => accounts.id),
    runId: uuid('run_id'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    pickupCode: text('pickup_code'),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    pickedUpBy: uuid('picked_up_by').references(() => accounts.id),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    leftOverReason: text('left_over_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('parcels_waybill_key').on(t.communityId, t.waybill).where(sql`${t.waybill} is not null`),
    index('parcels_day_idx').on(t.communityId, t.day, t.status),
    index('parcels_building_idx').on(t.communityId, t.buildingId, t.status),
    // A resident's own parcels (my-parcels), read on every open of the app.
    index('parcels_household_idx').on(t.communityId, t.householdId).where(sql`${t.householdId} is not null`),
    index('parcels_run_idx').on(t.communityId, t.runId).where(sql`${t.runId} is not null`),
    // The clearance board's day (and the dashboard's): what was delivered or picked up during it, and
    // what is still undelivered from before it, each read off a small index instead of the month's parcels.
    index('parcels_delivered_idx').on(t.communityId, t.deliveredAt).where(sql`${t.deliveredAt} is not null`),
    index('parcels_picked_up_idx').on(t.communityId, t.pickedUpAt).where(sql`${t.pickedUpAt} is not null`),
    index('parcels_outstanding_idx')
      .on(t.communityId, t.day)
      .where(sql`${t.status} in ('waiting', 'on_run', 'delivered')`),
    // The oldest parcel not yet at each building, for the board: one index probe per building.
    index('parcels_undelivered_by_building_idx')
      .on(t.communityId, t.buildingId, t.receivedAt)
      .where(sql`${t.status} in ('waiting', 'on_run')`),
    /** Pickup codes are told per building: a code is unique among the building's parcels not yet picked up. */
    index('parcels_pickup_code_idx')
      .on(t.communityId, t.buildingId, t.pickupCode)
      .where(sql`${t.status} = 'delivered'`),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }),
    foreignKey({
      columns: [t.communityId, t.householdId],
      foreignColumns: [households.communityId, households.id],
    }),
    check(
      'parcels_status_check',
      sql`${t.status} in ('waiting', 'on_run', 'delivered', 'picked_up', 'left_over')`,
    ),
    check('parcels_source_check', sql`${t.source} in ('scan', 'typed', 'batch', 'import')`),
  ],
);

/**
 * A trip of one vehicle from the depot (a gate) through an ordered list of buildings and back,
 * planned for a shift, confirmed by the parcels leader, then ridden by a rider.
 */
export const deliveryRuns = pgTable(
  'delivery_runs',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    /** Runs planned together share a plan id; confirming a plan replaces its earlier drafts. */
    planId: uuid('plan_id').notNull(),
    shiftId: uuid('shift_id'),
    /** set for the runs that bring a group buy's goods to the buildings; null for parcel runs */
    groupBuyId: uuid('group_buy_id'),
    seq: integer('seq').notNull(),
    /** the gate the run leaves from and returns to (the depot) */
    gateId: uuid('gate_id'),
    /** a vehicle's first run of the plan is trip 1, its next trip 2, … */
    trip: integer('trip').notNull().default(1),
    /** tricycle, e_bike, bicycle, hand_cart, private_car */
    vehicle: text('vehicle').notNull(),
    capacity: integer('capacity').notNull(),
    riderId: uuid('rider_id'),
    /** planned → confirmed → started → done */
    status: text('status').notNull().default('planned'),
    load: integer('load').notNull(),
    distanceM: integer('distance_m').notNull(),
    estimatedSeconds: integer('estimated_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('delivery_runs_plan_idx').on(t.communityId, t.planId),
    foreignKey({ columns: [t.communityId, t.shiftId], foreignColumns: [shifts.communityId, shifts.id] }),
    foreignKey({
      columns: [t.communityId, t.groupBuyId],
      foreignColumns: [groupBuys.communityId, groupBuys.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.communityId, t.gateId], foreignColumns: [gates.communityId, gates.id] }),
    foreignKey({
      columns: [t.communityId, t.riderId],
      foreignColumns: [volunteers.communityId, volunteers.id],
    }),
    check('delivery_runs_status_check', sql`${t.status} in ('planned', 'confirmed', 'started', 'done')`),
  ],
);

/** A building on a run, in riding order, with the parcels for it. */
export const deliveryRunStops = pgTable(
  'delivery_run_stops',
  {
    communityId: communityId(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    buildingId: uuid('building_id').notNull(),
    parcels: integer('parcels').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveredBy: uuid('delivered_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.runId, t.seq] }),
    foreignKey({
      columns: [t.communityId, t.runId],
      foreignColumns: [deliveryRuns.communityId, deliveryRuns.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }),
  ],
);

/** A closed day of the clearance board (日清日结), with the reasons for any parcel left over. */
export const parcelDays = pgTable(
  'parcel_days',
  {
    communityId: communityId(),
    day: date('day').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    closedBy: uuid('closed_by').references(() => accounts.id),
    figures: jsonb('figures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day] })],
);
