// Builds the simulator's input from a round and the registry, and presents the stored call-down
// plan beside Linli's proposal. Pure of writes: call-down.service.ts stores and publishes.

import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import { type CallDownPlan, planCallDown } from '../../../domain/testing/index.ts';
import type { RoundInput } from '../../../domain/testing/types.ts';
import type { TCallDownPlan } from '../../../shared/api/testing-calls.ts';
import { type CallDownRound, callDownBuildings, callDownGates, storedCalls } from './call-down.repository.ts';
import type { Executor } from './rounds.repository.ts';

/** Coming down the stairs and out of the building, before the walk (examples/gelin-round.md). */
const COMING_DOWN_SECONDS = 60;
/** A mixed crowd with elderly people walks about a metre a second. */
const WALK_METRES_PER_SECOND = 1;

type Building = Awaited<ReturnType<typeof callDownBuildings>>[number];
type Gate = Awaited<ReturnType<typeof callDownGates>>[number];

/** The registry's view of the round: its gates and every building with the residents who come down. */
export async function roundSite(db: Executor, communityId: string, roundId: string) {
  const [gates, buildings] = await Promise.all([
    callDownGates(db, communityId, roundId),
    callDownBuildings(db, communityId, roundId),
  ]);
  return { gates, buildings };
}
export type RoundSite = Awaited<ReturnType<typeof roundSite>>;

/** Residents who come down: everyone but those on the door-to-door list. */
const comers = (b: Building) => b.residents - b.homeVisits;

/** Manhattan path from the building to its gate on the site plan, walked at 1 m/s, plus coming down. */
export function walkSeconds(building: { x: number; y: number }, gate: { x: number; y: number }) {
  const metres = Math.abs(building.x - gate.x) + Math.abs(building.y - gate.y);
  return COMING_DOWN_SECONDS + Math.round(metres / WALK_METRES_PER_SECOND);
}

/**
 * The simulator input, or null when nobody is to be called. The simulator takes one crowd limit for
 * every gate: the smallest of the gates that have residents, so no gate's line outgrows its own.
 */
export function simulatorInput(round: CallDownRound, site: RoundSite): Omit<RoundInput, 'policy'> | null {
  const gateById = new Map<string, Gate>(site.gates.map((g) => [g.gateId, g]));
  const called = site.buildings.filter((b) => b.gateId && gateById.has(b.gateId) && comers(b) > 0);
  if (called.length === 0) return null;
  const busyGates = new Set(called.map((b) => b.gateId!));
  return {
    lanes: round.lanes,
    serviceSeconds: { mean: round.serviceMeanSeconds, sd: round.serviceSdSeconds },
    switchSeconds: round.switchSeconds,
    crowdLimit: Math.min(...site.gates.filter((g) => busyGates.has(g.gateId)).map((g) => g.crowdLimit)),
    callIntervalSeconds: round.callIntervalSeconds,
    fixedSplit: Object.fromEntries(site.gates.map((g) => [g.gateId, g.lanes])),
    buildings: called.map((b) => ({
      id: b.buildingId,
      gate: b.gateId!,
      residents: comers(b),
      walkSeconds: walkSeconds(b, gateById.get(b.gateId!)!),
    })),
    seed: 1,
  };
}

/**
 * Proposals by their input: the round page refetches the plan on every scan during a round, and a
 * 6,000-resident simulation is too dear to repeat for an unchanged registry.
 */
const recentProposals = new Map<string, CallDownPlan>();
const REMEMBERED_PROPOSALS = 32;

/** Linli's proposal for the round as the registry is now, or null when nobody is to be called. */
export function propose(round: CallDownRound, site: RoundSite): CallDownPlan | null {
  const input = simulatorInput(round, site);
  if (!input) return null;
  const key = JSON.stringify(input);
  const known = recentProposals.get(key);
  if (known) return known;
  const plan = planCallDown(input);
  if (recentProposals.size >= REMEMBERED_PROPOSALS)
    recentProposals.delete(recentProposals.keys().next().value!);
  recentProposals.set(key, plan);
  return plan;
}

/** Each building's call time under the proposal: a building called in parts, its first part's. */
export function proposedCallTimes(round: CallDownRound, plan: CallDownPlan) {
  const times = new Map<string, { gateId: string; callAt: Date }>();
  for (const call of plan.calls)
    if (!times.has(call.buildingId))
      times.set(call.buildingId, {
        gateId: call.gate,
        callAt: new Date(round.startsAt.getTime() + Math.round(call.atSeconds) * 1000),
      });
  return times;
}

/** The stored plan per gate, with the proposal's figures and which calls the leader moved. */
export async function presentCallDown(
  db: Executor,
  communityId: string,
  round: CallDownRound,
  timeZone: string,
  known?: { site: RoundSite; plan: CallDownPlan | null },
): Promise<TCallDownPlan> {
  const calls = await storedCalls(db, communityId, round.id);
  const site = known?.site ?? (await roundSite(db, communityId, round.id));
  const plan = known ? known.plan : calls.length > 0 ? propose(round, site) : null;
  const proposed = plan ? proposedCallTimes(round, plan) : new Map();
  const buildingById = new Map(site.buildings.map((b) => [b.buildingId, b]));
  const startLanes = plan?.laneHistory[0]?.lanes ?? {};
  return {
    roundId: round.id,
    status: round.status as TCallDownPlan['status'],
    publishedAt: round.publishedAt?.toISOString() ?? null,
    startsAt: round.startsAt.toISOString(),
    day: wallClockAt(round.startsAt, timeZone).day,
    expected:
      plan && calls.length > 0
        ? {
            makespanSeconds: plan.expectedMakespanSeconds,
            lowerBoundSeconds: plan.lowerBoundSeconds,
            residents: plan.calls.reduce((sum, c) => sum + c.residents, 0),
          }
        : null,
    gates: site.gates.map((g) => ({
      gateId: g.gateId,
      name: g.name,
      crowdLimit: g.crowdLimit,
      startLanes: startLanes[g.gateId] ?? g.lanes,
      expectedMaxQueue: Math.round(plan?.expectedMaxQueue[g.gateId] ?? 0),
      calls: calls
        .filter((c) => c.gateId === g.gateId)
        .map((c) => {
          const building = buildingById.get(c.buildingId);
          return {
            buildingId: c.buildingId,
            buildingCode: c.buildingCode,
            callAt: c.callAt.toISOString(),
            callTime: wallClockAt(c.callAt, timeZone).time,
            residents: building ? comers(building) : 0,
            homeVisits: building?.homeVisits ?? 0,
            adjusted: proposed.get(c.buildingId)?.callAt.getTime() !== c.callAt.getTime(),
            notifiedAt: c.notifiedAt?.toISOString() ?? null,
          };
        }),
    })),
  };
}
