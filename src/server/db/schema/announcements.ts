import { sql } from 'drizzle-orm';
import {
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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { buildings, communityId } from './community.ts';
import { accounts } from './platform.ts';

/**
 * An announcement (通知公告) to everyone, some zones, some buildings, one volunteer group, or the
 * vulnerable residents only. `audienceIds` holds the zone, building or group ids the audience names.
 * Who it reached is fixed at publishing time in `announcement_recipients` (read receipts).
 */
export const announcements = pgTable(
  'announcements',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** all | zones | buildings | group | vulnerable */
    audience: text('audience').notNull(),
    audienceIds: uuid('audience_ids').array().notNull().default([]),
    pinned: boolean('pinned').notNull().default(false),
    /** shown on the community's public page (never for a group or the vulnerable only) */
    isPublic: boolean('is_public').notNull().default(true),
    /** also asks each targeted building's relay contact to pass it on (relay_tasks) */
    relay: boolean('relay').notNull().default(true),
    critical: boolean('critical').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** published | withdrawn */
    status: text('status').notNull().default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => accounts.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('announcements_published_idx').on(t.communityId, t.publishedAt),
    check(
      'announcements_audience_check',
      sql`${t.audience} in ('all', 'zones', 'buildings', 'group', 'vulnerable')`,
    ),
    check('announcements_status_check', sql`${t.status} in ('published', 'withdrawn')`),
  ],
);

/** The optional image of an announcement, served only through the API (and the public page). */
export const announcementImages = pgTable(
  'announcement_images',
  {
    communityId: communityId(),
    announcementId: uuid('announcement_id').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.announcementId] }),
    foreignKey({
      columns: [t.communityId, t.announcementId],
      foreignColumns: [announcements.communityId, announcements.id],
    }).onDelete('cascade'),
    check('announcement_images_mime_check', sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('announcement_images_bytes_check', sql`${t.bytes} > 0 and ${t.bytes} <= 5242880`),
  ],
);

/** Each account an announcement reached, with its building (for receipts per building) and reading. */
export const announcementRecipients = pgTable(
  'announcement_recipients',
  {
    communityId: communityId(),
    announcementId: uuid('announcement_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** the building the account lives in, when known (volunteers of a group may live anywhere) */
    buildingId: uuid('building_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.announcementId, t.accountId] }),
    index('announcement_recipients_account_idx').on(t.communityId, t.accountId),
    foreignKey({
      columns: [t.communityId, t.announcementId],
      foreignColumns: [announcements.communityId, announcements.id],
    }).onDelete('cascade'),
  ],
);

/**
 * "Tell your building" (楼组长转达): one per building and thing to pass on (an announcement, a
 * testing call, parcels waiting). The relay contact confirms it was passed on; unconfirmed past
 * `escalateAt` it goes to the publicity group, and residents with accounts are told directly.
 */
export const relayTasks = pgTable(
  'relay_tasks',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    buildingId: uuid('building_id').notNull(),
    /** announcement | testing_call | parcels */
    sourceType: text('source_type').notNull(),
    /** the announcement's or round's id, or for parcels the building's delivery day key */
    sourceId: text('source_id').notNull(),
    /** notice template key and params saying what to pass on (shared/i18n/notice-messages.ts) */
    kind: text('kind').notNull(),
    params: jsonb('params').notNull(),
    link: text('link'),
    /** the relay contact's account when the task was made; null when the building has none */
    relayAccountId: uuid('relay_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    escalateAt: timestamp('escalate_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => accounts.id, { onDelete: 'set null' }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('relay_tasks_source_key').on(t.communityId, t.sourceType, t.sourceId, t.buildingId),
    index('relay_tasks_due_idx')
      .on(t.escalateAt)
      .where(sql`${t.confirmedAt} is null and ${t.escalatedAt} is null`),
    index('relay_tasks_account_idx').on(t.communityId, t.relayAccountId, t.createdAt),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }).onDelete('cascade'),
    check('relay_tasks_source_check', sql`${t.sourceType} in ('announcement', 'testing_call', 'parcels')`),
  ],
);
