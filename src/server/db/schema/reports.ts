import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communityId } from './community.ts';
import { accounts } from './platform.ts';

/**
 * A compound's day report (日报), kept in history: the dashboard's figures at the end of the day,
 * the day's events and the problems still open. Made at the community's report time by a background
 * task, or on demand (a later one for the same day replaces it).
 */
export const dailyReports = pgTable(
  'daily_reports',
  {
    communityId: communityId(),
    /** the day in the community's time zone */
    day: date('day', { mode: 'string' }).notNull(),
    figures: jsonb('figures').notNull(),
    events: jsonb('events').notNull(),
    problems: jsonb('problems').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    /** null when made by the scheduled task */
    generatedBy: uuid('generated_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** scheduled | on_demand */
    trigger: text('trigger').notNull().default('scheduled'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day] })],
);
