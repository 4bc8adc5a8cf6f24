import type { Solution } from './solution.ts';

// Moves that reconnect routes rather than move stops: 2-opt inside a route (reverse a stretch) and
// 2-opt* between two routes (exchange their tails, straight or reversed). Each one makes u and v
// neighbours on a route; the four 2-opt* variants are the four ways to join them across two routes.

const IMPROVES = -0.5;

/** 2-opt: reverses the stretch of one route between u and v so that they become neighbours. */
export function twoOpt(sol: Solution, u: number, v: number): boolean {
  const r = sol.routeOf[u]!;
  if (sol.routeOf[v] !== r) return false;
  const { size, data } = sol.problem.matrix;
  const route = sol.routes[r]!;
  const i = Math.min(sol.positionOf[u]!, sol.positionOf[v]!);
  const j = Math.max(sol.positionOf[u]!, sol.positionOf[v]!);
  const a = route[i]!;
  const b = route[j]!;
  if (j > i + 1) {
    // reverse i+1..j: a→b and (after a)→(after b)
    const afterA = route[i + 1]!;
    const afterB = sol.next(b);
    const delta =
      data[a * size + b]! +
      data[afterA * size + afterB]! -
      data[a * size + afterA]! -
      data[b * size + afterB]!;
    if (delta < IMPROVES) return reverseStretch(sol, r, i + 1, j);
    // reverse i..j-1: (before a)→(before b) and a→b
    const beforeA = sol.previous(a);
    const beforeB = route[j - 1]!;
    const delta2 =
      data[beforeA * size + beforeB]! +
      data[a * size + b]! -
      data[beforeA * size + a]! -
      data[beforeB * size + b]!;
    if (delta2 < IMPROVES) return reverseStretch(sol, r, i, j - 1);
  }
  return false;
}

function reverseStretch(sol: Solution, r: number, from: number, to: number): boolean {
  const route = sol.routes[r]!;
  for (let x = from, y = to; x < y; x++, y--) {
    const t = route[x]!;
    route[x] = route[y]!;
    route[y] = t;
  }
  sol.refresh(r);
  return true;
}

/** 2-opt*: splits the routes of u and v and joins the pieces so that u and v become neighbours. */
export function twoOptStar(sol: Solution, u: number, v: number): boolean {
  const ru = sol.routeOf[u]!;
  const rv = sol.routeOf[v]!;
  if (ru === rv) return false;
  const { matrix, demand, capacity } = sol.problem;
  const { size, data } = matrix;
  const A = sol.routes[ru]!;
  const B = sol.routes[rv]!;
  const i = sol.positionOf[u]!;
  const j = sol.positionOf[v]!;
  const qA = sol.load[ru]!;
  const qB = sol.load[rv]!;
  const upToU = sol.prefixLoad[u]!;
  const beforeU = upToU - demand[u]!;
  const upToV = sol.prefixLoad[v]!;
  const beforeV = upToV - demand[v]!;
  const bu = sol.previous(u);
  const au = sol.next(u);
  const bv = sol.previous(v);
  const av = sol.next(v);

  const uv = data[u * size + v]!;
  const cutU = data[u * size + au]!;
  const cutBeforeU = data[bu * size + u]!;
  const cutV = data[v * size + av]!;
  const cutBeforeV = data[bv * size + v]!;
  const max = capacity;

  // A[..u] + B[v..] and B[..before v] + A[after u..]
  if (uv + data[bv * size + au]! - cutU - cutBeforeV < IMPROVES) {
    if (upToU + qB - beforeV <= max && beforeV + qA - upToU <= max)
      return replace(sol, ru, rv, A.slice(0, i + 1).concat(B.slice(j)), B.slice(0, j).concat(A.slice(i + 1)));
  }
  // B[..v] + A[u..] and A[..before u] + B[after v..]
  if (uv + data[bu * size + av]! - cutV - cutBeforeU < IMPROVES) {
    if (upToV + qA - beforeU <= max && beforeU + qB - upToV <= max)
      return replace(sol, ru, rv, A.slice(0, i).concat(B.slice(j + 1)), B.slice(0, j + 1).concat(A.slice(i)));
  }
  // A[..u] + reversed B[..v] and reversed A[after u..] + B[after v..]
  if (uv + data[au * size + av]! - cutU - cutV < IMPROVES) {
    if (upToU + upToV <= max && qA - upToU + qB - upToV <= max) {
      const first = A.slice(0, i + 1).concat(B.slice(0, j + 1).reverse());
      return replace(
        sol,
        ru,
        rv,
        first,
        A.slice(i + 1)
          .reverse()
          .concat(B.slice(j + 1)),
      );
    }
  }
  // B[..before v] + reversed A[..before u] and reversed B[v..] + A[u..]
  if (uv + data[bv * size + bu]! - cutBeforeU - cutBeforeV < IMPROVES) {
    if (beforeV + beforeU <= max && qB - beforeV + qA - beforeU <= max) {
      const first = B.slice(0, j).concat(A.slice(0, i).reverse());
      return replace(sol, ru, rv, first, B.slice(j).reverse().concat(A.slice(i)));
    }
  }
  return false;
}

function replace(sol: Solution, ru: number, rv: number, first: number[], second: number[]): boolean {
  sol.routes[ru] = first;
  sol.routes[rv] = second;
  sol.refresh(ru);
  sol.refresh(rv);
  return true;
}
