import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { communityId } from './community.ts';

/** The bin of parcels with no building: a primary key cannot hold null. */
export const UNASSIGNED_BIN = '00000000-0000-0000-0000-000000000000';

/**
 * How many parcels each bin holds of each kind, per local day: derived from `parcels` and kept by
 * its triggers (migration 0017), in the statement that changes a parcel, so the clearance board and
 * run planning read one row per building and kind however many parcels a day brings. The kinds:
 * - a parcel status (`waiting`, `on_run`, `delivered`, `picked_up`, `left_over`): parcels received
 *   on `day` now in that status;
 * - `flagged`: of those, delivered and reminded;
 * - `delivered_on`, `picked_up_on`: parcels whose delivery (pick-up) fell on `day` in the
 *   community's zone.
 * A tally that reaches zero is removed. Not part of a snapshot: a restore rebuilds it from the parcels.
 */
export const parcelTallies = pgTable(
  'parcel_tallies',
  {
    communityId: communityId(),
    kind: text('kind').notNull(),
    day: date('day').notNull(),
    /** The building's id, or UNASSIGNED_BIN. */
    bin: uuid('bin').notNull(),
    parcels: integer('parcels').notNull(),
  },
  // No check that a tally stays at or above zero: PostgreSQL checks an upsert's proposed row before it
  // finds the conflict, so adding -1 to a tally would fail it. bin-counts.test.ts holds them to a count.
  (t) => [primaryKey({ columns: [t.communityId, t.kind, t.day, t.bin] })],
);
