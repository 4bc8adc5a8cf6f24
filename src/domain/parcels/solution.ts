import type { DistanceMatrix } from './distance-matrix.ts';

/** What every part of the search reads: the distances, the loads and the limit, fixed for one plan. */
export interface Problem {
  matrix: DistanceMatrix;
  /** parcels per node; node 0 (the depot) has 0 */
  demand: Float64Array;
  capacity: number;
  /** near stops of each stop; see nearestNeighbours() */
  neighbours: Int32Array[];
}

/**
 * A set of routes under local search, with the bookkeeping that makes a move's cost a handful of
 * array reads: each stop's route and position, each route's load and length, and loads of route
 * prefixes (for exchanging route tails). Routes may become empty during a search; they keep their
 * index so that bookkeeping stays valid, and `routeLists()` leaves them out.
 *
 * `changedAt` and `testedAt` let the local search skip a stop whose two routes have not changed since
 * it last found nothing to improve there (moves only ever touch the two routes they join).
 */
export class Solution {
  routes: number[][];
  routeOf: Int32Array;
  positionOf: Int32Array;
  prefixLoad: Float64Array;
  load: number[] = [];
  length: number[] = [];
  changedAt: number[] = [];
  testedAt: Float64Array;
  clock = 1;

  constructor(
    readonly problem: Problem,
    routes: number[][],
  ) {
    const size = problem.matrix.size;
    this.routes = routes.map((r) => r.slice());
    this.routeOf = new Int32Array(size);
    this.positionOf = new Int32Array(size);
    this.prefixLoad = new Float64Array(size);
    this.testedAt = new Float64Array(size);
    for (let r = 0; r < this.routes.length; r++) this.refresh(r);
  }

  clone(): Solution {
    // Through the constructor, so that every Solution has the same shape for the JIT.
    const copy = new Solution(this.problem, []);
    copy.routes = this.routes.map((r) => r.slice());
    copy.routeOf.set(this.routeOf);
    copy.positionOf.set(this.positionOf);
    copy.prefixLoad.set(this.prefixLoad);
    copy.testedAt.set(this.testedAt);
    copy.load = this.load.slice();
    copy.length = this.length.slice();
    copy.changedAt = this.changedAt.slice();
    copy.clock = this.clock;
    return copy;
  }

  get cost(): number {
    let total = 0;
    for (const l of this.length) total += l;
    return total;
  }

  /** Recomputes the bookkeeping of route r after its list changed, and marks it changed. */
  refresh(r: number): void {
    const { size, data } = this.problem.matrix;
    const demand = this.problem.demand;
    const route = this.routes[r]!;
    let load = 0;
    let length = 0;
    let previous = 0;
    for (let p = 0; p < route.length; p++) {
      const node = route[p]!;
      load += demand[node]!;
      length += data[previous * size + node]!;
      this.routeOf[node] = r;
      this.positionOf[node] = p;
      this.prefixLoad[node] = load;
      previous = node;
    }
    this.load[r] = load;
    this.length[r] = length + data[previous * size]!;
    this.changedAt[r] = ++this.clock;
  }

  /** A new empty route's index (an existing empty one when there is one). */
  emptyRoute(): number {
    const free = this.routes.findIndex((r) => r.length === 0);
    if (free >= 0) return free;
    this.routes.push([]);
    this.refresh(this.routes.length - 1);
    return this.routes.length - 1;
  }

  previous(node: number): number {
    const p = this.positionOf[node]!;
    return p === 0 ? 0 : this.routes[this.routeOf[node]!]![p - 1]!;
  }

  next(node: number): number {
    const route = this.routes[this.routeOf[node]!]!;
    const p = this.positionOf[node]!;
    return p === route.length - 1 ? 0 : route[p + 1]!;
  }

  routeLists(): number[][] {
    return this.routes.filter((r) => r.length > 0).map((r) => r.slice());
  }
}
