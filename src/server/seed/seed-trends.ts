import { sql } from 'drizzle-orm';
import { createRandom } from '../../domain/random.ts';
import { addDays, wallClockAt, wallTimeToInstant } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

/** Days of parcel history before today, so the dashboard's trends and the clearance history have a past. */
export const HISTORY_DAYS = 13;
const SEED = 20_220_401;
const MINUTE = 60_000;

/**
 * The fortnight before the demo's today at the gate, as the story tells it: about 2,000 parcels a day
 * (fewer on the first days of the lockdown, more once group buying slowed), scanned in between 07:00
 * and 19:00, taken to their building within hours and picked up the same evening or the next day.
 * A few each day stayed at the gate overnight. Every one has been picked up by now, so nothing here
 * waits today; they are building bins only (no household), so no one's own parcel list changes.
 */
export async function seedParcelHistory(
  db: Db,
  row: { communityId: string; buildingIds: readonly string[]; timeZone: string; now: Date },
) {
  const { communityId, buildingIds, timeZone, now } = row;
  if (buildingIds.length === 0) return;
  const random = createRandom(SEED);
  const today = wallClockAt(now, timeZone).day;
  const weights = buildingIds.map(() => (random.chance(0.1) ? 5 : 1) * (0.5 + random.next()));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const pickBuilding = () => {
    let pick = random.next() * total;
    let b = 0;
    while (pick > weights[b]! && b < buildingIds.length - 1) pick -= weights[b++]!;
    return buildingIds[b]!;
  };
  // Columns as arrays, written by one statement (unnest): tens of thousands of rows as VALUES lists
  // cost the embedded database many times longer to bind than to store.
  const columns = {
    building: [] as string[],
    day: [] as string[],
    received: [] as string[],
    delivered: [] as string[],
    pickedUp: [] as string[],
  };
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    const opening = wallTimeToInstant(day, '07:00', timeZone).getTime();
    const ramp = Math.min(1, 0.75 + (HISTORY_DAYS - back) * 0.04);
    const count = Math.round((1_900 + random.int(0, 400)) * ramp);
    for (let i = 0; i < count; i++) {
      const receivedAt = opening + random.int(0, 12 * 60) * MINUTE;
      // most reach their building on the next run; one in fifty stays at the gate overnight
      const toBuilding = random.chance(0.02) ? random.int(14 * 60, 20 * 60) : random.int(40, 5 * 60);
      const deliveredAt = receivedAt + toBuilding * MINUTE;
      const pickedUpAt = deliveredAt + random.int(20, 16 * 60) * MINUTE;
      if (pickedUpAt >= now.getTime()) continue;
      columns.building.push(pickBuilding());
      columns.day.push(day);
      columns.received.push(new Date(receivedAt).toISOString());
      columns.delivered.push(new Date(deliveredAt).toISOString());
      columns.pickedUp.push(new Date(pickedUpAt).toISOString());
    }
  }
  const array = (values: string[], type: string) => sql`${`{${values.join(',')}}`}::${sql.raw(type)}`;
  await db.execute(sql`
    insert into ${t.parcels} (community_id, id, building_id, status, source, day, received_at, delivered_at, picked_up_at)
    select ${communityId}::uuid, gen_random_uuid(), h.building_id, 'picked_up', 'batch', h.day, h.received_at,
      h.delivered_at, h.picked_up_at
    from unnest(${array(columns.building, 'uuid[]')}, ${array(columns.day, 'date[]')},
      ${array(columns.received, 'timestamptz[]')}, ${array(columns.delivered, 'timestamptz[]')},
      ${array(columns.pickedUp, 'timestamptz[]')}) as h(building_id, day, received_at, delivered_at, picked_up_at)`);
}
