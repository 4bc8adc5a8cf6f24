import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, wallTimeToInstant } from '../shifts/zoned-time.ts';
import { mondayOf, sundayOf, weekBefore } from './week.ts';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const zone = fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Pacific/Auckland');
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('the committee week', () => {
  it('starts on the Monday on or before the day, less than a week before it', () => {
    fc.assert(
      fc.property(day, (d) => {
        const monday = mondayOf(d);
        expect(isoWeekday(monday)).toBe(1);
        expect(monday <= d).toBe(true);
        expect(addDays(monday, 7) > d).toBe(true);
        expect(mondayOf(monday)).toBe(monday);
        expect(isoWeekday(sundayOf(monday))).toBe(7);
      }),
    );
  });

  it('looks back by default on the week before the one the meeting is held in, on the community clock', () => {
    fc.assert(
      fc.property(day, time, zone, (d, t, z) => {
        const heldAt = wallTimeToInstant(d, t, z);
        expect(weekBefore(heldAt, z)).toBe(addDays(mondayOf(d), -7));
      }),
    );
    // Monday 07:30 in Shanghai is still Sunday in UTC: the week before is judged on the compound's clock.
    expect(weekBefore(new Date('2026-04-12T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-04-06');
    expect(weekBefore(new Date('2026-04-12T23:30:00Z'), 'UTC')).toBe('2026-03-30');
  });
});
