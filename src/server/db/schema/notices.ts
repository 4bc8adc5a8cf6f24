import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
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
 * The outbox: one row per recipient and channel, written in the same transaction as the change that
 * causes the notice, then delivered (at least once, keyed by `id`) by the notice worker.
 */
export const outbox = pgTable(
  'outbox',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** the notice's template key (shared/i18n/notice-messages.ts), e.g. `shift.cancelled` */
    kind: text('kind').notNull(),
    params: jsonb('params').notNull(),
    /** the in-app path the notice is about */
    link: text('link'),
    /** critical notices ignore quiet hours */
    critical: boolean('critical').notNull().default(false),
    /** inbox | webhook */
    channel: text('channel').notNull(),
    /** pending | delivered | dead */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** The in-app inbox; a row's id is the outbox id it was delivered from, so redelivery is harmless. */
export const notifications = pgTable(
  'notifications',
  {
    communityId: communityId(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').notNull(),
    link: text('link'),
    critical: boolean('critical').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('notifications_account_idx').on(t.accountId, t.communityId, t.createdAt),
  ],
);

/**
 * What one person chose for one community: the external channels besides the inbox (the inbox is
 * always on) and quiet hours in the community's time zone ('HH:MM'; a span may pass midnight).
 * Non-critical notices to an external channel wait until the quiet hours end; critical ones do not.
 * No row: the defaults (every channel the community offers, no quiet hours).
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    communityId: communityId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    channels: text('channels').array().notNull().default([]),
    quietStart: text('quiet_start'),
    quietEnd: text('quiet_end'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.accountId] }),
    check('notification_preferences_quiet_check', sql`(${t.quietStart} is null) = (${t.quietEnd} is null)`),
  ],
);

/**
 * The community's external gateway (an SMS or WeChat gateway run by the district): notices of the
 * `webhook` channel are POSTed to `url` as JSON signed with HMAC-SHA256 over the body with `secret`.
 */
export const noticeGateways = pgTable('notice_gateways', {
  communityId: communityId().primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
});
