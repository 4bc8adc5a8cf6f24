/** A point on the compound's site plan, in metres. */
export interface Point {
  x: number;
  y: number;
}

/** The one distance rule of the planner (issue 5): straight-line metres, rounded to a whole metre. */
export function metresBetween(a: Point, b: Point): number {
  return Math.round(Math.hypot(a.x - b.x, a.y - b.y));
}

/**
 * Every distance between the depot (node 0) and the stops (nodes 1..n), computed once: the search
 * reads millions of distances and must not recompute a square root for each. Float64 rather than
 * Int32 so that far-apart coordinates cannot overflow; the values are whole metres all the same.
 */
export interface DistanceMatrix {
  /** number of nodes, depot included */
  size: number;
  data: Float64Array;
}

export function buildDistanceMatrix(depot: Point, stops: readonly Point[]): DistanceMatrix {
  const points = [depot, ...stops];
  const size = points.length;
  const data = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const d = metresBetween(points[i]!, points[j]!);
      data[i * size + j] = d;
      data[j * size + i] = d;
    }
  }
  return { size, data };
}

/** Length of a route that starts and ends at the depot (node 0) and visits `nodes` in order. */
export function routeLength(matrix: DistanceMatrix, nodes: readonly number[]): number {
  const { size, data } = matrix;
  let total = 0;
  let previous = 0;
  for (const node of nodes) {
    total += data[previous * size + node]!;
    previous = node;
  }
  return total + data[previous * size]!;
}

/**
 * For each stop, the `count` nearest other stops (ties by index). Moves are only tried between a stop
 * and its near neighbours ("granular" search): good moves almost always join close stops, and it keeps
 * a pass over 200 stops to a few thousand evaluations.
 */
export function nearestNeighbours(matrix: DistanceMatrix, count: number): Int32Array[] {
  const { size, data } = matrix;
  const lists: Int32Array[] = [new Int32Array(0)];
  for (let i = 1; i < size; i++) {
    const others: number[] = [];
    for (let j = 1; j < size; j++) if (j !== i) others.push(j);
    others.sort((a, b) => data[i * size + a]! - data[i * size + b]! || a - b);
    lists.push(Int32Array.from(others.slice(0, count)));
  }
  return lists;
}
