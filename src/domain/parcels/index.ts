// The delivery-run planner (issue 5): pure and deterministic; the server and the CLI call it.
export { lowerBound, nearestNeighbourRoutes, type YardstickInstance } from './baseline.ts';
export { type CvrpInstance, type CvrpResult, type SolverOptions, solveCvrp } from './cvrp-solver.ts';
export { metresBetween, type Point } from './distance-matrix.ts';
export { dealRunsToVehicles, type Vehicle } from './fleet.ts';
export {
  type DeliveryFleet,
  type DeliveryPlan,
  type DeliveryPlanInput,
  type DeliveryStop,
  type PlannedRun,
  planDeliveryRuns,
} from './plan.ts';
export { DEFAULT_RUN_TIMING, estimateRunSeconds, type RunTiming } from './run-time.ts';
