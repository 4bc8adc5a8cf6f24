// Writes examples/gelin-round.json from the demo compound's seed plan (src/server/seed/gelin.ts):
// `npx tsx examples/make-gelin-round.ts`. The assumptions are explained in examples/gelin-round.md.
import { writeFileSync } from 'node:fs';
import { planGelin } from '../src/server/seed/gelin.ts';

const plan = planGelin();
const residents = new Map<string, number>();
for (const h of plan.households)
  residents.set(h.buildingCode, (residents.get(h.buildingCode) ?? 0) + h.residents.length);
// The sampling square sits at the south edge of the west zone, x 105–165 m, y 310 m.
const ENTRANCE = { west: { x: 105, y: 310 }, east: { x: 165, y: 310 } };
const buildings = plan.buildings.map((b) => {
  // The west zone's four eastern columns (x ≥ 160 m) come down the central road with the east zone.
  const gate = b.zoneCode === 'west' && b.x < 150 ? 'west' : 'east';
  const metres = Math.abs(b.x - ENTRANCE[gate].x) + Math.abs(b.y - ENTRANCE[gate].y);
  return { id: b.code, gate, residents: residents.get(b.code)!, walkSeconds: 60 + Math.round(metres / 1.0) };
});
const round = {
  notes: 'The story compound (歌林春天). See examples/gelin-round.md for where every number comes from.',
  lanes: 6,
  serviceSeconds: { mean: 12, sd: 4 },
  switchSeconds: 60,
  crowdLimit: 60,
  callIntervalSeconds: 120,
  fixedSplit: { east: 3, west: 3 },
  buildings,
  policy: 'planned',
  seed: 1,
};
writeFileSync(new URL('./gelin-round.json', import.meta.url), `${JSON.stringify(round, null, 2)}\n`);
