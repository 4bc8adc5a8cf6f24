import { metresBetween, type Point } from './distance-matrix.ts';

// Independent checks for the planner's tests: written from the problem's definition, sharing no
// code with the planner beyond the distance rule itself.

export interface SmallInstance {
  depot: Point;
  stops: { x: number; y: number; demand: number }[];
  capacity: number;
}

export function legsLength(depot: Point, points: readonly Point[]): number {
  let total = 0;
  let at = depot;
  for (const point of [...points, depot]) {
    total += metresBetween(at, point);
    at = point;
  }
  return total;
}

/** The optimum by exhaustive dynamic programming (Held–Karp per subset, then set partitions): ≤ ~10 stops. */
export function bruteForceOptimum({ depot, stops, capacity }: SmallInstance): number {
  const n = stops.length;
  const full = (1 << n) - 1;
  const points = [depot, ...stops];
  const d = (i: number, j: number) => metresBetween(points[i]!, points[j]!);
  // path[mask][last]: shortest path from the depot through exactly the stops of mask, ending at last
  const path = Array.from({ length: full + 1 }, () => new Array<number>(n).fill(Infinity));
  for (let i = 0; i < n; i++) path[1 << i]![i] = d(0, i + 1);
  for (let mask = 1; mask <= full; mask++) {
    for (let last = 0; last < n; last++) {
      const here = path[mask]![last]!;
      if (here === Infinity) continue;
      for (let next = 0; next < n; next++) {
        if (mask & (1 << next)) continue;
        const to = mask | (1 << next);
        path[to]![next] = Math.min(path[to]![next]!, here + d(last + 1, next + 1));
      }
    }
  }
  const route = new Array<number>(full + 1).fill(Infinity);
  for (let mask = 1; mask <= full; mask++) {
    let load = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) load += stops[i]!.demand;
    if (load > capacity) continue;
    for (let last = 0; last < n; last++)
      route[mask] = Math.min(route[mask]!, path[mask]![last]! + d(last + 1, 0));
  }
  const best = new Array<number>(full + 1).fill(Infinity);
  best[0] = 0;
  for (let mask = 1; mask <= full; mask++) {
    const lowest = mask & -mask;
    // every subset of mask that holds its lowest stop is a candidate first route
    for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
      if (sub & lowest) best[mask] = Math.min(best[mask]!, route[sub]! + best[mask ^ sub]!);
    }
  }
  return best[full]!;
}

/** Throws unless `routes` (stop indices) visit every stop exactly once within capacity. */
export function expectValidRoutes(instance: SmallInstance, routes: readonly (readonly number[])[]): void {
  const seen = new Array<number>(instance.stops.length).fill(0);
  for (const route of routes) {
    if (route.length === 0) throw new Error('an empty route');
    let load = 0;
    for (const stop of route) {
      seen[stop] = seen[stop]! + 1;
      load += instance.stops[stop]!.demand;
    }
    if (load > instance.capacity) throw new Error(`a route carries ${load} > ${instance.capacity}`);
  }
  const wrong = seen.findIndex((count) => count !== 1);
  if (wrong >= 0) throw new Error(`stop ${wrong} visited ${seen[wrong]} times`);
}
