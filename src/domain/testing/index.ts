// The testing-round simulator (issue 6): pure and deterministic; the CLI, the server's call-down
// plan, lane advice and "what if" page call it.
export { type ArrivalWave, projectQueue, proportionalSplit } from './call-planner.ts';
export { gammaSampler, MIN_SERVICE_SECONDS } from './gamma.ts';
export { type GateLoad, type LaneAdvice, type LaneAdviceState, laneAdvice } from './lane-advice.ts';
export { type CallDownPlan, planCallDown } from './plan-call-down.ts';
export { type SimulationOptions, simulateRound } from './simulate.ts';
export type {
  LaneSnapshot,
  RoundBuilding,
  RoundCall,
  RoundInput,
  RoundPolicy,
  RoundResult,
  ServiceRecord,
} from './types.ts';
