// Tidal lanes in the simulator: every tick, ask laneAdvice whether one lane should change gates, as
// a volunteer watching the queues would, and move it (after its current swab) if so.
import { laneAdvice } from './lane-advice.ts';
import type { RoundView } from './simulate.ts';

/** Starts moving one lane from → to; false when `from` has no lane to give. */
export type LaneMover = (from: string, to: string) => boolean;

/**
 * After a move, wait this long before the next: the advice already counts the moving lane at its new
 * gate, but the queues need a little time to show its effect (with laneAdvice's minimum gain, the
 * hysteresis that keeps lanes from flapping).
 */
const COOLDOWN_SECONDS = 60;
/** Volunteers look at the queues every half minute. */
const LOOK_EVERY_SECONDS = 30;

/** How `planned` keeps its crowd limit through a move (planned-calls.ts). */
export interface LaneReleaseHooks {
  /** Whether the gate keeps its line within the limit with one lane fewer. */
  canSpareLane(gate: string): boolean;
  /** The gate that should get ready to give a lane (call for one lane fewer), or null. */
  prepareRelease(gate: string | null): void;
}

export function tidalMover(view: RoundView, move: LaneMover, hooks?: LaneReleaseHooks) {
  let lastMove = Number.NEGATIVE_INFINITY;
  let lastLook = Number.NEGATIVE_INFINITY;
  // Under `tidal` people only see what is called (queues and buildings on their way); under
  // `planned` Linli knows the whole call-down, so every resident still to come counts.
  const knowsEverything = view.input.policy === 'planned';
  return {
    tick() {
      if (view.now - lastMove < COOLDOWN_SECONDS || view.now - lastLook < LOOK_EVERY_SECONDS) return;
      lastLook = view.now;
      const gates = Object.fromEntries(
        view.gates.map((g) => [
          g,
          {
            queue: view.waiting(g),
            lanes: view.lanesFor(g),
            toCome: knowsEverything ? view.notArrived(g) : view.calledToCome(g),
          },
        ]),
      );
      const advice = laneAdvice({
        gates,
        switchSeconds: view.input.switchSeconds,
        serviceSecondsMean: view.input.serviceSeconds.mean,
      });
      // Under `planned`, a gate whose called residents need all its lanes first calls fewer (its line
      // shrinks to what one lane fewer can hold), and gives the lane once it can.
      // The wish sticks until the lane moves (or another gate should give one): the advice near the
      // balance point comes and goes from one look to the next.
      if (!advice.move) return;
      hooks?.prepareRelease(advice.move.from);
      if (hooks && !hooks.canSpareLane(advice.move.from)) return;
      if (move(advice.move.from, advice.move.to)) {
        lastMove = view.now;
        hooks?.prepareRelease(null);
      }
    },
  };
}
