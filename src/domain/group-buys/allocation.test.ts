import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFairly, tieBreakOrder } from './allocation.ts';

const requests = fc.uniqueArray(
  fc.record({ householdId: fc.stringMatching(/^h[0-9]{1,4}$/), quantity: fc.integer({ min: 1, max: 12 }) }),
  { selector: (r) => r.householdId, maxLength: 60 },
);
const stock = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
const seed = fc.string({ maxLength: 12 });
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('allocateFairly', () => {
  it('never gives more than the stock, nor more than a household asked, and uses all it can', () => {
    fc.assert(
      fc.property(stock, requests, seed, (s, rs, sd) => {
        const shares = allocateFairly(s, rs, sd);
        const asked = rs.reduce((a, r) => a + r.quantity, 0);
        expect(shares.size).toBe(rs.length);
        for (const r of rs) {
          expect(shares.get(r.householdId)).toBeGreaterThanOrEqual(0);
          expect(shares.get(r.householdId)).toBeLessThanOrEqual(r.quantity);
        }
        expect(sum(shares)).toBe(s === null ? asked : Math.min(s, asked));
      }),
    );
  });

  it('gives every household one unit before anyone gets two, and shares differ by at most one among the short', () => {
    fc.assert(
      fc.property(stock, requests, seed, (s, rs, sd) => {
        const shares = allocateFairly(s, rs, sd);
        const values = rs.map((r) => shares.get(r.householdId)!);
        if (values.some((v) => v >= 2)) expect(values.every((v) => v >= 1)).toBe(true);
        // households that got less than they asked: none is more than one unit behind anyone else
        const short = rs
          .filter((r) => shares.get(r.householdId)! < r.quantity)
          .map((r) => shares.get(r.householdId)!);
        for (const r of rs)
          for (const v of short) expect(shares.get(r.householdId)!).toBeLessThanOrEqual(v + 1);
      }),
    );
  });

  it('is the same for the same seed whatever order the orders came in', () => {
    fc.assert(
      fc.property(stock, requests, seed, (s, rs, sd) => {
        const a = allocateFairly(s, rs, sd);
        const b = allocateFairly(s, [...rs].reverse(), sd);
        for (const r of rs) expect(b.get(r.householdId)).toBe(a.get(r.householdId));
      }),
    );
  });

  it('takes a shortfall down by the same rule: no one gains, the total fits what arrived', () => {
    fc.assert(
      fc.property(stock, requests, seed, fc.integer({ min: 0, max: 400 }), (s, rs, sd, received) => {
        const first = allocateFairly(s, rs, sd);
        const down = allocateFairly(
          received,
          rs.map((r) => ({ householdId: r.householdId, quantity: first.get(r.householdId)! })),
          sd,
        );
        for (const r of rs) expect(down.get(r.householdId)!).toBeLessThanOrEqual(first.get(r.householdId)!);
        expect(sum(down)).toBe(Math.min(received, sum(first)));
      }),
    );
  });

  it('500 bags for 600 households asking 1–3: 500 households get one bag, chosen by the seed', () => {
    const rs = Array.from({ length: 600 }, (_, i) => ({ householdId: `h${i}`, quantity: 1 + (i % 3) }));
    const a = allocateFairly(500, rs, 'seed-1');
    expect([...a.values()].filter((v) => v === 1)).toHaveLength(500);
    const b = allocateFairly(500, rs, 'seed-2');
    expect([...b.entries()].some(([id, v]) => a.get(id) !== v)).toBe(true);
  });

  it('refuses a household twice and a negative quantity', () => {
    expect(() =>
      allocateFairly(
        3,
        [
          { householdId: 'a', quantity: 1 },
          { householdId: 'a', quantity: 2 },
        ],
        's',
      ),
    ).toThrow();
    expect(() => allocateFairly(3, [{ householdId: 'a', quantity: -1 }], 's')).toThrow();
  });
});

describe('tieBreakOrder', () => {
  it('is a permutation that depends only on the seed and the set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), seed, (ids, sd) => {
        const order = tieBreakOrder(ids, sd);
        expect([...order].sort()).toEqual([...ids].sort());
        expect(tieBreakOrder([...ids].reverse(), sd)).toEqual(order);
      }),
    );
  });
});
