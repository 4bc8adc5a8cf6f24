// The "what if" simulator over HTTP (issue 6, item 7): simulateRound runs the domain simulation on a
// leader's input; getRoundSimulationInput turns the community's registry into such an input so the
// page starts from the real compound rather than a blank form.
import { and, count, eq } from 'drizzle-orm';
import { simulateRound as simulate } from '../../../domain/testing/index.ts';
import type { TRoundSimulationInput, TRoundSimulationResult } from '../../../shared/api/round-simulation.ts';
import { HTTP_SIMULATION_LIMITS, type TRoundSimulationDraft } from '../../../shared/api/testing-report.ts';
import { buildings, gates, households, residents, zones } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { authorizeTestingRounds } from './testing-access.ts';

/** The story's assumptions (examples/gelin-round.json and its notes in gelin-round.md). */
export const STORY_DEFAULTS = {
  lanes: 6,
  serviceSeconds: { mean: 12, sd: 4 },
  switchSeconds: 60,
  crowdLimit: 60,
  callIntervalSeconds: 120,
  policy: 'planned',
  seed: 1,
} as const;
/** Residents walk about 1 m/s on the compound's paths, after about a minute to come down the stairs. */
const WALK_METRES_PER_SECOND = 1;
const COMING_DOWN_SECONDS = 60;

export async function simulateRound(
  deps: AppDeps,
  actor: Actor,
  input: TRoundSimulationInput,
): Promise<TRoundSimulationResult> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const residentCount = input.buildings.reduce((sum, b) => sum + b.residents, 0);
  if (
    residentCount > HTTP_SIMULATION_LIMITS.residents ||
    input.buildings.length > HTTP_SIMULATION_LIMITS.buildings
  )
    throw new AppError('ROUND_SIMULATION_TOO_LARGE', {
      residents: residentCount,
      buildings: input.buildings.length,
      maxResidents: HTTP_SIMULATION_LIMITS.residents,
      maxBuildings: HTTP_SIMULATION_LIMITS.buildings,
    });
  return simulate(input);
}

/** Splits `lanes` evenly over the gates; the remainder goes to the gates with the most residents. */
export function evenSplit(lanes: number, gateResidents: { key: string; residents: number }[]) {
  const split: Record<string, number> = {};
  const base = Math.floor(lanes / gateResidents.length);
  let rest = lanes - base * gateResidents.length;
  const busiestFirst = [...gateResidents].sort((a, b) => b.residents - a.residents);
  for (const g of busiestFirst) {
    split[g.key] = base + (rest > 0 ? 1 : 0);
    rest--;
  }
  return split;
}

/**
 * The compound as a simulator input: each building with residents, queuing at its zone's gate (the
 * nearest gate when its zone names none), walking there from its position in the site plan.
 */
export async function getRoundSimulationInput(deps: AppDeps, actor: Actor): Promise<TRoundSimulationDraft> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const gateRows = await deps.db
    .select({ id: gates.id, code: gates.code, name: gates.name, x: gates.x, y: gates.y })
    .from(gates)
    .where(eq(gates.communityId, communityId))
    .orderBy(gates.code);
  const buildingRows = await deps.db
    .select({
      code: buildings.code,
      x: buildings.x,
      y: buildings.y,
      gateId: zones.gateId,
      residents: count(residents.id),
    })
    .from(buildings)
    .leftJoin(zones, and(eq(zones.communityId, buildings.communityId), eq(zones.id, buildings.zoneId)))
    .innerJoin(
      households,
      and(eq(households.communityId, buildings.communityId), eq(households.buildingId, buildings.id)),
    )
    .innerJoin(
      residents,
      and(eq(residents.communityId, households.communityId), eq(residents.householdId, households.id)),
    )
    .where(eq(buildings.communityId, communityId))
    .groupBy(buildings.id, buildings.code, buildings.x, buildings.y, zones.gateId);
  if (gateRows.length === 0 || buildingRows.length === 0) throw new AppError('ROUND_SIMULATION_NO_SITE');

  const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.hypot(a.x - b.x, a.y - b.y);
  const byCode = (a: { code: string }, b: { code: string }) =>
    a.code.localeCompare(b.code, 'zh-CN', { numeric: true });
  const simulated = buildingRows.sort(byCode).map((b) => {
    const gate =
      gateRows.find((g) => g.id === b.gateId) ??
      gateRows.reduce((best, g) => (distance(g, b) < distance(best, b) ? g : best));
    return {
      id: b.code,
      gate: gate.code,
      residents: Number(b.residents),
      walkSeconds: Math.round(distance(gate, b) / WALK_METRES_PER_SECOND + COMING_DOWN_SECONDS),
    };
  });
  const gateResidents = gateRows
    .map((g) => ({
      key: g.code,
      name: g.name,
      residents: simulated.filter((b) => b.gate === g.code).reduce((sum, b) => sum + b.residents, 0),
    }))
    .filter((g) => g.residents > 0);
  // every gate with residents needs a lane, even on a compound with more gates than the story's lanes
  const lanes = Math.max(STORY_DEFAULTS.lanes, gateResidents.length);
  return {
    input: {
      ...STORY_DEFAULTS,
      lanes,
      fixedSplit: evenSplit(lanes, gateResidents),
      buildings: simulated,
    },
    gates: gateResidents,
    residents: simulated.reduce((sum, b) => sum + b.residents, 0),
  };
}
