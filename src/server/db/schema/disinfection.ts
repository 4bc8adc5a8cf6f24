import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { buildings, communityId, gates } from './community.ts';
import { accounts } from './platform.ts';
import { real } from './real.ts';
import { testingRounds } from './testing.ts';

/**
 * A place the disinfection group (消杀组) keeps clean: a building's lobby or lifts, a gate, a rubbish
 * point, the testing square. It sits on the site plan at its building or gate, or at its own x/y.
 * Its schedule: `daily` at each of `times` ('HH:MM', community time), `weekly` on `weekday`
 * (1 = Monday) at `times`, or `after_testing` (a task when each testing round ends).
 */
export const disinfectionAreas = pgTable(
  'disinfection_areas',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** lobby | lift | gate | rubbish | testing_square | other */
    kind: text('kind').notNull(),
    buildingId: uuid('building_id'),
    gateId: uuid('gate_id'),
    x: real('x'),
    y: real('y'),
    schedule: text('schedule').notNull().default('daily'),
    times: text('times').array().notNull().default(['09:00']),
    weekday: integer('weekday'),
    /** a task not done this long after it was due is overdue */
    graceMinutes: integer('grace_minutes').notNull().default(120),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('disinfection_areas_name_key').on(t.communityId, t.name),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.gateId],
      foreignColumns: [gates.communityId, gates.id],
    }).onDelete('cascade'),
    check(
      'disinfection_areas_kind_check',
      sql`${t.kind} in ('lobby', 'lift', 'gate', 'rubbish', 'testing_square', 'other')`,
    ),
    check('disinfection_areas_schedule_check', sql`${t.schedule} in ('daily', 'weekly', 'after_testing')`),
    check('disinfection_areas_weekday_check', sql`${t.weekday} is null or ${t.weekday} between 1 and 7`),
  ],
);

/** One due disinfection of an area, generated from its schedule; done with time, who, note, photo. */
export const disinfectionTasks = pgTable(
  'disinfection_tasks',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    areaId: uuid('area_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** the testing round that caused it, for `after_testing` areas */
    roundId: uuid('round_id'),
    /** due | done | skipped */
    status: text('status').notNull().default('due'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => accounts.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('disinfection_tasks_due_key').on(t.communityId, t.areaId, t.dueAt),
    index('disinfection_tasks_open_idx').on(t.communityId, t.status, t.dueAt),
    foreignKey({
      columns: [t.communityId, t.areaId],
      foreignColumns: [disinfectionAreas.communityId, disinfectionAreas.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.roundId],
      foreignColumns: [testingRounds.communityId, testingRounds.id],
    }),
    check('disinfection_tasks_status_check', sql`${t.status} in ('due', 'done', 'skipped')`),
  ],
);

/** The optional photo of a logged disinfection. */
export const disinfectionPhotos = pgTable(
  'disinfection_photos',
  {
    communityId: communityId(),
    taskId: uuid('task_id').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.taskId] }),
    foreignKey({
      columns: [t.communityId, t.taskId],
      foreignColumns: [disinfectionTasks.communityId, disinfectionTasks.id],
    }).onDelete('cascade'),
    check('disinfection_photos_mime_check', sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('disinfection_photos_bytes_check', sql`${t.bytes} > 0 and ${t.bytes} <= 10485760`),
  ],
);
