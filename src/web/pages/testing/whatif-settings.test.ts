import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeTotal, hoursAndMinutes, moveLane, totalLanes } from './whatif-settings.ts';

const splits = fc
  .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 })
  .map((lanes) => Object.fromEntries(lanes.map((n, i) => [`g${i}`, n])));

describe('what-if lane settings', () => {
  it('moving a lane keeps the total and never leaves a gate without a lane', () => {
    fc.assert(
      fc.property(splits, fc.nat(3), fc.constantFrom(1 as const, -1 as const), (split, i, delta) => {
        const gate = Object.keys(split)[i % Object.keys(split).length]!;
        const moved = moveLane(split, gate, delta);
        expect(totalLanes(moved)).toBe(totalLanes(split));
        for (const n of Object.values(moved)) expect(n).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('changing the total adds or removes exactly one lane, never the last lane of a gate', () => {
    fc.assert(
      fc.property(splits, fc.constantFrom(1 as const, -1 as const), (split, delta) => {
        const residents = Object.fromEntries(Object.keys(split).map((g, i) => [g, 100 * (i + 1)]));
        const changed = changeTotal(split, residents, delta);
        const canShrink = Object.values(split).some((n) => n > 1);
        expect(totalLanes(changed)).toBe(totalLanes(split) + (delta > 0 || canShrink ? delta : 0));
        for (const n of Object.values(changed)) expect(n).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('gives a new lane to the gate with the most residents per lane', () => {
    expect(changeTotal({ east: 3, west: 3 }, { east: 2943, west: 3202 }, 1)).toEqual({ east: 3, west: 4 });
    expect(moveLane({ east: 3, west: 3 }, 'east', 1)).toEqual({ east: 4, west: 2 });
    expect(hoursAndMinutes(3 * 3600 + 29 * 60 + 40)).toEqual({ h: 3, m: 30 });
  });
});
