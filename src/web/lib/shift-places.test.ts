import { describe, expect, it } from 'vitest';
import { withPlaces } from './shift-places.ts';

describe('patching a cached shift from a live event', () => {
  const shift = {
    id: 's1',
    roles: [
      { role: 'sorter', capacity: 1, taken: 0, waiting: 0 },
      { role: 'rider', capacity: 2, taken: 1, waiting: 0, requested: 3 },
    ],
  };

  it("replaces the named roles' figures and keeps the others", () => {
    const patched = withPlaces(shift, {
      shiftId: 's1',
      roles: [{ role: 'rider', capacity: 2, taken: 2, waiting: 1 }],
    });
    expect(patched.roles).toEqual([
      { role: 'sorter', capacity: 1, taken: 0, waiting: 0 },
      { role: 'rider', capacity: 2, taken: 2, waiting: 1, requested: 3 },
    ]);
    expect(shift.roles[1]!.taken).toBe(1);
  });

  it('leaves another shift as it was, the very same object', () => {
    expect(withPlaces(shift, { shiftId: 's2', roles: [] })).toBe(shift);
  });
});
