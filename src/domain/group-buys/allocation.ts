import { createRandom, seedFromText } from '../random.ts';

export interface UnitRequest {
  householdId: string;
  /** units asked for, a positive integer */
  quantity: number;
}

/**
 * The households in the order ties are broken: a shuffle driven only by the seed and the set of
 * households (not the order they came in), so anyone holding the seed gets the same order back.
 */
export function tieBreakOrder(householdIds: readonly string[], seed: string): string[] {
  const order = [...householdIds].sort();
  const random = createRandom(seedFromText(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Shares `stock` units out among the requests, round by round: first one unit to every household,
 * then a second to every household that asked for more, and so on; when a round cannot go all the
 * way round, the seeded tie-break order says who gets that round's unit. `stock` null (unknown) or at
 * least the total asked: everyone gets what they asked. Returns units per household, every household
 * present (0 when the stock ran out before its turn).
 */
export function allocateFairly(
  stock: number | null,
  requests: readonly UnitRequest[],
  seed: string,
): Map<string, number> {
  const asked = new Map<string, number>();
  for (const r of requests) {
    if (!Number.isInteger(r.quantity) || r.quantity < 0)
      throw new RangeError('quantity must be a whole number ≥ 0');
    if (asked.has(r.householdId)) throw new RangeError('a household appears twice');
    asked.set(r.householdId, r.quantity);
  }
  const total = [...asked.values()].reduce((a, b) => a + b, 0);
  if (stock === null || stock >= total) return asked;
  if (!Number.isInteger(stock) || stock < 0) throw new RangeError('stock must be a whole number ≥ 0');

  // The last round everyone still asking can be served in full: the level L with Σ min(q, L) ≤ stock.
  const quantities = [...asked.values()].sort((a, b) => a - b);
  let level = 0;
  let usedBelow = 0; // Σ of the quantities already under the level
  let remainingHouseholds = quantities.length;
  for (const q of quantities) {
    // serving everyone still asking up to q units
    if (usedBelow + q * remainingHouseholds > stock) break;
    level = q;
    usedBelow += q;
    remainingHouseholds--;
  }
  if (remainingHouseholds > 0)
    level += Math.floor((stock - usedBelow - level * remainingHouseholds) / remainingHouseholds);

  const shares = new Map<string, number>();
  let left = stock;
  for (const [id, q] of asked) {
    const share = Math.min(q, level);
    shares.set(id, share);
    left -= share;
  }
  // the partial round: one more unit each, in tie-break order, while units remain
  for (const id of tieBreakOrder([...asked.keys()], seed)) {
    if (left === 0) break;
    if (asked.get(id)! > shares.get(id)!) {
      shares.set(id, shares.get(id)! + 1);
      left--;
    }
  }
  return shares;
}
