import { randomUUID } from 'node:crypto';
import { createRandom } from '../../domain/random.ts';
import { wallClockAt } from '../../domain/shifts/zoned-time.ts';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema/index.ts';

/** Parcels at the gate on a demo morning: the story's 600-a-day start, skewed towards a few buildings. */
const DEMO_PARCELS = 600;
const SEED = 20_220_410;

export interface DemoBuilding {
  id: string;
  households: { id: string; room: string }[];
}

/**
 * Today's waiting parcels, so the bins, the delivery-run planner and the clearance board have
 * something to show on first start. Deterministic apart from ids; received over the last hours.
 */
export async function seedDemoParcels(
  db: Db,
  row: { communityId: string; buildings: readonly DemoBuilding[]; timeZone: string; now: Date },
) {
  const { communityId, buildings, timeZone, now } = row;
  const random = createRandom(SEED);
  const day = wallClockAt(now, timeZone).day;
  // A few buildings get many parcels (a big family, a shop owner), most get a handful.
  const weights = buildings.map(() => (random.chance(0.1) ? 6 : 1) * (0.5 + random.next()));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const rows: (typeof t.parcels.$inferInsert)[] = [];
  for (let i = 0; i < DEMO_PARCELS; i++) {
    let pick = random.next() * total;
    let b = 0;
    while (pick > weights[b]! && b < buildings.length - 1) pick -= weights[b++]!;
    const building = buildings[b]!;
    const household = building.households.length > 0 ? random.pick(building.households) : null;
    const minutesAgo = random.int(5, 180);
    rows.push({
      communityId,
      id: randomUUID(),
      waybill: `SF${String(1_400_000_000 + i * 7919).padStart(12, '0')}`,
      buildingId: building.id,
      room: household?.room ?? null,
      householdId: household?.id ?? null,
      source: 'import',
      day,
      receivedAt: new Date(now.getTime() - minutesAgo * 60_000),
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(t.parcels).values(rows.slice(i, i + 500));
}

/**
 * A building's relay contact (楼组长): a resident of the building who can sign in, when there is one,
 * so the relay's notices reach someone in the demo; otherwise the building's first grown-up with a phone.
 */
export function chooseRelays(
  households: readonly {
    buildingCode: string;
    residents: { id: string; hasAccount: boolean; mobile: string | null }[];
  }[],
): Map<string, string> {
  const withAccount = new Map<string, string>();
  const withPhone = new Map<string, string>();
  for (const h of households)
    for (const r of h.residents) {
      if (r.hasAccount && !withAccount.has(h.buildingCode)) withAccount.set(h.buildingCode, r.id);
      if (r.mobile && !withPhone.has(h.buildingCode)) withPhone.set(h.buildingCode, r.id);
    }
  return new Map([...withPhone, ...withAccount]);
}
