import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import { real } from './real.ts';

// Platform tables are not owned by one community: a person signs in once and may
// hold roles in several compounds. Everything a community owns lives elsewhere
// and carries community_id first in every key.

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    mobile: text('mobile'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    isDemo: boolean('is_demo').notNull().default(false),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('accounts_mobile_key').on(t.mobile),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not leak usable sessions
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.accountKey, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
  ],
);

export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    /** Parcels delivered to a building and not picked up after this long are flagged and re-notified. */
    parcelReminderMinutes: integer('parcel_reminder_minutes').notNull().default(240),
    /** Hours a medicine request of each urgency may take before it is overdue (issue 7 defaults). */
    medicineCriticalHours: integer('medicine_critical_hours').notNull().default(12),
    medicineHighHours: integer('medicine_high_hours').notNull().default(24),
    medicineNormalHours: integer('medicine_normal_hours').notNull().default(72),
    /** Minutes a relay contact has to confirm "passed on" before it goes to the publicity group. */
    relayEscalateMinutes: integer('relay_escalate_minutes').notNull().default(120),
    /** Local time ('HH:MM') the day report is made. */
    dailyReportTime: text('daily_report_time').notNull().default('21:00'),
    /** Where the compound is, for the street office's map (WGS-84); null until set. */
    latitude: real('latitude'),
    longitude: real('longitude'),
    /** The sub-district (街道) the compound belongs to, for the street view's grouping. */
    street: text('street'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('communities_slug_key').on(t.slug)],
);

export const memberships = pgTable(
  'memberships',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    // e.g. 居委干部 (committee cadre) or 社工 (social worker) for staff
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.accountId, t.role] }),
    index('memberships_account_idx').on(t.accountId),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    role: text('role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    summary: text('summary').notNull(),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.id] }), index('audit_log_at_idx').on(t.communityId, t.at)],
);
