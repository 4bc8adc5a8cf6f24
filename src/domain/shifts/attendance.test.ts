import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInWindow, workedMinutes } from './attendance.ts';

const MIN = 60_000;
const shift = { startsAt: new Date(100 * MIN), endsAt: new Date(340 * MIN), status: 'open' };
const attended = (inAt: number | null, outAt: number | null, extra = {}) => ({
  status: 'confirmed',
  checkedInAt: inAt === null ? null : new Date(inAt * MIN),
  checkedOutAt: outAt === null ? null : new Date(outAt * MIN),
  noShow: false,
  ...extra,
});

describe('the day of a shift', () => {
  it('opens check-in the given minutes before the start and closes it at the end', () => {
    expect(checkInWindow(new Date(39 * MIN), shift, 60)).toBe('early');
    expect(checkInWindow(new Date(40 * MIN), shift, 60)).toBe('open');
    expect(checkInWindow(new Date(340 * MIN), shift, 60)).toBe('open');
    expect(checkInWindow(new Date(341 * MIN), shift, 60)).toBe('closed');
  });

  it('counts check-in to check-out, or to the end (so far: to now) without a check-out', () => {
    const late = new Date(1000 * MIN);
    expect(workedMinutes(attended(90, 300), shift, late)).toBe(210);
    expect(workedMinutes(attended(90, null), shift, late)).toBe(250);
    expect(workedMinutes(attended(90, null), shift, new Date(150 * MIN))).toBe(60);
    expect(workedMinutes(attended(null, null), shift, late)).toBe(0);
    expect(workedMinutes(attended(90, 300, { noShow: true }), shift, late)).toBe(0);
    expect(workedMinutes(attended(90, 300, { status: 'waitlisted' }), shift, late)).toBe(0);
    expect(workedMinutes(attended(90, 300), { ...shift, status: 'cancelled' }, late)).toBe(0);
  });

  it('never counts a negative time, nor more than from check-in to the later of check-out and the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.option(fc.integer({ min: 0, max: 600 })),
        fc.integer({ min: 0, max: 2000 }),
        (inAt, outAt, now) => {
          const minutes = workedMinutes(attended(inAt, outAt), shift, new Date(now * MIN));
          expect(minutes).toBeGreaterThanOrEqual(0);
          const until = outAt ?? Math.min(340, now);
          expect(minutes).toBe(Math.max(0, until - inAt));
        },
      ),
    );
  });
});
