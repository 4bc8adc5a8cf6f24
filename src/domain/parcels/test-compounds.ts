import { createRandom } from '../random.ts';
import type { DeliveryStop } from './plan.ts';

/**
 * A generated residential compound for tests and the benchmark: buildings in rows on a site plan
 * (about 40 m apart along a lane, 35 m between rows, a wider road every few blocks, a little jitter,
 * some plots empty), the gate on one side as the depot, and skewed parcel counts: most buildings get
 * a handful, a few towers get dozens.
 */
export function generateCompound(buildings: number, seed: number) {
  const random = createRandom(seed);
  const columns = Math.ceil(Math.sqrt(buildings * 1.6));
  const stops: DeliveryStop[] = [];
  for (let plot = 0; stops.length < buildings; plot++) {
    if (random.chance(0.08)) continue; // a green, a clubhouse, a car park
    const column = plot % columns;
    const row = Math.floor(plot / columns);
    const x = column * 40 + Math.floor(column / 4) * 25 + random.int(-6, 6);
    const y = row * 35 + Math.floor(row / 3) * 20 + random.int(-5, 5);
    const tower = random.chance(0.06);
    const usual = Math.round(Math.exp(1.5 + 0.7 * normal(random)));
    const parcels = tower ? random.int(25, 60) : Math.max(1, Math.min(24, usual));
    stops.push({ buildingId: `B${String(stops.length + 1).padStart(3, '0')}`, x, y, parcels });
  }
  const width = Math.max(...stops.map((s) => s.x));
  const height = Math.max(...stops.map((s) => s.y));
  // the gate: on the south fence, a little off centre
  const depot = { x: Math.round(width * 0.4), y: -30 };
  return { depot, stops, height };
}

function normal(random: { next: () => number }): number {
  const u = random.next() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
