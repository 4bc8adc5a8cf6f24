import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts, communities } from './platform.ts';
import { real } from './real.ts';

// Every key starts with community_id so that rows of one compound can never be
// joined to another's, and the schema can be distributed by community unchanged.

/** The first column of every community-owned table. */
export const communityId = () =>
  uuid('community_id')
    .notNull()
    .references(() => communities.id, { onDelete: 'cascade' });

export const gates = pgTable(
  'gates',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    x: real('x').notNull().default(0),
    y: real('y').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.id] }), unique('gates_code_key').on(t.communityId, t.code)],
);

export const zones = pgTable(
  'zones',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    gateId: uuid('gate_id'),
    color: text('color').notNull().default('#1677ff'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('zones_code_key').on(t.communityId, t.code),
    foreignKey({ columns: [t.communityId, t.gateId], foreignColumns: [gates.communityId, gates.id] }),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    zoneId: uuid('zone_id'),
    floors: integer('floors').notNull().default(6),
    x: real('x').notNull().default(0),
    y: real('y').notNull().default(0),
    relayResidentId: uuid('relay_resident_id'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('buildings_code_key').on(t.communityId, t.code),
    foreignKey({ columns: [t.communityId, t.zoneId], foreignColumns: [zones.communityId, zones.id] }),
  ],
);

export const households = pgTable(
  'households',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    buildingId: uuid('building_id').notNull(),
    room: text('room').notNull(),
    phone: text('phone'),
    size: integer('size').notNull().default(1),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('households_room_key').on(t.communityId, t.buildingId, t.room),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }).onDelete('cascade'),
  ],
);

export const residents = pgTable(
  'residents',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    householdId: uuid('household_id').notNull(),
    name: text('name').notNull(),
    sex: text('sex'),
    birthYear: integer('birth_year'),
    mobile: text('mobile'),
    flags: text('flags').array().notNull().default([]),
    note: text('note'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /**
     * The resident's personal code (a QR in the app, or on the household's printed card), scanned at
     * testing lanes; made the first time it is shown. Unguessable, so a code says who without a name.
     */
    personalCode: text('personal_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('residents_name_key').on(t.communityId, t.householdId, t.name),
    // A signed-in resident's household and relay buildings, read by the pages they open most.
    index('residents_account_idx').on(t.communityId, t.accountId).where(sql`${t.accountId} is not null`),
    uniqueIndex('residents_personal_code_key')
      .on(t.communityId, t.personalCode)
      .where(sql`${t.personalCode} is not null`),
    foreignKey({
      columns: [t.communityId, t.householdId],
      foreignColumns: [households.communityId, households.id],
    }).onDelete('cascade'),
  ],
);

export const volunteerGroups = pgTable(
  'volunteer_groups',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    /** caps per volunteer set by the leader, so places spread across people (null: no cap) */
    maxShiftsPerDay: integer('max_shifts_per_day'),
    maxShiftsPerWeek: integer('max_shifts_per_week'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('volunteer_groups_key').on(t.communityId, t.key),
  ],
);

export const volunteers = pgTable(
  'volunteers',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('pending'),
    partyMember: boolean('party_member').notNull().default(false),
    buildingId: uuid('building_id'),
    room: text('room'),
    workplace: text('workplace'),
    skills: text('skills').array().notNull().default([]),
    vehicles: text('vehicles').array().notNull().default([]),
    ageBand: text('age_band'),
    note: text('note'),
    callId: uuid('call_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** shown as the volunteer's personal QR code; a leader scans it to check them in */
    badgeToken: text('badge_token').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** the secret in the volunteer's calendar feed URL; reset to revoke */
    calendarToken: text('calendar_token').notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('volunteers_account_key').on(t.communityId, t.accountId),
    unique('volunteers_badge_key').on(t.communityId, t.badgeToken),
    // Unique within the community (a key that spreads by community_id); the feed's URL names only the
    // token, looked up through the plain index: 128 random bits do not repeat across communities.
    unique('volunteers_calendar_key').on(t.communityId, t.calendarToken),
    index('volunteers_calendar_idx').on(t.calendarToken),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
    }),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    communityId: communityId(),
    groupId: uuid('group_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.groupId, t.volunteerId] }),
    // A person's groups: read for every sign-up, and for a whole group at once before a rush.
    index('group_members_volunteer_idx').on(t.communityId, t.volunteerId),
    foreignKey({
      columns: [t.communityId, t.groupId],
      foreignColumns: [volunteerGroups.communityId, volunteerGroups.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.volunteerId],
      foreignColumns: [volunteers.communityId, volunteers.id],
    }).onDelete('cascade'),
  ],
);

/** A previewed roster upload, waiting to be committed (once) before it expires. */
export const rosterImports = pgTable(
  'roster_imports',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    /** the parsed roster (records and which columns the sheet has), as the preview showed it */
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.id] })],
);

/** A call for volunteers: a registration link (and its QR code) that a coordinator opens and closes. */
export const volunteerCalls = pgTable(
  'volunteer_calls',
  {
    communityId: communityId(),
    id: uuid('id').notNull().defaultRandom(),
    // the secret part of the public link /join/<community slug>/<token>
    token: text('token').notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.id] }),
    unique('volunteer_calls_token_key').on(t.communityId, t.token),
  ],
);
