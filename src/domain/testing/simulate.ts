// The testing-round simulator (issue 6, item 7): a discrete-event simulation of one round on the
// square, deterministic from the input's seed. Service times are drawn per resident in building
// order before anything runs, so the three policies face the very same people and one lower bound.
import { createRandom } from '../random.ts';
import { proportionalSplit } from './call-planner.ts';
import { EventQueue } from './event-queue.ts';
import { gammaSampler } from './gamma.ts';
import { type PlannedCalls, plannedCalls } from './planned-calls.ts';
import { type LaneMover, tidalMover } from './tidal-switching.ts';
import type { LaneSnapshot, RoundCall, RoundInput, RoundResult, ServiceRecord } from './types.ts';

export interface SimulationOptions {
  /** Keep every swab (lane, start, end) in the result, for tests. */
  recordServices?: boolean;
  /** 'mean': every swab takes exactly the mean (the call-down plan's expectation). */
  serviceTimes?: 'sampled' | 'mean';
}

export interface Lane {
  gate: string | null;
  /** The resident being swabbed, or -1. */
  serving: number;
  busyUntil: number;
  /** Set when the lane is to move: it leaves after its current swab. */
  headingTo: string | null;
}

type RoundEvent =
  | { kind: 'call'; building: number }
  | { kind: 'arrive'; resident: number }
  | { kind: 'free'; lane: number }
  | { kind: 'join'; lane: number; gate: string }
  | { kind: 'tick' };

/** How often the gates are looked at for calls (planned) and lane moves (tidal, planned). */
const TICK_SECONDS = 10;
const GIVE_UP_SECONDS = 30 * 24 * 3600;

/** Everything a policy may look at while the round runs. */
export interface RoundView {
  input: RoundInput;
  gates: string[];
  lanes: Lane[];
  now: number;
  waiting(gate: string): number;
  /** Lanes serving the gate or on their way to it, not counting lanes about to leave it. */
  lanesFor(gate: string): number;
  /** Lanes at the gate now and staying: the crowd-limit projection counts only these. */
  lanesStaying(gate: string): number;
  /** Residents called and not yet at the gate. */
  calledToCome(gate: string): number;
  /** Residents not yet at the gate, called or not. */
  notArrived(gate: string): number;
}

export function simulateRound(
  input: RoundInput,
  options: SimulationOptions = {},
): RoundResult & { services?: ServiceRecord[] } {
  const random = createRandom(input.seed);
  const sample = gammaSampler(
    random,
    input.serviceSeconds.mean,
    options.serviceTimes === 'mean' ? 0 : input.serviceSeconds.sd,
  );
  const gates = Object.keys(input.fixedSplit);
  const gateOfBuilding = input.buildings.map((b) => b.gate);
  // Residents flattened in building order: building, service time, arrival.
  const firstResident: number[] = [];
  const residentBuilding: number[] = [];
  const service: number[] = [];
  input.buildings.forEach((b, bi) => {
    firstResident.push(service.length);
    for (let r = 0; r < b.residents; r++) {
      residentBuilding.push(bi);
      service.push(sample());
    }
  });
  const total = service.length;
  const arrivedAt = new Float64Array(total);
  const queues = new Map(gates.map((g) => [g, { ids: [] as number[], head: 0 }]));
  const calledToCome = new Map(gates.map((g) => [g, 0]));
  const notArrived = new Map(gates.map((g) => [g, 0]));
  for (const b of input.buildings) notArrived.set(b.gate, notArrived.get(b.gate)! + b.residents);
  const maxQueue: Record<string, number> = Object.fromEntries(gates.map((g) => [g, 0]));

  const residentsPerGate = Object.fromEntries(gates.map((g) => [g, notArrived.get(g)!]));
  const busyGates = gates.filter((g) => residentsPerGate[g]! > 0).length;
  const startSplit =
    input.policy === 'planned' && input.lanes >= busyGates
      ? proportionalSplit(input.lanes, residentsPerGate)
      : input.fixedSplit;
  const lanes: Lane[] = [];
  for (const g of gates)
    for (let i = 0; i < (startSplit[g] ?? 0); i++)
      lanes.push({ gate: g, serving: -1, busyUntil: 0, headingTo: null });

  const events = new EventQueue<RoundEvent>();
  const calls: RoundCall[] = [];
  const laneHistory: LaneSnapshot[] = [];
  const services: ServiceRecord[] = [];
  let now = 0;
  let served = 0;
  let makespan = 0;
  let serviceSeconds = 0;
  let switches = 0;
  let movingLaneSeconds = 0;

  const view: RoundView = {
    input,
    gates,
    lanes,
    get now() {
      return now;
    },
    waiting: (g) => queues.get(g)!.ids.length - queues.get(g)!.head,
    lanesFor: (g) => lanes.filter((l) => (l.gate === g && l.headingTo === null) || l.headingTo === g).length,
    lanesStaying: (g) => lanes.filter((l) => l.gate === g && l.headingTo === null).length,
    calledToCome: (g) => calledToCome.get(g)!,
    notArrived: (g) => notArrived.get(g)!,
  };
  const snapshotLanes = () => {
    const counts = Object.fromEntries(gates.map((g) => [g, 0]));
    for (const l of lanes) if (l.gate !== null) counts[l.gate]! += 1;
    const last = laneHistory.at(-1);
    if (last?.atSeconds === round(now)) last.lanes = counts;
    else laneHistory.push({ atSeconds: round(now), lanes: counts });
  };

  /** Calls `count` residents of a building from its `from`-th on (all of them unless planned splits it). */
  const callBuilding = (bi: number, from = 0, count = input.buildings[bi]!.residents) => {
    const b = input.buildings[bi]!;
    calls.push({ buildingId: b.id, gate: b.gate, atSeconds: round(now), residents: count });
    calledToCome.set(b.gate, calledToCome.get(b.gate)! + count);
    // They leave their flats one after another (a building over one call interval); the first
    // arrives after the walk.
    const gap = b.residents > 0 ? input.callIntervalSeconds / b.residents : 0;
    for (let r = 0; r < count; r++)
      events.push(now + b.walkSeconds + r * gap, { kind: 'arrive', resident: firstResident[bi]! + from + r });
  };
  const depart = (laneIndex: number, to: string) => {
    const lane = lanes[laneIndex]!;
    lane.gate = null;
    lane.headingTo = to;
    movingLaneSeconds += input.switchSeconds;
    events.push(now + input.switchSeconds, { kind: 'join', lane: laneIndex, gate: to });
    snapshotLanes();
  };
  const moveLane: LaneMover = (from, to) => {
    let chosen = -1;
    lanes.forEach((l, i) => {
      if (l.gate !== from || l.headingTo !== null) return;
      if (
        chosen < 0 ||
        (l.serving < 0 ? -1 : l.busyUntil) < (lanes[chosen]!.serving < 0 ? -1 : lanes[chosen]!.busyUntil)
      )
        chosen = i;
    });
    if (chosen < 0) return false;
    switches++;
    if (lanes[chosen]!.serving < 0) depart(chosen, to);
    else lanes[chosen]!.headingTo = to;
    return true;
  };
  const dispatch = (gate: string) => {
    const queue = queues.get(gate)!;
    lanes.forEach((lane, li) => {
      if (
        lane.gate !== gate ||
        lane.serving >= 0 ||
        lane.headingTo !== null ||
        queue.head >= queue.ids.length
      )
        return;
      const resident = queue.ids[queue.head++]!;
      lane.serving = resident;
      lane.busyUntil = now + service[resident]!;
      events.push(lane.busyUntil, { kind: 'free', lane: li });
      if (options.recordServices) {
        const b = input.buildings[residentBuilding[resident]!]!;
        services.push({
          lane: li,
          gate,
          buildingId: b.id,
          resident,
          arrivedAt: arrivedAt[resident]!,
          startedAt: now,
          endedAt: lane.busyUntil,
        });
      }
    });
    if (queue.head > 1024 && queue.head * 2 > queue.ids.length) {
      queue.ids = queue.ids.slice(queue.head);
      queue.head = 0;
    }
  };

  const planner: PlannedCalls | null = input.policy === 'planned' ? plannedCalls(view, callBuilding) : null;
  const mover = input.policy === 'fixed' ? null : tidalMover(view, moveLane, planner ?? undefined);
  if (input.policy !== 'planned') {
    const calledSoFar = new Map(gates.map((g) => [g, 0]));
    input.buildings.forEach((b, bi) => {
      const k = calledSoFar.get(b.gate)!;
      calledSoFar.set(b.gate, k + 1);
      events.push(k * input.callIntervalSeconds, { kind: 'call', building: bi });
    });
  }
  snapshotLanes();
  if (planner || mover) events.push(0, { kind: 'tick' });

  while (served < total) {
    const next = events.pop();
    if (!next || next.at > GIVE_UP_SECONDS)
      throw new Error('the round never ends: some gate has people and no lane');
    now = next.at;
    const event = next.event;
    if (event.kind === 'call') callBuilding(event.building);
    else if (event.kind === 'arrive') {
      const gate = gateOfBuilding[residentBuilding[event.resident]!]!;
      arrivedAt[event.resident] = now;
      calledToCome.set(gate, calledToCome.get(gate)! - 1);
      notArrived.set(gate, notArrived.get(gate)! - 1);
      queues.get(gate)!.ids.push(event.resident);
      dispatch(gate);
      maxQueue[gate] = Math.max(maxQueue[gate]!, view.waiting(gate));
    } else if (event.kind === 'free') {
      const lane = lanes[event.lane]!;
      serviceSeconds += service[lane.serving]!;
      served++;
      makespan = now;
      lane.serving = -1;
      if (lane.headingTo !== null) depart(event.lane, lane.headingTo);
      else dispatch(lane.gate!);
    } else if (event.kind === 'join') {
      const lane = lanes[event.lane]!;
      lane.gate = event.gate;
      lane.headingTo = null;
      snapshotLanes();
      dispatch(event.gate);
    } else {
      planner?.tick();
      mover?.tick();
      events.push(now + TICK_SECONDS, { kind: 'tick' });
    }
  }

  const minWalk = input.buildings.reduce(
    (m, b) => (b.residents > 0 ? Math.min(m, b.walkSeconds) : m),
    Number.POSITIVE_INFINITY,
  );
  const laneSeconds = input.lanes * makespan;
  return {
    makespanSeconds: round(makespan),
    lowerBoundSeconds: total === 0 ? 0 : round(serviceSeconds / input.lanes + minWalk),
    maxQueue,
    laneUtilization: laneSeconds > 0 ? Math.round((serviceSeconds / laneSeconds) * 10_000) / 10_000 : 0,
    switches,
    idleLaneSeconds: round(Math.max(0, laneSeconds - serviceSeconds - movingLaneSeconds)),
    residentsServed: served,
    calls,
    laneHistory,
    ...(options.recordServices ? { services } : {}),
  };
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
