// The `planned` policy's calls while the round runs: each tick, every gate calls its next buildings
// for as long as the projected line stays within the crowd limit (call-planner.ts).
import { type ArrivalWave, plannedOrder, withinCrowdLimit } from './call-planner.ts';
import type { RoundView } from './simulate.ts';
import type { LaneReleaseHooks } from './tidal-switching.ts';

/** How many buildings past the next one a gate may call first when the next one does not fit. */
const LOOKAHEAD = 4;

export interface PlannedCalls extends LaneReleaseHooks {
  tick(): void;
}

export function plannedCalls(
  view: RoundView,
  call: (building: number, from: number, count: number) => void,
): PlannedCalls {
  const { input } = view;
  const cv = input.serviceSeconds.mean > 0 ? input.serviceSeconds.sd / input.serviceSeconds.mean : 0;
  const order = new Map(
    view.gates.map((g) => [
      g,
      plannedOrder(input.buildings.map((b, index) => ({ ...b, index })).filter((b) => b.gate === g)),
    ]),
  );
  let releasing: string | null = null;
  /** Residents of the gate's current building already called (it is being called in parts). */
  const calledOf = new Map(view.gates.map((g) => [g, 0]));
  /**
   * The most residents of one building called at once: all of them, unless they alone would fill
   * more than 60% of the limit at an empty gate, then parts (floors) of half the limit.
   */
  const partSize = (residents: number, lanes: number) => {
    if (residents === 0) return 0;
    const alone = { now: 0, waiting: 0, lanes, secondsPerPerson: input.serviceSeconds.mean, waves: [] };
    const wave = { start: 0, end: input.callIntervalSeconds, count: residents };
    // A building that alone fills most of the limit leaves no room for the next one on its way, and
    // the lanes would wait between buildings.
    if (withinCrowdLimit(alone, wave, input.crowdLimit * 0.6, cv)) return residents;
    return Math.max(1, Math.floor(input.crowdLimit / 2));
  };
  /** Each gate's buildings not yet (fully) called, in call order. */
  const pending = new Map(view.gates.map((g) => [g, [...order.get(g)!]]));
  const waves = new Map(view.gates.map((g) => [g, [] as ArrivalWave[]]));
  const outlook = (gate: string, lanes: number) => {
    const live = waves.get(gate)!.filter((w) => w.end > view.now || w.start >= view.now);
    waves.set(gate, live);
    return {
      now: view.now,
      waiting: view.waiting(gate),
      lanes,
      secondsPerPerson: input.serviceSeconds.mean,
      waves: live,
    };
  };
  /** Calls the gate's next part if it fits; the wave it would make otherwise. */
  const tryCall = (gate: string, at: number, idleOk: boolean) => {
    const b = pending.get(gate)![at]!;
    const current = outlook(gate, view.lanesStaying(gate) - (gate === releasing ? 1 : 0));
    const from = at === 0 ? calledOf.get(gate)! : 0;
    const count = Math.min(b.residents - from, partSize(b.residents, current.lanes));
    const start = view.now + b.walkSeconds;
    const spread = b.residents > 0 ? (input.callIntervalSeconds * count) / b.residents : 0;
    const wave = { start, end: start + spread, count };
    // An empty gate calls its next part even if the projection, with its margin, says no.
    const idle = idleOk && current.waiting === 0 && current.waves.length === 0 && current.lanes > 0;
    if (!idle && !withinCrowdLimit(current, wave, input.crowdLimit, cv)) return false;
    call(b.index, from, count);
    waves.get(gate)!.push(wave);
    if (from + count >= b.residents) {
      pending.get(gate)!.splice(at, 1);
      if (at === 0) calledOf.set(gate, 0);
    } else {
      // A building called in parts stays first until all its floors are called.
      if (at > 0) pending.get(gate)!.unshift(...pending.get(gate)!.splice(at, 1));
      calledOf.set(gate, from + count);
    }
    return true;
  };
  return {
    tick() {
      for (const gate of view.gates) {
        const buildings = pending.get(gate)!;
        while (buildings.length > 0) {
          if (tryCall(gate, 0, true)) continue;
          // Walks differ: when the next building's people would land on a line already full, one of
          // the next few may land in a gap before or after it, and the lanes do not wait meanwhile.
          if (calledOf.get(gate)! > 0) break;
          let called = false;
          for (let at = 1; at < Math.min(buildings.length, LOOKAHEAD + 1) && !called; at++)
            called = tryCall(gate, at, false);
          if (!called) break;
        }
      }
    },
    prepareRelease(gate) {
      releasing = gate;
    },
    canSpareLane(gate) {
      const lanes = view.lanesStaying(gate);
      if (lanes <= 1) return view.waiting(gate) === 0 && view.notArrived(gate) === 0;
      return withinCrowdLimit(outlook(gate, lanes - 1), null, input.crowdLimit, cv);
    },
  };
}
