import { metresBetween, type Point } from './distance-matrix.ts';
import { DEFAULT_RUN_TIMING, estimateRunSeconds, type RunTiming } from './run-time.ts';

/** A run as the leader edits it: buildings in riding order, each with its parcels and position. */
export interface EditableStop extends Point {
  buildingId: string;
  parcels: number;
}

/** A run's length from the depot through its stops and back, by the planner's one distance rule. */
export function runDistance(depot: Point, stops: readonly Point[]): number {
  let total = 0;
  let at = depot;
  for (const point of [...stops, depot]) {
    total += metresBetween(at, point);
    at = point;
  }
  return total;
}

/**
 * Where a stop adds the least distance to a run (index to insert at, 0 = first after the depot),
 * and how much it adds. Ties go to the earliest position, so the answer is deterministic.
 */
export function cheapestInsertion(
  depot: Point,
  stops: readonly Point[],
  stop: Point,
): { index: number; added: number } {
  let best = { index: 0, added: Number.POSITIVE_INFINITY };
  for (let i = 0; i <= stops.length; i++) {
    const prev = i === 0 ? depot : stops[i - 1]!;
    const next = i === stops.length ? depot : stops[i]!;
    const added = metresBetween(prev, stop) + metresBetween(stop, next) - metresBetween(prev, next);
    if (added < best.added) best = { index: i, added };
  }
  return best;
}

/** The stops with `stop` inserted where it adds the least distance. */
export function insertCheapest<S extends Point>(depot: Point, stops: readonly S[], stop: S): S[] {
  const { index } = cheapestInsertion(depot, stops, stop);
  return [...stops.slice(0, index), stop, ...stops.slice(index)];
}

/** Load, distance and estimated time of a run's stops, as the planner figures them. */
export function runFigures(
  depot: Point,
  stops: readonly EditableStop[],
  timing: RunTiming = DEFAULT_RUN_TIMING,
): { load: number; distance: number; seconds: number } {
  const load = stops.reduce((sum, s) => sum + s.parcels, 0);
  const distance = stops.length === 0 ? 0 : runDistance(depot, stops);
  const seconds =
    stops.length === 0 ? 0 : estimateRunSeconds({ distance, load, stopCount: stops.length }, timing);
  return { load, distance, seconds };
}
