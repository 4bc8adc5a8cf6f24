import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PersonFacts, PlaceClaims, type ShiftFacts } from './signup-gate.ts';

const now = new Date('2026-04-09T12:00:00Z');
const person: PersonFacts = {
  roles: ['volunteer'],
  volunteerStatus: 'approved',
  groupIds: ['g'],
} as PersonFacts;
const shiftWith = (capacity: number, taken: number): ShiftFacts =>
  ({
    status: 'open',
    mode: 'first_come',
    groupId: 'g',
    opensAt: new Date('2026-04-09T00:00:00Z'),
    closesAt: new Date('2026-04-10T00:00:00Z'),
    places: [{ role: 'rider', capacity, taken }],
  }) as ShiftFacts;
const plain = { waitlist: false };

describe('place claims: sign-ups of this process on their way to a place', () => {
  it('lets one claim per free place, one per person, and reopens a place when a sign-up gives it back', () => {
    const claims = new PlaceClaims();
    const shift = shiftWith(3, 1);
    const a = claims.claim('c', 's', 'a', { person, shift }, plain, now);
    const b = claims.claim('c', 's', 'b', { person, shift }, plain, now);
    expect(typeof a).toBe('function');
    expect(typeof b).toBe('function');
    // a second attempt of a person who already holds a claim holds nothing more
    expect(claims.claim('c', 's', 'a', { person, shift }, plain, now)).toBeUndefined();
    expect(claims.claim('c', 's', 'x', { person, shift }, plain, now)).toBeNull();
    b!();
    expect(typeof claims.claim('c', 's', 'x', { person, shift }, plain, now)).toBe('function');
    expect(claims.held('c', 's', 'rider')).toBe(2);
  });

  it('claims nothing for what is not a plain first-come sign-up', () => {
    const claims = new PlaceClaims();
    const shift = shiftWith(1, 0);
    expect(claims.claim('c', 's', 'a', { person, shift }, { waitlist: true }, now)).toBeUndefined();
    const draw = { ...shift, mode: 'draw' } as ShiftFacts;
    expect(claims.claim('c', 's', 'a', { person, shift: draw }, plain, now)).toBeUndefined();
    const outsider = { ...person, groupIds: ['other'] } as PersonFacts;
    expect(claims.claim('c', 's', 'a', { person: outsider, shift }, plain, now)).toBeUndefined();
  });

  it('never holds more claims than free places, whatever the order of claims and releases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 60 }),
        (capacity, takenRaw, steps) => {
          const taken = Math.min(takenRaw, capacity);
          const claims = new PlaceClaims();
          const shift = shiftWith(capacity, taken);
          const releases = new Map<number, () => void>();
          for (const [claiming, who] of steps) {
            if (claiming) {
              const r = claims.claim('c', 's', `p${who}`, { person, shift }, plain, now);
              if (r) releases.set(who, r);
            } else {
              releases.get(who)?.();
              releases.delete(who);
            }
            expect(claims.held('c', 's', 'rider')).toBe(releases.size);
            expect(releases.size).toBeLessThanOrEqual(capacity - taken);
          }
        },
      ),
    );
  });
});
