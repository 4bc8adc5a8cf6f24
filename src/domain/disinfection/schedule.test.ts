import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worstCoverageState as worstState } from '../../shared/api/disinfection.ts';
import { addDays, daysBetween, isoWeekday, wallClockAt, wallTimeToInstant } from '../shifts/zoned-time.ts';
import { coverageState } from './coverage.ts';
import { type DisinfectionSchedule, dueTimes, isOverdue, localDaysSpan, mayLogNow } from './schedule.ts';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const HOUR = 3_600_000;

describe('due times of a disinfection schedule', () => {
  const daily: DisinfectionSchedule = { schedule: 'daily', times: ['15:00', '09:00'], weekday: null };

  it('puts Shanghai 09:00 and 15:00 at 01:00 and 07:00 UTC, today and tomorrow', () => {
    const { from, to } = localDaysSpan('2026-04-09', 'Asia/Shanghai', 2);
    expect(iso(dueTimes(daily, 'Asia/Shanghai', from, to))).toEqual([
      '2026-04-09T01:00:00.000Z',
      '2026-04-09T07:00:00.000Z',
      '2026-04-10T01:00:00.000Z',
      '2026-04-10T07:00:00.000Z',
    ]);
  });

  it('keeps a weekly area to its weekday, and gives after-testing areas no clock times', () => {
    // 2026-04-06 is a Monday
    const { from, to } = localDaysSpan('2026-04-06', 'Asia/Shanghai', 14);
    const weekly = { schedule: 'weekly', times: ['10:00'], weekday: 3 } as const;
    expect(iso(dueTimes(weekly, 'Asia/Shanghai', from, to))).toEqual([
      '2026-04-08T02:00:00.000Z',
      '2026-04-15T02:00:00.000Z',
    ]);
    expect(dueTimes({ ...weekly, weekday: null }, 'Asia/Shanghai', from, to)).toEqual([]);
    expect(dueTimes({ schedule: 'after_testing', times: ['10:00'], weekday: null }, 'UTC', from, to)).toEqual(
      [],
    );
  });

  it('follows a daylight-saving day: a skipped 02:30 falls an hour later, onto 03:30 as one time', () => {
    const ny = 'America/New_York';
    const { from, to } = localDaysSpan('2026-03-08', ny);
    expect(to.getTime() - from.getTime()).toBe(23 * HOUR);
    const made = dueTimes(
      { schedule: 'daily', times: ['02:30', '03:30', '09:00'], weekday: null },
      ny,
      from,
      to,
    );
    expect(iso(made)).toEqual(['2026-03-08T07:30:00.000Z', '2026-03-08T13:00:00.000Z']);
  });
});

const zones = [
  'Asia/Shanghai',
  'UTC',
  'Asia/Kolkata',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
];
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const schedule: fc.Arbitrary<DisinfectionSchedule> = fc.oneof(
  fc.record({
    schedule: fc.constant('daily' as const),
    times: fc.array(time, { minLength: 1, maxLength: 5 }),
    weekday: fc.constant(null),
  }),
  fc.record({
    schedule: fc.constant('weekly' as const),
    times: fc.array(time, { minLength: 1, maxLength: 3 }),
    weekday: fc.integer({ min: 1, max: 7 }),
  }),
);
// Any span of up to ten days from 2000 to 2040, starting at any minute.
const span = fc
  .tuple(
    fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
    fc.integer({ min: 0, max: 10 * 24 * 60 }),
  )
  .map(([start, minutes]) => ({ from: new Date(start * 60_000), to: new Date((start + minutes) * 60_000) }));

describe('due-time properties, in zones with and without daylight saving', () => {
  /** The listed (day, time) whose instant this is, if any: the day may be the one before, for a time pushed past midnight. */
  const sourceOf = (s: DisinfectionSchedule, at: Date, zone: string) => {
    const day = wallClockAt(at, zone).day;
    for (const d of [day, addDays(day, -1)])
      for (const t of s.times)
        if (wallTimeToInstant(d, t, zone).getTime() === at.getTime()) return { day: d, time: t };
    return null;
  };

  it('are inside the span, ascending without repeats, each a listed local time (on the weekday)', () => {
    fc.assert(
      fc.property(schedule, span, fc.constantFrom(...zones), (s, { from, to }, zone) => {
        const made = dueTimes(s, zone, from, to);
        made.forEach((at, i) => {
          expect(at >= from && at < to).toBe(true);
          if (i > 0) expect(at.getTime()).toBeGreaterThan(made[i - 1]!.getTime());
          const source = sourceOf(s, at, zone);
          expect(source).not.toBeNull();
          if (s.schedule === 'weekly') expect(isoWeekday(source!.day)).toBe(s.weekday);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('miss no listed time of any day in the span', () => {
    fc.assert(
      fc.property(schedule, span, fc.constantFrom(...zones), (s, { from, to }, zone) => {
        const made = new Set(dueTimes(s, zone, from, to).map((d) => d.getTime()));
        const days = daysBetween(wallClockAt(from, zone).day, wallClockAt(to, zone).day);
        for (const day of days) {
          if (s.schedule === 'weekly' && isoWeekday(day) !== s.weekday) continue;
          for (const t of s.times) {
            const at = wallTimeToInstant(day, t, zone);
            if (at >= from && at < to) expect(made.has(at.getTime())).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('without daylight saving, give each local day exactly its distinct listed times', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.integer({ min: 0, max: 365 * 30 }),
        fc.integer({ min: 1, max: 14 }),
        (s, n, count) => {
          const first = addDays('2000-01-01', n);
          const { from, to } = localDaysSpan(first, 'Asia/Shanghai', count);
          const days = daysBetween(first, addDays(first, count - 1)).filter(
            (d) => s.schedule === 'daily' || isoWeekday(d) === s.weekday,
          );
          expect(dueTimes(s, 'Asia/Shanghai', from, to)).toHaveLength(days.length * new Set(s.times).size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cut into pieces, a span gives the same due times as whole (generation may run at any moment)', () => {
    fc.assert(
      fc.property(
        schedule,
        span,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...zones),
        (s, { from, to }, f, zone) => {
          const cut = new Date(from.getTime() + Math.floor((to.getTime() - from.getTime()) * f));
          const whole = iso(dueTimes(s, zone, from, to));
          expect([...iso(dueTimes(s, zone, from, cut)), ...iso(dueTimes(s, zone, cut, to))]).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('overdue, logging early, and the coverage colour', () => {
  const dueAt = new Date('2026-04-09T01:00:00Z');
  it('is overdue only after the grace, and only while still due', () => {
    expect(isOverdue({ status: 'due', dueAt, graceMinutes: 120 }, new Date('2026-04-09T03:00:00Z'))).toBe(
      false,
    );
    expect(isOverdue({ status: 'due', dueAt, graceMinutes: 120 }, new Date('2026-04-09T03:00:01Z'))).toBe(
      true,
    );
    expect(isOverdue({ status: 'done', dueAt, graceMinutes: 120 }, new Date('2026-04-10T00:00:00Z'))).toBe(
      false,
    );
  });

  it('lets a round be logged early on its own local day, never the day before', () => {
    const zone = 'Asia/Shanghai';
    expect(mayLogNow(dueAt, new Date('2026-04-08T16:00:00Z'), zone)).toBe(true); // 00:00 that day
    expect(mayLogNow(dueAt, new Date('2026-04-08T15:59:59Z'), zone)).toBe(false); // 23:59 the day before
    expect(mayLogNow(dueAt, new Date('2026-04-11T00:00:00Z'), zone)).toBe(true); // late still counts
  });

  it('colours an area by what needs attention most', () => {
    const day = { overdue: 0, doneToday: 0, dueNow: 0, dueLater: 0 };
    expect(coverageState({ ...day, overdue: 1, doneToday: 2 })).toBe('overdue');
    expect(coverageState({ ...day, doneToday: 1, dueLater: 1 })).toBe('done');
    expect(coverageState({ ...day, doneToday: 1, dueNow: 1 })).toBe('due');
    expect(coverageState({ ...day, dueLater: 1 })).toBe('due');
    expect(coverageState(day)).toBe('idle');
    expect(worstState(['done', 'overdue', 'due'])).toBe('overdue');
    expect(worstState(['done', 'idle'])).toBe('done');
    expect(worstState([])).toBe('idle');
  });
});
