import type { DistanceMatrix } from './distance-matrix.ts';

/**
 * Clarke–Wright savings, parallel version: every stop starts on its own out-and-back route, and the
 * pair of route ends whose joining saves the most distance (d(0,i) + d(0,j) − λ·d(i,j)) is joined
 * first, as long as the joined load fits. λ ("route shape") above 1 favours joining close stops
 * over far-from-depot ones; trying a few λ gives the local search different, good starts.
 * Ties are broken by node index, so the construction is deterministic.
 *
 * Stops are nodes 1..n of the matrix; returns routes as lists of nodes, depot left out.
 */
export function savingsRoutes(
  matrix: DistanceMatrix,
  demand: ArrayLike<number>,
  capacity: number,
  shape = 1,
): number[][] {
  const { size, data } = matrix;
  const stops = size - 1;
  const pairs: { i: number; j: number; saving: number }[] = [];
  for (let i = 1; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const saving = data[i]! + data[j]! - shape * data[i * size + j]!;
      if (saving > 0) pairs.push({ i, j, saving });
    }
  }
  pairs.sort((a, b) => b.saving - a.saving || a.i - b.i || a.j - b.j);

  const routes: (number[] | null)[] = [null];
  const routeOf = new Int32Array(size);
  const load: number[] = [0];
  for (let i = 1; i <= stops; i++) {
    routes.push([i]);
    routeOf[i] = i;
    load.push(demand[i]!);
  }
  for (const { i, j } of pairs) {
    const a = routeOf[i]!;
    const b = routeOf[j]!;
    if (a === b || load[a]! + load[b]! > capacity) continue;
    let first = routes[a]!;
    let second = routes[b]!;
    const iAtEnd = first[first.length - 1] === i;
    const iAtStart = first[0] === i;
    const jAtStart = second[0] === j;
    const jAtEnd = second[second.length - 1] === j;
    if (!(iAtEnd || iAtStart) || !(jAtStart || jAtEnd)) continue; // an inner stop cannot be joined
    if (!iAtEnd) first = first.reverse();
    if (!jAtStart) second = second.reverse();
    const joined = first.concat(second);
    routes[a] = joined;
    routes[b] = null;
    load[a] = load[a]! + load[b]!;
    for (const node of second) routeOf[node] = a;
  }
  return routes.filter((route): route is number[] => route !== null);
}
