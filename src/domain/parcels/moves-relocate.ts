import type { Solution } from './solution.ts';

// Moves that take stops out of one place and put them in another: relocate and Or-opt, a move of a
// stop onto a route of its own, and the swap of two stops. Each returns true when it found and made
// an improving move. Distances are whole metres, so "improving" means shorter by at least 1 m.

const IMPROVES = -0.5;

/**
 * Or-opt / relocate: moves the run of 1, 2 or 3 consecutive stops that starts at u next to v (just
 * before or just after it), forwards or backwards, within u's route or into v's.
 */
export function relocateRun(sol: Solution, u: number, v: number): boolean {
  const { matrix, demand, capacity } = sol.problem;
  const { size, data } = matrix;
  const ru = sol.routeOf[u]!;
  const rv = sol.routeOf[v]!;
  const sameRoute = ru === rv;
  const route = sol.routes[ru]!;
  const start = sol.positionOf[u]!;
  const vAt = sol.positionOf[v]!;
  const before = start === 0 ? 0 : route[start - 1]!;
  const beforeV = sol.previous(v);
  const afterV = sol.next(v);
  const spare = capacity - sol.load[rv]!;
  const loadBeforeU = sol.prefixLoad[u]! - demand[u]!;
  for (let end = start; end < start + 3 && end < route.length; end++) {
    if (sameRoute && vAt >= start && vAt <= end) return false; // longer runs contain v too
    const last = route[end]!;
    if (!sameRoute && sol.prefixLoad[last]! - loadBeforeU > spare) return false; // longer runs weigh more
    const after = end === route.length - 1 ? 0 : route[end + 1]!;
    const removalGain = data[before * size + u]! + data[last * size + after]! - data[before * size + after]!;
    for (let side = 0; side < 2; side++) {
      // the two places next to v: between its predecessor and v, and between v and its successor
      const a = side === 0 ? beforeV : v;
      const b = side === 0 ? v : afterV;
      if (sameRoute) {
        const other = side === 0 ? a : b;
        const at = sol.positionOf[other]!;
        if (other !== 0 && at >= start && at <= end) continue; // that place is inside the run
      }
      const opened = data[a * size + b]!;
      const forward = data[a * size + u]! + data[last * size + b]! - opened;
      const backward = end > start ? data[a * size + last]! + data[u * size + b]! - opened : Infinity;
      const reversed = backward < forward;
      if ((reversed ? backward : forward) - removalGain >= IMPROVES) continue;
      const run = route.splice(start, end - start + 1);
      if (reversed) run.reverse();
      const target = sol.routes[rv]!;
      target.splice(a === 0 ? 0 : target.indexOf(a) + 1, 0, ...run);
      sol.refresh(ru);
      if (!sameRoute) sol.refresh(rv);
      return true;
    }
  }
  return false;
}

/** Puts u on a new route of its own when that is shorter (rare, but possible after a perturbation). */
export function relocateToNewRoute(sol: Solution, u: number): boolean {
  const { size, data } = sol.problem.matrix;
  const ru = sol.routeOf[u]!;
  if (sol.routes[ru]!.length === 1) return false;
  const before = sol.previous(u);
  const after = sol.next(u);
  const removalGain = data[before * size + u]! + data[u * size + after]! - data[before * size + after]!;
  if (2 * data[u]! - removalGain >= IMPROVES) return false;
  sol.routes[ru]!.splice(sol.positionOf[u]!, 1);
  const fresh = sol.emptyRoute();
  sol.routes[fresh]!.push(u);
  sol.refresh(ru);
  sol.refresh(fresh);
  return true;
}

/** Exchanges the places of u and v (in two routes, or in one route when they are not neighbours). */
export function swapStops(sol: Solution, u: number, v: number): boolean {
  const { matrix, demand, capacity } = sol.problem;
  const { size, data } = matrix;
  const ru = sol.routeOf[u]!;
  const rv = sol.routeOf[v]!;
  const pu = sol.positionOf[u]!;
  const pv = sol.positionOf[v]!;
  if (ru === rv && Math.abs(pu - pv) < 2) return false;
  if (ru !== rv) {
    const shift = demand[v]! - demand[u]!;
    if (sol.load[ru]! + shift > capacity || sol.load[rv]! - shift > capacity) return false;
  }
  const bu = sol.previous(u);
  const au = sol.next(u);
  const bv = sol.previous(v);
  const av = sol.next(v);
  const delta =
    data[bu * size + v]! +
    data[v * size + au]! -
    data[bu * size + u]! -
    data[u * size + au]! +
    data[bv * size + u]! +
    data[u * size + av]! -
    data[bv * size + v]! -
    data[v * size + av]!;
  if (delta >= IMPROVES) return false;
  sol.routes[ru]![pu] = v;
  sol.routes[rv]![pv] = u;
  sol.refresh(ru);
  if (rv !== ru) sol.refresh(rv);
  return true;
}
