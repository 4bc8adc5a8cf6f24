import { type CvrpResult, DEFAULT_ITERATIONS, type SolverOptions, solveCvrp } from './cvrp-solver.ts';
import { metresBetween, type Point } from './distance-matrix.ts';
import { dealRunsToVehicles, type Vehicle } from './fleet.ts';
import { DEFAULT_RUN_TIMING, estimateRunSeconds, type RunTiming } from './run-time.ts';

export interface DeliveryStop {
  buildingId: string;
  x: number;
  y: number;
  parcels: number;
}

/**
 * Either unlimited vehicles of one capacity (the CLI's case), or the vehicles at hand this shift,
 * each of which may ride several runs.
 */
export type DeliveryFleet = { vehicleCapacity: number } | { vehicles: readonly Vehicle[] };

export type DeliveryPlanInput = {
  depot: Point;
  stops: readonly DeliveryStop[];
  timing?: Partial<RunTiming>;
} & DeliveryFleet;

export interface PlannedRun {
  /** building ids in riding order, from the depot and back to it */
  stops: string[];
  load: number;
  distance: number;
  /** estimated: riding, unloading each parcel, the hand-over at each building */
  seconds: number;
  /** with a fleet: which vehicle rides it, and as its how-many-th run */
  vehicleId?: string;
  trip?: number;
}

export interface DeliveryPlan {
  routes: PlannedRun[];
  totalDistance: number;
  totalSeconds: number;
  /** with a fleet: when the last vehicle is back, if each vehicle rides its runs one after another */
  finishSeconds?: number;
}

/**
 * Plans delivery runs (capacitated vehicle routing): every stop on exactly one run, no run over its
 * vehicle's capacity, a stop never split, the total distance (and so the total riding time) as short
 * as the search finds. Deterministic: the same input and options give the same plan.
 *
 * With a fleet, runs are planned for each distinct vehicle capacity in turn (big runs ride less, small
 * runs keep more vehicles busy), dealt to the vehicles, and the plan whose last vehicle is back first
 * is kept.
 */
export function planDeliveryRuns(input: DeliveryPlanInput, options: SolverOptions = {}): DeliveryPlan {
  const timing: RunTiming = { ...DEFAULT_RUN_TIMING, ...input.timing };
  const ids = new Set(input.stops.map((s) => s.buildingId));
  if (ids.size !== input.stops.length) throw new RangeError('a building appears twice among the stops');
  const stops = input.stops.map((s) => ({ x: s.x, y: s.y, demand: s.parcels }));
  const solve = (capacity: number, iterations: number): CvrpResult =>
    solveCvrp({ depot: input.depot, stops, capacity }, { ...options, iterations });
  const runsOf = (result: CvrpResult): PlannedRun[] =>
    result.routes.map((route) => {
      const visited = route.map((i) => input.stops[i]!);
      const run = {
        stops: visited.map((s) => s.buildingId),
        load: visited.reduce((sum, s) => sum + s.parcels, 0),
        distance: legsFromDepot(input.depot, visited),
      };
      return { ...run, seconds: estimateRunSeconds({ ...run, stopCount: route.length }, timing) };
    });
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;

  if ('vehicleCapacity' in input) {
    const routes = runsOf(solve(input.vehicleCapacity, iterations));
    return totals(routes);
  }

  const largestStop = Math.max(0, ...input.stops.map((s) => s.parcels));
  const capacities = [...new Set(input.vehicles.map((v) => v.capacity))]
    .filter((c) => c >= largestStop)
    .sort((a, b) => b - a);
  if (capacities.length === 0) throw new RangeError('no vehicle carries the parcels of the busiest stop');
  let best: DeliveryPlan | null = null;
  for (const capacity of capacities) {
    const runs = runsOf(solve(capacity, Math.ceil(iterations / capacities.length)));
    const { dealt, finishSeconds } = dealRunsToVehicles(
      runs.map((r) => ({ ...r, stopCount: r.stops.length })),
      input.vehicles,
      timing,
    );
    const routes = runs.map((run, i) => ({
      ...run,
      seconds: dealt[i]!.seconds,
      vehicleId: input.vehicles[dealt[i]!.vehicleIndex]!.id,
      trip: dealt[i]!.trip,
    }));
    const plan = { ...totals(routes), finishSeconds: Math.max(0, ...finishSeconds) };
    if (
      !best ||
      plan.finishSeconds < best.finishSeconds! ||
      (plan.finishSeconds === best.finishSeconds && plan.totalDistance < best.totalDistance)
    )
      best = plan;
  }
  return best!;
}

/** A run's length leg by leg, depot to depot (the same rule as the search's matrix). */
function legsFromDepot(depot: Point, visited: readonly Point[]): number {
  let total = 0;
  let at = depot;
  for (const point of [...visited, depot]) {
    total += metresBetween(at, point);
    at = point;
  }
  return total;
}

function totals(routes: PlannedRun[]): DeliveryPlan {
  return {
    routes,
    totalDistance: routes.reduce((sum, r) => sum + r.distance, 0),
    totalSeconds: routes.reduce((sum, r) => sum + r.seconds, 0),
  };
}
