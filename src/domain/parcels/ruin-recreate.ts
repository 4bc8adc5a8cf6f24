import type { Random } from '../random.ts';
import type { Solution } from './solution.ts';

// The perturbation of the iterated local search: remove a few strings of stops near a random stop
// ("slack induction by string removals", Christiaens & Vanden Berghe 2020, simplified), then put the
// removed stops back one by one where each costs least, sometimes skipping a place ("blinks") so that
// the repair does not always rebuild what was there.

const AVERAGE_REMOVED = 10;
const LONGEST_STRING = 10;
const BLINK_RATE = 0.01;

export function ruinAndRecreate(sol: Solution, random: Random): void {
  const removed = ruin(sol, random);
  recreate(sol, removed, random);
}

function ruin(sol: Solution, random: Random): number[] {
  const stops = sol.problem.matrix.size - 1;
  const seed = random.int(1, stops);
  const target = Math.min(stops, random.int(1, 2 * AVERAGE_REMOVED - 1));
  const removed: number[] = [];
  const ruinedRoutes = new Set<number>();
  for (const node of [seed, ...sol.problem.neighbours[seed]!]) {
    if (removed.length >= target) break;
    const r = sol.routeOf[node]!;
    if (ruinedRoutes.has(r) || removed.includes(node)) continue;
    ruinedRoutes.add(r);
    const route = sol.routes[r]!;
    const length = Math.min(route.length, random.int(1, LONGEST_STRING), target - removed.length);
    // a string of `length` consecutive stops that contains `node`
    const position = sol.positionOf[node]!;
    const first = Math.max(0, Math.min(position - random.int(0, length - 1), route.length - length));
    removed.push(...route.splice(first, length));
    sol.refresh(r);
  }
  return removed;
}

function recreate(sol: Solution, removed: number[], random: Random): void {
  const { matrix, demand, capacity } = sol.problem;
  const { size, data } = matrix;
  const order = random.int(0, 2);
  if (order === 0) removed.sort((a, b) => demand[b]! - demand[a]! || a - b);
  else if (order === 1) removed.sort((a, b) => data[b]! - data[a]! || a - b);
  else
    for (let i = removed.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [removed[i], removed[j]] = [removed[j]!, removed[i]!];
    }

  for (const node of removed) {
    let bestCost = 2 * data[node]!; // a route of its own
    let bestRoute = -1;
    let bestPosition = 0;
    for (let r = 0; r < sol.routes.length; r++) {
      const route = sol.routes[r]!;
      if (route.length === 0 || sol.load[r]! + demand[node]! > capacity) continue;
      let previous = 0;
      for (let p = 0; p <= route.length; p++) {
        const following = p === route.length ? 0 : route[p]!;
        if (!random.chance(BLINK_RATE)) {
          const cost =
            data[previous * size + node]! +
            data[node * size + following]! -
            data[previous * size + following]!;
          if (cost < bestCost) {
            bestCost = cost;
            bestRoute = r;
            bestPosition = p;
          }
        }
        previous = following;
      }
    }
    if (bestRoute < 0) {
      bestRoute = sol.emptyRoute();
      bestPosition = 0;
    }
    sol.routes[bestRoute]!.splice(bestPosition, 0, node);
    sol.refresh(bestRoute);
  }
}
