import { buildDistanceMatrix, type Point, routeLength } from './distance-matrix.ts';

// Yardsticks for the planner, used by the benchmark and the tests: what a person with a map would do
// (nearest neighbour, cut where the vehicle is full), and how short any plan could possibly be.

export interface YardstickInstance {
  depot: Point;
  stops: readonly (Point & { demand: number })[];
  capacity: number;
}

/**
 * Nearest-neighbour tour from the depot through every stop, cut into routes in tour order: a new
 * route starts whenever the next stop's parcels no longer fit. Returns stop indices per route.
 */
export function nearestNeighbourRoutes(instance: YardstickInstance): {
  routes: number[][];
  distance: number;
} {
  const { stops, capacity } = instance;
  const matrix = buildDistanceMatrix(instance.depot, stops);
  const { size, data } = matrix;
  const visited = new Uint8Array(size);
  const tour: number[] = [];
  let at = 0;
  for (let step = 0; step < stops.length; step++) {
    let nearest = -1;
    for (let j = 1; j < size; j++) {
      if (!visited[j] && (nearest < 0 || data[at * size + j]! < data[at * size + nearest]!)) nearest = j;
    }
    visited[nearest] = 1;
    tour.push(nearest);
    at = nearest;
  }
  const routes: number[][] = [];
  let route: number[] = [];
  let load = 0;
  for (const node of tour) {
    const demand = stops[node - 1]!.demand;
    if (route.length > 0 && load + demand > capacity) {
      routes.push(route);
      route = [];
      load = 0;
    }
    route.push(node);
    load += demand;
  }
  if (route.length > 0) routes.push(route);
  const distance = routes.reduce((sum, r) => sum + routeLength(matrix, r), 0);
  return { routes: routes.map((r) => r.map((node) => node - 1)), distance };
}

/**
 * A lower bound on the total distance of any plan, the larger of two:
 * - radial: each parcel rides out and back with a vehicle that carries at most `capacity`, so the plan
 *   is at least Σ 2·d(depot, stop)·parcels / capacity;
 * - tree: dropping each route's last leg back to the depot leaves a tree spanning depot and stops, so
 *   the plan is at least the minimum spanning tree plus the k shortest depot legs, where k is the
 *   least number of routes that can carry all parcels.
 */
export function lowerBound(instance: YardstickInstance): { radial: number; tree: number; bound: number } {
  const { stops, capacity } = instance;
  if (stops.length === 0) return { radial: 0, tree: 0, bound: 0 };
  const matrix = buildDistanceMatrix(instance.depot, stops);
  const { size, data } = matrix;
  let radial = 0;
  let parcels = 0;
  for (let i = 1; i < size; i++) {
    radial += (2 * data[i]! * stops[i - 1]!.demand) / capacity;
    parcels += stops[i - 1]!.demand;
  }
  // Prim's algorithm on the full matrix (dense graph: O(n²) is the right order).
  const inTree = new Uint8Array(size);
  const cheapest = new Float64Array(size).fill(Infinity);
  cheapest[0] = 0;
  let spanning = 0;
  for (let added = 0; added < size; added++) {
    let next = -1;
    for (let j = 0; j < size; j++) if (!inTree[j] && (next < 0 || cheapest[j]! < cheapest[next]!)) next = j;
    inTree[next] = 1;
    spanning += cheapest[next]!;
    for (let j = 0; j < size; j++) {
      const d = data[next * size + j]!;
      if (!inTree[j] && d < cheapest[j]!) cheapest[j] = d;
    }
  }
  const routesNeeded = Math.max(1, Math.ceil(parcels / capacity));
  const depotLegs = Array.from(data.subarray(1, size)).sort((a, b) => a - b);
  const tree = spanning + depotLegs.slice(0, routesNeeded).reduce((sum, d) => sum + d, 0);
  return { radial, tree, bound: Math.max(radial, tree) };
}
