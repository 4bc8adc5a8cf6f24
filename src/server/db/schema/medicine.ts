import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { communityId, households, residents } from './community.ts';
import { accounts } from './platform.ts';
import { real } from './real.ts';

/** One drive to a hospital or pharmacy that serves several requests. */
export const medicineTrips = pgTable(
  'medicine_trips',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').notNull(),
    sourceKey: text('source_key').notNull(),
    driver: uuid('driver').references(() => accounts.id),
    /** planned → started → done */
    status: text('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    check('medicine_trips_status_check', sql`${t.status} in ('planned', 'started', 'done')`),
  ],
);

/**
 * A resident's need for medicine (配药): what, for whom, from where, and how long the current supply
 * lasts; triaged into an urgency with a deadline, then bought on a trip and delivered.
 */
export const medicineRequests = pgTable(
  'medicine_requests',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    /** the resident the medicine is for */
    residentId: uuid('resident_id').notNull(),
    requestedBy: uuid('requested_by').references(() => accounts.id),
    /** app (the resident), proxy (a volunteer or staff on their behalf), written (the written conversation) */
    intake: text('intake').notNull().default('app'),
    drugName: text('drug_name').notNull(),
    strength: text('strength'),
    quantity: text('quantity').notNull(),
    /** the usual hospital or pharmacy, as typed, and its key for grouping requests into trips */
    source: text('source'),
    sourceKey: text('source_key'),
    /** days the current supply lasts, as told at intake, and the moment it runs out */
    supplyDaysLeft: real('supply_days_left'),
    runsOutAt: timestamp('runs_out_at', { withTimezone: true }),
    chronic: boolean('chronic').notNull().default(false),
    /** can pay: yes, no, or on delivery */
    payment: text('payment').notNull().default('yes'),
    note: text('note'),
    /** critical | high | normal, with the rule or the leader's reason that set it */
    urgency: text('urgency').notNull(),
    urgencyReason: text('urgency_reason').notNull(),
    /** the entry of the critical-medicine list the drug matched, if any */
    matchedMedicine: text('matched_medicine'),
    urgencyOverriddenBy: uuid('urgency_overridden_by').references(() => accounts.id),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    /** 0 none, 1 the medicine leaders were pushed, 2 the coordinators too */
    escalation: integer('escalation').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    status: text('status').notNull().default('requested'),
    statusReason: text('status_reason'),
    assignedTo: uuid('assigned_to').references(() => accounts.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    tripId: uuid('trip_id'),
    /** what was bought, its cost in fen, and any substitution (another brand, fewer days) */
    bought: text('bought'),
    costCents: integer('cost_cents'),
    substitution: text('substitution'),
    substitutionConfirmedAt: timestamp('substitution_confirmed_at', { withTimezone: true }),
    /** days of supply delivered: when it runs out again, for the care follow-up */
    daysSupplied: real('days_supplied'),
    nextRunsOutAt: timestamp('next_runs_out_at', { withTimezone: true }),
    followUpRemindedAt: timestamp('follow_up_reminded_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('medicine_requests_open_idx')
      .on(t.communityId, t.deadlineAt)
      .where(sql`${t.status} not in ('confirmed', 'cancelled', 'unavailable')`),
    index('medicine_requests_household_idx').on(t.communityId, t.householdId, t.createdAt),
    index('medicine_requests_resident_idx').on(t.communityId, t.residentId, t.createdAt),
    foreignKey({
      columns: [t.communityId, t.householdId],
      foreignColumns: [households.communityId, households.id],
    }),
    foreignKey({
      columns: [t.communityId, t.residentId],
      foreignColumns: [residents.communityId, residents.id],
    }),
    foreignKey({
      columns: [t.communityId, t.tripId],
      foreignColumns: [medicineTrips.communityId, medicineTrips.id],
    }),
    check(
      'medicine_requests_status_check',
      sql`${t.status} in ('requested', 'triaged', 'assigned', 'purchasing', 'delivered', 'confirmed', 'cancelled', 'unavailable')`,
    ),
    check('medicine_requests_urgency_check', sql`${t.urgency} in ('critical', 'high', 'normal')`),
    check('medicine_requests_intake_check', sql`${t.intake} in ('app', 'proxy', 'written')`),
    check('medicine_requests_payment_check', sql`${t.payment} in ('yes', 'no', 'on_delivery')`),
    check('medicine_requests_cost_check', sql`${t.costCents} is null or ${t.costCents} >= 0`),
  ],
);

/** Every status change of a request, with who and why: the request's history. */
export const medicineRequestEvents = pgTable(
  'medicine_request_events',
  {
    communityId: communityId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: uuid('request_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('medicine_request_events_request_idx').on(t.communityId, t.requestId, t.at),
    foreignKey({
      columns: [t.communityId, t.requestId],
      foreignColumns: [medicineRequests.communityId, medicineRequests.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A photo on a request (prescription, insurance card, the box, the receipt, the delivery), kept in
 * the database so that it is served only through the API's access checks, never by a public URL.
 */
export const medicineAttachments = pgTable(
  'medicine_attachments',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    kind: text('kind').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('medicine_attachments_request_idx').on(t.communityId, t.requestId),
    foreignKey({
      columns: [t.communityId, t.requestId],
      foreignColumns: [medicineRequests.communityId, medicineRequests.id],
    }).onDelete('cascade'),
    check(
      'medicine_attachments_kind_check',
      sql`${t.kind} in ('prescription', 'insurance_card', 'box', 'receipt', 'delivery')`,
    ),
    check('medicine_attachments_mime_check', sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check('medicine_attachments_bytes_check', sql`${t.bytes} > 0 and ${t.bytes} <= 10485760`),
  ],
);

/** A call or visit to a vulnerable resident by the medicine group: the care list's last contact. */
export const careContacts = pgTable(
  'care_contacts',
  {
    communityId: communityId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    residentId: uuid('resident_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by').references(() => accounts.id),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    index('care_contacts_resident_idx').on(t.communityId, t.residentId, t.at),
    foreignKey({
      columns: [t.communityId, t.residentId],
      foreignColumns: [residents.communityId, residents.id],
    }).onDelete('cascade'),
    check('care_contacts_kind_check', sql`${t.kind} in ('call', 'visit', 'request', 'delivery')`),
  ],
);
