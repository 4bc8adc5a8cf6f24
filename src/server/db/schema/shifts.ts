import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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
import { communityId, volunteerGroups, volunteers } from './community.ts';
import { accounts } from './platform.ts';

export const shifts = pgTable(
  'shifts',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    /** null: the shift is called by its group's name */
    title: text('title'),
    /** the template it was generated from; generating twice never makes a second shift */
    templateId: uuid('template_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    signupOpensAt: timestamp('signup_opens_at', { withTimezone: true }).notNull(),
    signupClosesAt: timestamp('signup_closes_at', { withTimezone: true }).notNull(),
    /** cancelling a sign-up is allowed until this many minutes before the start */
    cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull().default(120),
    mode: text('mode').notNull().default('first_come'),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('shifts_starts_idx').on(t.communityId, t.startsAt),
    uniqueIndex('shifts_template_start_key')
      .on(t.communityId, t.templateId, t.startsAt)
      .where(sql`${t.templateId} is not null`),
    foreignKey({
      columns: [t.communityId, t.groupId],
      foreignColumns: [volunteerGroups.communityId, volunteerGroups.id],
    }).onDelete('cascade'),
    check(
      'shifts_times_check',
      sql`${t.endsAt} > ${t.startsAt} and ${t.signupClosesAt} > ${t.signupOpensAt}`,
    ),
  ],
);

/** The places of a shift per role; `taken` counts confirmed sign-ups and can never pass capacity. */
export const shiftRoles = pgTable(
  'shift_roles',
  {
    communityId: communityId(),
    shiftId: uuid('shift_id').notNull(),
    role: text('role').notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.shiftId, t.role] }),
    foreignKey({
      columns: [t.communityId, t.shiftId],
      foreignColumns: [shifts.communityId, shifts.id],
    }).onDelete('cascade'),
    check('shift_roles_taken_check', sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
  ],
);

export const shiftSignups = pgTable(
  'shift_signups',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    shiftId: uuid('shift_id').notNull(),
    role: text('role').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** requested (a draw entry before the draw) | confirmed | waitlisted | cancelled */
    status: text('status').notNull(),
    /** order of arrival, for the waitlist */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    noShow: boolean('no_show').notNull().default(false),
    /** who checked the volunteer in (a leader or coordinator) */
    checkedInBy: uuid('checked_in_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    // one live sign-up per volunteer per shift; a cancelled one may be followed by a new one
    uniqueIndex('shift_signups_one_per_volunteer')
      .on(t.communityId, t.shiftId, t.volunteerId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('shift_signups_volunteer_idx').on(t.communityId, t.volunteerId),
    foreignKey({
      columns: [t.communityId, t.shiftId],
      foreignColumns: [shifts.communityId, shifts.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.volunteerId],
      foreignColumns: [volunteers.communityId, volunteers.id],
    }).onDelete('cascade'),
  ],
);

/** The first answer to a request sent with an Idempotency-Key, returned again for its retries. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    communityId: communityId(),
    accountId: uuid('account_id').notNull(),
    key: text('key').notNull(),
    operation: text('operation').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.accountId, t.key] })],
);

/**
 * A group's recurring shift: local times of day in the community's time zone, roles with capacities,
 * and when sign-up opens and closes relative to the start. `generateShifts` turns it into shifts.
 */
export const shiftTemplates = pgTable(
  'shift_templates',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    title: text('title'),
    /** HH:MM local; an end at or before the start ends the next day */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** [{ role, capacity }] in display order */
    roles: jsonb('roles').notNull(),
    /** sign-up opens this many days before the shift's day, at opensAt local time (e.g. 1 day, 20:00) */
    opensDaysBefore: integer('opens_days_before').notNull().default(1),
    opensAt: text('opens_at').notNull().default('20:00'),
    /** sign-up closes this many minutes before the start */
    closesMinutesBefore: integer('closes_minutes_before').notNull().default(60),
    cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull().default(120),
    mode: text('mode').notNull().default('first_come'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    foreignKey({
      columns: [t.communityId, t.groupId],
      foreignColumns: [volunteerGroups.communityId, volunteerGroups.id],
    }).onDelete('cascade'),
  ],
);

/** A fair draw, recorded so anyone can re-run it from its seed and get the same places. */
export const shiftDraws = pgTable(
  'shift_draws',
  {
    communityId: communityId(),
    shiftId: uuid('shift_id').notNull(),
    seed: text('seed').notNull(),
    /** the rule's key, e.g. `fewer_hours_7d` */
    rule: text('rule').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull(),
    /** the entrants in drawn order with their hours and outcome */
    results: jsonb('results').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.shiftId] }),
    foreignKey({
      columns: [t.communityId, t.shiftId],
      foreignColumns: [shifts.communityId, shifts.id],
    }).onDelete('cascade'),
  ],
);
