import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../shifts/zoned-time.ts';
import { medianOf, type ParcelSpan, seriesOf, waitingAtDayEnds } from './daily-series.ts';

const FIRST = '2026-04-01';
const dayArb = fc.integer({ min: -5, max: 40 }).map((n) => addDays(FIRST, n));
const spanArb: fc.Arbitrary<ParcelSpan> = fc.record({
  receivedDay: dayArb,
  leftDay: fc.option(dayArb, { nil: null }),
  parcels: fc.integer({ min: 1, max: 50 }),
});
const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
  .map(([start, length]) => daysBetween(addDays(FIRST, start), addDays(FIRST, start + length)));

describe('parcels still on their way at the end of each day', () => {
  it('equals counting, day by day, the parcels received by then and not gone by then', () => {
    fc.assert(
      fc.property(rangeArb, fc.array(spanArb, { maxLength: 40 }), (days, spans) => {
        const brute = days.map((day) => ({
          day,
          value: spans
            .filter((s) => s.receivedDay <= day && (s.leftDay === null || s.leftDay > day))
            .reduce((n, s) => n + s.parcels, 0),
        }));
        expect(waitingAtDayEnds(days, spans)).toEqual(brute);
      }),
    );
  });

  it('counts a parcel that came and went on the same day on no day, and one never gone on every day after', () => {
    const days = daysBetween('2026-04-01', '2026-04-05');
    const spans: ParcelSpan[] = [
      { receivedDay: '2026-04-02', leftDay: '2026-04-02', parcels: 7 },
      { receivedDay: '2026-04-03', leftDay: null, parcels: 2 },
      { receivedDay: '2026-03-20', leftDay: '2026-04-02', parcels: 1 },
    ];
    expect(waitingAtDayEnds(days, spans).map((d) => d.value)).toEqual([1, 0, 2, 2, 2]);
  });
});

describe('medians and series', () => {
  it('a median lies between the smallest and largest value and does not depend on order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const m = medianOf(values)!;
          expect(m).toBeGreaterThanOrEqual(Math.min(...values));
          expect(m).toBeLessThanOrEqual(Math.max(...values));
          expect(medianOf([...values].reverse())).toBe(m);
          const below = values.filter((v) => v < m).length;
          const above = values.filter((v) => v > m).length;
          expect(below).toBeLessThanOrEqual(values.length / 2);
          expect(above).toBeLessThanOrEqual(values.length / 2);
        },
      ),
    );
    expect(medianOf([])).toBeNull();
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives every day one value, 0 where nothing happened', () => {
    const days = daysBetween('2026-04-01', '2026-04-03');
    expect(seriesOf(days, new Map([['2026-04-02', 5]]))).toEqual([
      { day: '2026-04-01', value: 0 },
      { day: '2026-04-02', value: 5 },
      { day: '2026-04-03', value: 0 },
    ]);
  });
});
