import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { buildings, communityId, gates, residents, zones } from './community.ts';
import { accounts } from './platform.ts';
import { real } from './real.ts';
import { shifts } from './shifts.ts';

/**
 * A mass-testing round (核酸) on the compound's testing site: lanes with a medic each, split between
 * gates; residents are called building by building, scanned into pooled tubes, and whoever is still
 * missing is visited at home.
 */
export const testingRounds = pgTable(
  'testing_rounds',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** draft → published (call-down told) → running → finished */
    status: text('status').notNull().default('draft'),
    /** residents per tube: 10-in-1 by default, 5-in-1 or 1-in-1 */
    pooling: integer('pooling').notNull().default(10),
    lanes: integer('lanes').notNull(),
    /** the planning assumptions the call-down plan and lane advice use */
    serviceMeanSeconds: real('service_mean_seconds').notNull().default(12.6),
    serviceSdSeconds: real('service_sd_seconds').notNull().default(4),
    switchSeconds: integer('switch_seconds').notNull().default(60),
    callIntervalSeconds: integer('call_interval_seconds').notNull().default(180),
    /** the testing group's shift whose volunteers are on duty */
    shiftId: uuid('shift_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('testing_rounds_starts_idx').on(t.communityId, t.startsAt),
    foreignKey({ columns: [t.communityId, t.shiftId], foreignColumns: [shifts.communityId, shifts.id] }),
    check('testing_rounds_status_check', sql`${t.status} in ('draft', 'published', 'running', 'finished')`),
    check('testing_rounds_pooling_check', sql`${t.pooling} in (1, 5, 10, 20)`),
    check('testing_rounds_lanes_check', sql`${t.lanes} between 1 and 50`),
  ],
);

/** A gate of the round: how many lanes serve it now and the most people allowed to wait there. */
export const testingRoundGates = pgTable(
  'testing_round_gates',
  {
    communityId: communityId(),
    roundId: uuid('round_id').notNull(),
    gateId: uuid('gate_id').notNull(),
    lanes: integer('lanes').notNull(),
    crowdLimit: integer('crowd_limit').notNull(),
    /** the last reported queue, kept with the gate so the live view reads one row */
    queue: integer('queue').notNull().default(0),
    queueAt: timestamp('queue_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.roundId, t.gateId] }),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.communityId, t.gateId], foreignColumns: [gates.communityId, gates.id] }),
    check('testing_round_gates_lanes_check', sql`${t.lanes} >= 0`),
    check('testing_round_gates_queue_check', sql`${t.queue} >= 0`),
  ],
);

/** Which gate a zone's residents use in this round (a round may differ from the zones' usual gate). */
export const testingRoundZones = pgTable(
  'testing_round_zones',
  {
    communityId: communityId(),
    roundId: uuid('round_id').notNull(),
    zoneId: uuid('zone_id').notNull(),
    gateId: uuid('gate_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.roundId, t.zoneId] }),
    foreignKey({
      columns: [t.communityId, t.roundId, t.gateId],
      foreignColumns: [testingRoundGates.communityId, testingRoundGates.roundId, testingRoundGates.gateId],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.communityId, t.zoneId], foreignColumns: [zones.communityId, zones.id] }),
  ],
);

/** The call-down plan (叫号): when each building is called to which gate. */
export const testingCalls = pgTable(
  'testing_calls',
  {
    communityId: communityId(),
    roundId: uuid('round_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    gateId: uuid('gate_id').notNull(),
    callAt: timestamp('call_at', { withTimezone: true }).notNull(),
    /** set when the building's residents and relay contact were told */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.roundId, t.buildingId] }),
    index('testing_calls_due_idx').on(t.communityId, t.callAt).where(sql`${t.notifiedAt} is null`),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }),
    foreignKey({ columns: [t.communityId, t.gateId], foreignColumns: [gates.communityId, gates.id] }),
  ],
);

/** Every queue report of a gate (a +/− tap or a typed number), for throughput and the report. */
export const testingQueueCounts = pgTable(
  'testing_queue_counts',
  {
    communityId: communityId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    roundId: uuid('round_id').notNull(),
    gateId: uuid('gate_id').notNull(),
    queue: integer('queue').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('testing_queue_counts_round_idx').on(t.communityId, t.roundId, t.recordedAt),
    foreignKey({
      columns: [t.communityId, t.roundId, t.gateId],
      foreignColumns: [testingRoundGates.communityId, testingRoundGates.roundId, testingRoundGates.gateId],
    }).onDelete('cascade'),
  ],
);

/** A lane moved between gates (潮汐车道): the lane history of the round. */
export const testingLaneSwitches = pgTable(
  'testing_lane_switches',
  {
    communityId: communityId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    roundId: uuid('round_id').notNull(),
    fromGateId: uuid('from_gate_id').notNull(),
    toGateId: uuid('to_gate_id').notNull(),
    lanes: integer('lanes').notNull().default(1),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    appliedBy: uuid('applied_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
  ],
);

/** A pooled tube: opened by scanning its barcode at a lane, closed when full (or by hand). */
export const testingTubes = pgTable(
  'testing_tubes',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    barcode: text('barcode').notNull(),
    /** the lane's gate, or null for a door-to-door team */
    gateId: uuid('gate_id'),
    lane: integer('lane'),
    capacity: integer('capacity').notNull(),
    samples: integer('samples').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedBy: uuid('opened_by').references(() => accounts.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    // a tube is used once, ever
    uniqueIndex('testing_tubes_barcode_key').on(t.communityId, t.barcode),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
    check('testing_tubes_samples_check', sql`${t.samples} >= 0 and ${t.samples} <= ${t.capacity}`),
  ],
);

/** One resident sampled in a round, into one tube: at a lane or at home. */
export const testingSamples = pgTable(
  'testing_samples',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    tubeId: uuid('tube_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    /** lane | home */
    place: text('place').notNull().default('lane'),
    sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => accounts.id),
    /** the scanning phone's id for this scan, so a replay after a signal loss lands once */
    clientKey: text('client_key'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    uniqueIndex('testing_samples_once_key').on(t.communityId, t.roundId, t.residentId),
    uniqueIndex('testing_samples_client_key')
      .on(t.communityId, t.clientKey)
      .where(sql`${t.clientKey} is not null`),
    index('testing_samples_tube_idx').on(t.communityId, t.tubeId),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.tubeId],
      foreignColumns: [testingTubes.communityId, testingTubes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.residentId],
      foreignColumns: [residents.communityId, residents.id],
    }).onDelete('cascade'),
    check('testing_samples_place_check', sql`${t.place} in ('lane', 'home')`),
  ],
);

/** The door-to-door list: residents who cannot come down, or were still missing, visited at home. */
export const testingHomeVisits = pgTable(
  'testing_home_visits',
  {
    communityId: communityId(),
    roundId: uuid('round_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    /** vulnerable (put on the list up front) | missing (sent from the coverage list) */
    reason: text('reason').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: uuid('added_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.roundId, t.residentId] }),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.residentId],
      foreignColumns: [residents.communityId, residents.id],
    }).onDelete('cascade'),
    check('testing_home_visits_reason_check', sql`${t.reason} in ('vulnerable', 'missing')`),
  ],
);
