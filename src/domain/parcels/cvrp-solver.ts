import { createRandom } from '../random.ts';
import { buildDistanceMatrix, nearestNeighbours, type Point } from './distance-matrix.ts';
import { localSearch } from './local-search.ts';
import { ruinAndRecreate } from './ruin-recreate.ts';
import { savingsRoutes } from './savings.ts';
import { type Problem, Solution } from './solution.ts';

export interface SolverOptions {
  /**
   * Perturbation rounds after the first local optimum: the work budget. Counting rounds rather than
   * milliseconds keeps the plan deterministic on any machine; the default 1,000 rounds take ~0.25 s for
   * 125 stops on one core of a small server.
   */
  iterations?: number;
  /** Seed of the search's random choices (same seed, same plan). */
  seed?: number;
  /**
   * A wall-clock limit on top of `iterations`, for callers that must answer in time whatever the
   * machine. Off by default: when it cuts the search short, the plan depends on the machine's speed.
   */
  timeLimitMs?: number;
  /** How many near stops each stop tries moves with. */
  neighbourCount?: number;
}

export const DEFAULT_ITERATIONS = 1000;
/** λ of the savings starts: the classic 1 and a few shapes around it (see savingsRoutes). */
const SAVINGS_SHAPES = [1, 0.6, 1.4, 1.8];

export interface CvrpInstance {
  depot: Point;
  stops: readonly (Point & { demand: number })[];
  capacity: number;
}

export interface CvrpResult {
  /** stop indices (0-based, as in `stops`) per route */
  routes: number[][];
  distance: number;
  /** distance of the classic Clarke–Wright savings routes alone, before any search */
  savingsDistance: number;
}

/**
 * Capacitated vehicle routing: savings construction, local search, then an iterated local search
 * (ruin and recreate + local search, accepted by simulated annealing) for `iterations` rounds.
 * The result is never longer than the savings routes it starts from.
 */
export function solveCvrp(instance: CvrpInstance, options: SolverOptions = {}): CvrpResult {
  const { stops, capacity } = instance;
  if (stops.some((s) => s.demand > capacity)) throw new RangeError('a stop needs more than one vehicle');
  if (stops.length === 0) return { routes: [], distance: 0, savingsDistance: 0 };
  const matrix = buildDistanceMatrix(instance.depot, stops);
  const demand = Float64Array.from([0, ...stops.map((s) => s.demand)]);
  const problem: Problem = {
    matrix,
    demand,
    capacity,
    neighbours: nearestNeighbours(matrix, options.neighbourCount ?? 12),
  };
  const random = createRandom(options.seed ?? 1);
  const deadline = options.timeLimitMs === undefined ? Infinity : Date.now() + options.timeLimitMs;

  let savingsDistance = 0;
  let best: Solution | null = null;
  for (const shape of SAVINGS_SHAPES) {
    const start = new Solution(problem, savingsRoutes(matrix, demand, capacity, shape));
    if (shape === 1) savingsDistance = start.cost;
    localSearch(start, random);
    if (!best || start.cost < best.cost) best = start;
  }
  best = best!;

  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  // Simulated annealing from about two average legs down to nearly nothing; relative to the average
  // leg so that the schedule fits a compound of any size and scale (tuned on bench/plan.ts's compounds).
  const averageLeg = best.cost / (stops.length + best.routeLists().length);
  const hot = 2 * averageLeg;
  const cold = 0.003 * averageLeg;
  let current = best;
  for (let round = 0; round < iterations && Date.now() < deadline; round++) {
    const temperature = hot * (cold / hot) ** (round / iterations);
    const candidate = current.clone();
    ruinAndRecreate(candidate, random);
    localSearch(candidate, random);
    if (candidate.cost < current.cost - temperature * Math.log(random.next() || Number.MIN_VALUE)) {
      current = candidate;
      if (current.cost < best.cost) best = current.clone();
    }
  }
  const routes = best.routeLists().map((route) => route.map((node) => node - 1));
  return { routes, distance: best.cost, savingsDistance };
}
