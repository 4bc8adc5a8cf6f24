// The call-down plan Linli proposes before a round (issue 6, item 2): the `planned` policy run on
// expected service times (every swab takes the mean), so the plan is the same whatever the seed.
import { simulateRound } from './simulate.ts';
import type { LaneSnapshot, RoundCall, RoundInput } from './types.ts';

export interface CallDownPlan {
  /** When each building is called, in call order; seconds from the round's start. */
  calls: RoundCall[];
  /** Lanes per gate at the start and after each expected move. */
  laneHistory: LaneSnapshot[];
  expectedMakespanSeconds: number;
  lowerBoundSeconds: number;
  expectedMaxQueue: Record<string, number>;
}

export function planCallDown(input: Omit<RoundInput, 'policy'>): CallDownPlan {
  const run = simulateRound({ ...input, policy: 'planned' }, { serviceTimes: 'mean' });
  return {
    calls: run.calls,
    laneHistory: run.laneHistory,
    expectedMakespanSeconds: run.makespanSeconds,
    lowerBoundSeconds: run.lowerBoundSeconds,
    expectedMaxQueue: run.maxQueue,
  };
}
