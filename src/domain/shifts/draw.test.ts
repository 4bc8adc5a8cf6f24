import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { type DrawEntrant, type DrawInput, drawPlaces, verifyDraw, wholeHours } from './draw.ts';

const ROLES = ['sorter', 'rider'] as const;

const entrantsArb = fc
  .array(
    fc.record({
      role: fc.constantFrom(...ROLES),
      // fractions too: 2 h 50 min counts as 2 whole hours
      hours7d: fc.oneof(fc.nat(6), fc.double({ min: 0, max: 30, noNaN: true })),
      minute: fc.nat(600),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r, i): DrawEntrant => ({
        signupId: `s${i}`,
        volunteerId: `v${i}`,
        role: r.role,
        hours7d: r.hours7d,
        requestedAt: new Date(Date.UTC(2026, 3, 9, 20, r.minute)).toISOString(),
      }),
    ),
  );

const inputArb: fc.Arbitrary<DrawInput> = fc.record({
  seed: fc.string({ maxLength: 32 }),
  entrants: entrantsArb,
  roles: fc.tuple(fc.nat(8), fc.nat(8), fc.nat(8), fc.nat(8)).map(([c1, t1, c2, t2]) => [
    { role: 'sorter', capacity: c1, taken: Math.min(t1, c1) },
    { role: 'rider', capacity: c2, taken: Math.min(t2, c2) },
  ]),
});

describe('the fair draw', () => {
  it('gives the same result for the same seed, whatever order the entrants arrive in', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, shuffleSeed) => {
        const random = createRandom(shuffleSeed);
        const reordered = input.entrants
          .map((e) => ({ e, key: random.next() }))
          .sort((a, b) => a.key - b.key)
          .map(({ e }) => e);
        expect(drawPlaces({ ...input, entrants: reordered })).toEqual(drawPlaces(input));
      }),
    );
  });

  it('never confirms more than the free places of a role, and fills them while anyone waits', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const results = drawPlaces(input);
        for (const role of input.roles) {
          const free = role.capacity - role.taken;
          const mine = results.filter((r) => r.role === role.role);
          const confirmed = mine.filter((r) => r.outcome === 'confirmed').length;
          expect(confirmed).toBeLessThanOrEqual(free);
          expect(confirmed).toBe(Math.min(free, mine.length));
        }
      }),
    );
  });

  it('places everyone exactly once, confirmed or on a waitlist numbered 1, 2, 3… per role', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const results = drawPlaces(input);
        expect(results.map((r) => r.signupId).sort()).toEqual(input.entrants.map((e) => e.signupId).sort());
        for (const role of ROLES) {
          const waiting = results.filter((r) => r.role === role && r.outcome === 'waitlisted');
          expect(waiting.map((r) => r.position)).toEqual(waiting.map((_, i) => i + 1));
          for (const r of results) {
            expect(r.outcome === 'confirmed' ? r.position === null : (r.position ?? 0) >= 1).toBe(true);
          }
        }
      }),
    );
  });

  it('never waitlists someone with fewer whole hours while someone with more in the same role got a place', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const results = drawPlaces(input);
        for (const role of ROLES) {
          const mine = results.filter((r) => r.role === role);
          const mostConfirmed = Math.max(
            -1,
            ...mine.filter((r) => r.outcome === 'confirmed').map((r) => wholeHours(r.hours7d)),
          );
          for (const w of mine.filter((r) => r.outcome === 'waitlisted')) {
            expect(wholeHours(w.hours7d)).toBeGreaterThanOrEqual(mostConfirmed);
          }
          // the ranking itself goes from fewest hours to most
          const hours = mine.map((r) => r.wholeHours);
          expect(hours).toEqual([...hours].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('is reproduced from its record, and a tampered record is caught', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const recorded = JSON.parse(JSON.stringify(drawPlaces(input)));
        expect(verifyDraw(input, recorded)).toBe(true);
        const firstWaiting = recorded.findIndex((r: { outcome: string }) => r.outcome === 'waitlisted');
        const firstConfirmed = recorded.findIndex((r: { outcome: string }) => r.outcome === 'confirmed');
        if (firstWaiting >= 0 && firstConfirmed >= 0) {
          recorded[firstWaiting].outcome = 'confirmed';
          expect(verifyDraw(input, recorded)).toBe(false);
        }
      }),
    );
  });

  it('gives each of equal hours about the same chance over many seeds', () => {
    const entrants: DrawEntrant[] = Array.from({ length: 5 }, (_, i) => ({
      signupId: `s${i}`,
      volunteerId: `v${i}`,
      role: 'rider',
      hours7d: 3 + i / 10, // 3.0 … 3.4: all three whole hours
      requestedAt: new Date(Date.UTC(2026, 3, 9, 20, i)).toISOString(),
    }));
    const runs = 4000;
    const wins = new Map<string, number>();
    const firsts = new Map<string, number>();
    for (let i = 0; i < runs; i++) {
      const results = drawPlaces({
        seed: `seed-${i}`,
        entrants,
        roles: [{ role: 'rider', capacity: 2, taken: 0 }],
      });
      for (const r of results) {
        if (r.outcome === 'confirmed') wins.set(r.signupId, (wins.get(r.signupId) ?? 0) + 1);
        if (r.rank === 1) firsts.set(r.signupId, (firsts.get(r.signupId) ?? 0) + 1);
      }
    }
    // Expected 1,600 wins each (2 places in 5), standard deviation ≈ 31; 200 is over 6 of them.
    for (const e of entrants) expect(Math.abs((wins.get(e.signupId) ?? 0) - 1600)).toBeLessThan(200);
    // The earliest request is not favoured: everyone heads the waitlist-order about 1 time in 5.
    for (const e of entrants) expect(Math.abs((firsts.get(e.signupId) ?? 0) - 800)).toBeLessThan(150);
  });

  it('ranks by whole hours: 2 h 50 min is level with 2 h, below 3 h', () => {
    const at = '2026-04-09T20:00:00.000Z';
    const results = drawPlaces({
      seed: 'x',
      entrants: [
        { signupId: 'a', volunteerId: 'a', role: 'r', hours7d: 3, requestedAt: at },
        { signupId: 'b', volunteerId: 'b', role: 'r', hours7d: 2 + 50 / 60, requestedAt: at },
        { signupId: 'c', volunteerId: 'c', role: 'r', hours7d: 0, requestedAt: at },
      ],
      roles: [{ role: 'r', capacity: 2, taken: 0 }],
    });
    expect(results.map((r) => [r.signupId, r.wholeHours, r.outcome])).toEqual([
      ['c', 0, 'confirmed'],
      ['b', 2, 'confirmed'],
      ['a', 3, 'waitlisted'],
    ]);
  });
});
