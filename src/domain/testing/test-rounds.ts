// Generated compounds for the simulator's tests and bench/round.ts: buildings of 10–80 residents
// spread over two gates with a given share of the residents, walks of 1.5–7 minutes.
import { createRandom } from '../random.ts';
import type { RoundBuilding, RoundInput, RoundPolicy } from './types.ts';

export interface GeneratedRound {
  residents: number;
  /** Share of the residents that queue at the east gate (0.5, 0.7, 0.8 …). */
  eastShare: number;
  lanes?: number;
  crowdLimit?: number;
  policy?: RoundPolicy;
  seed?: number;
}

export function generateRound(spec: GeneratedRound): RoundInput {
  const random = createRandom(spec.seed ?? 1);
  const lanes = spec.lanes ?? 6;
  const buildings: RoundBuilding[] = [];
  for (const [gate, share] of [
    ['east', spec.eastShare],
    ['west', 1 - spec.eastShare],
  ] as const) {
    let left = Math.round(spec.residents * share);
    while (left > 0) {
      const residents = Math.min(left, random.int(10, 80));
      left -= residents;
      buildings.push({
        id: `${gate[0]!.toUpperCase()}${String(buildings.length + 1).padStart(3, '0')}`,
        gate,
        residents,
        walkSeconds: random.int(90, 420),
      });
    }
  }
  const east = Math.floor(lanes / 2);
  // A committee calls its buildings at the pace the lanes can take: the busier gate's calls end by
  // about 85% of the time all lanes need, and never faster than one every minute.
  const busiest = Math.max(
    ...(['east', 'west'] as const).map((g) => buildings.filter((b) => b.gate === g).length),
  );
  const lanesNeed = (spec.residents * 12.6) / lanes;
  const callIntervalSeconds = Math.round(Math.min(120, Math.max(60, (0.85 * lanesNeed) / busiest)));
  return {
    lanes,
    serviceSeconds: { mean: 12.6, sd: 4 },
    switchSeconds: 60,
    crowdLimit: spec.crowdLimit ?? 60,
    callIntervalSeconds,
    fixedSplit: { east, west: lanes - east },
    buildings,
    policy: spec.policy ?? 'planned',
    seed: spec.seed ?? 1,
  };
}
