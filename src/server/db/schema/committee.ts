import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { communityId } from './community.ts';
import { accounts } from './platform.ts';

/**
 * The branch committee's weekly meeting (支委会). `figures` is the agenda's snapshot of each group's
 * week (parcels, testing, medicine, group buys, volunteers), taken when the meeting is created and
 * refreshed on request; `agenda` and `minutes` are the secretary's text.
 */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    /** the first day (community time) of the week the figures cover */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    figures: jsonb('figures').notNull(),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    attendees: text('attendees').notNull().default(''),
    /** planned | held */
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('committee_meetings_held_idx').on(t.communityId, t.heldAt),
    check('committee_meetings_status_check', sql`${t.status} in ('planned', 'held')`),
  ],
);

/** A decision turned into work (决议事项): an owner, a due date, tracked until done. */
export const actionItems = pgTable(
  'action_items',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    ownerAccountId: uuid('owner_account_id')
      .notNull()
      .references(() => accounts.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** open | done | dropped */
    status: text('status').notNull().default('open'),
    note: text('note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('action_items_owner_idx').on(t.communityId, t.ownerAccountId, t.status),
    foreignKey({
      columns: [t.communityId, t.meetingId],
      foreignColumns: [committeeMeetings.communityId, committeeMeetings.id],
    }),
    check('action_items_status_check', sql`${t.status} in ('open', 'done', 'dropped')`),
  ],
);
