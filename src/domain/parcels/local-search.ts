import type { Random } from '../random.ts';
import { twoOpt, twoOptStar } from './moves-exchange.ts';
import { relocateRun, relocateToNewRoute, swapStops } from './moves-relocate.ts';
import type { Solution } from './solution.ts';

/** Tries each move between u and one near stop v, in a fixed order; makes the first that improves. */
function improveAround(sol: Solution, u: number, v: number): boolean {
  return (
    relocateRun(sol, u, v) ||
    swapStops(sol, u, v) ||
    (sol.routeOf[u] === sol.routeOf[v] ? twoOpt(sol, u, v) : twoOptStar(sol, u, v))
  );
}

/**
 * First-improvement local search over relocate / Or-opt, swap, 2-opt and 2-opt*, each between a stop
 * and its near neighbours, until a whole pass finds nothing to improve: the result is a local optimum
 * of all these moves. A pair is skipped when neither of its routes changed since the stop was last
 * tested, so a search after a small perturbation looks mostly where the perturbation was.
 * The stops are visited in an order drawn from `random`, so different calls explore differently but
 * the same seed always gives the same result.
 */
export function localSearch(sol: Solution, random: Random): void {
  const { neighbours } = sol.problem;
  const order = Array.from({ length: sol.problem.matrix.size - 1 }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const { routeOf, changedAt } = sol; // updated in place by every move
  let cost = sol.cost;
  let improved = true;
  while (improved) {
    improved = false;
    for (const u of order) {
      const lastTested = sol.testedAt[u]!;
      sol.testedAt[u] = sol.clock;
      const near = neighbours[u]!;
      for (let k = 0; k < near.length; k++) {
        const v = near[k]!;
        const changed = Math.max(changedAt[routeOf[u]!]!, changedAt[routeOf[v]!]!);
        if (changed <= lastTested) continue;
        if (improveAround(sol, u, v)) {
          improved = true;
          cost = shorter(sol, cost);
        }
      }
      if (changedAt[routeOf[u]!]! > lastTested && relocateToNewRoute(sol, u)) {
        improved = true;
        cost = shorter(sol, cost);
      }
    }
  }
}

/**
 * Every move must shorten the plan by a whole metre at least: that is what makes the search end.
 * Checked rather than trusted, so that a wrong move cannot loop forever but fails loudly.
 */
function shorter(sol: Solution, before: number): number {
  const after = sol.cost;
  if (!(after < before)) throw new Error(`local search: a move took the plan from ${before} m to ${after} m`);
  return after;
}
