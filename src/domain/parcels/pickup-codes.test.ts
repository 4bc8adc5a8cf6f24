import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import {
  assignPickupCodes,
  PICKUP_CODE_PATTERN,
  PICKUP_CODE_SPACE,
  PickupCodesExhausted,
  pickupGroupOf,
} from './pickup-codes.ts';

const randomBelowFrom = (seed: number) => {
  const random = createRandom(seed);
  return (n: number) => Math.floor(random.next() * n);
};

describe('pickup codes', () => {
  it('gives every group one four-digit code, none taken already and no two alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: PICKUP_CODE_SPACE - 1 }), { maxLength: 400 }),
        fc.integer(),
        (groups, takenNumbers, seed) => {
          const taken = new Set(takenNumbers.map((n) => String(n).padStart(4, '0')));
          const codes = assignPickupCodes(groups, taken, randomBelowFrom(seed));
          expect([...codes.keys()].sort()).toEqual([...new Set(groups)].sort());
          const given = [...codes.values()];
          expect(new Set(given).size).toBe(given.length);
          for (const code of given) {
            expect(code).toMatch(PICKUP_CODE_PATTERN);
            expect(taken.has(code)).toBe(false);
          }
        },
      ),
    );
  });

  it('still finds the last free codes when the building is nearly full, and says so when none are left', () => {
    const taken = new Set(
      Array.from({ length: PICKUP_CODE_SPACE - 2 }, (_, n) => String(n).padStart(4, '0')),
    );
    const codes = assignPickupCodes(['a', 'b'], taken, randomBelowFrom(7));
    expect([...codes.values()].sort()).toEqual(['9998', '9999']);
    expect(() => assignPickupCodes(['a', 'b', 'c'], taken, randomBelowFrom(7))).toThrow(PickupCodesExhausted);
  });

  it('groups a household’s parcels, a room without a household, and a parcel without a room alone', () => {
    expect(pickupGroupOf({ id: 'p1', householdId: 'h1', room: '1203' })).toBe('household:h1');
    expect(pickupGroupOf({ id: 'p2', householdId: null, room: '9999' })).toBe('room:9999');
    expect(pickupGroupOf({ id: 'p3', householdId: null, room: null })).toBe('parcel:p3');
  });
});
