import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { minutesOfDay, offsetAt, wallClockAt } from '../shifts/zoned-time.ts';
import { isQuietMinute, isWallTime, type QuietHours, quietHoursRelease } from './quiet-hours.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SHANGHAI = 'Asia/Shanghai';
const night: QuietHours = { start: '22:00', end: '07:00' };

const release = (iso: string, quiet: QuietHours | null, zone = SHANGHAI) =>
  quietHoursRelease(new Date(iso), quiet, zone).toISOString();

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const arbQuiet = fc
  .record({ start: fc.integer({ min: 0, max: 1439 }), end: fc.integer({ min: 0, max: 1439 }) })
  .map(({ start, end }) => ({ start: hhmm(start), end: hhmm(end) }));
// Any instant in 2020–2030, to the millisecond: seconds inside a minute matter at the span's edges.
const arbInstant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms));
const localMinute = (at: Date, zone: string) => minutesOfDay(wallClockAt(at, zone).time);

// Zones whose offset never changes (one a quarter hour off), and zones with summer time (one by half an hour).
const FIXED_ZONES = ['Asia/Shanghai', 'UTC', 'Asia/Kathmandu', 'Asia/Kolkata'];
const DST_ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe'];

describe('quiet hours', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('holds a notice written at night until the morning, on the community clock', () => {
    // 23:30 in Shanghai is 15:30 UTC; 07:00 next morning is 23:00 UTC.
    expect(release('2026-04-09T15:30:00Z', night)).toBe('2026-04-09T23:00:00.000Z');
    // Just after midnight: the same morning.
    expect(release('2026-04-09T16:05:00Z', night)).toBe('2026-04-09T23:00:00.000Z');
    // 06:59:59 waits a second; 07:00 sharp and 21:59 go at once; 22:00 sharp waits.
    expect(release('2026-04-09T22:59:59Z', night)).toBe('2026-04-09T23:00:00.000Z');
    expect(release('2026-04-09T23:00:00Z', night)).toBe('2026-04-09T23:00:00.000Z');
    expect(release('2026-04-09T13:59:00Z', night)).toBe('2026-04-09T13:59:00.000Z');
    expect(release('2026-04-09T14:00:00Z', night)).toBe('2026-04-09T23:00:00.000Z');
  });

  it('handles a span within one day, no span, and an empty span', () => {
    const nap = { start: '12:30', end: '14:00' };
    expect(release('2026-04-09T05:00:00Z', nap)).toBe('2026-04-09T06:00:00.000Z');
    expect(release('2026-04-09T06:00:00Z', nap)).toBe('2026-04-09T06:00:00.000Z');
    expect(release('2026-04-09T15:30:00Z', null)).toBe('2026-04-09T15:30:00.000Z');
    expect(release('2026-04-09T15:30:00Z', { start: '22:00', end: '22:00' })).toBe(
      '2026-04-09T15:30:00.000Z',
    );
  });

  it('reads "HH:MM" on a 24-hour clock only', () => {
    for (const ok of ['00:00', '07:05', '23:59']) expect(isWallTime(ok)).toBe(true);
    for (const bad of ['24:00', '7:00', '07:60', '0700', '07:00:00', ' 07:00', '']) {
      expect(isWallTime(bad)).toBe(false);
    }
  });

  it('gives the same answer whatever time zone the server process runs in', () => {
    const cases = ['2026-04-09T15:30:00Z', '2026-04-09T22:59:59Z', '2026-03-08T07:30:00Z'];
    const answers = (zone: string) => cases.map((c) => release(c, night, zone));
    const inUtc = [answers(SHANGHAI), answers('America/New_York')];
    for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Chatham']) {
      process.env.TZ = tz;
      expect([answers(SHANGHAI), answers('America/New_York')]).toEqual(inUtc);
    }
  });

  it('is exactly the first moment outside quiet hours, where the clock never changes', () => {
    fc.assert(
      fc.property(arbInstant, arbQuiet, fc.constantFrom(...FIXED_ZONES), (now, quiet, zone) => {
        const result = quietHoursRelease(now, quiet, zone);
        if (!isQuietMinute(localMinute(now, zone), quiet)) {
          expect(result).toEqual(now);
          return;
        }
        // The oracle: step minute by minute from the start of now's minute to the first quiet-free one,
        // on a clock whose offset never changes (so plain arithmetic, not Intl, reads it).
        const offset = offsetAt(now.getTime(), zone);
        const wallMinute = (ms: number) => ((Math.floor((ms + offset) / MINUTE) % 1440) + 1440) % 1440;
        let expected = Math.floor(now.getTime() / MINUTE) * MINUTE;
        do expected += MINUTE;
        while (isQuietMinute(wallMinute(expected), quiet));
        expect(result.getTime()).toBe(expected);
        expect(wallClockAt(result, zone).time).toBe(quiet.end);
      }),
      { numRuns: 200 },
    );
  });

  it('never sends early, never holds a notice past a day, and never holds one outside quiet hours', () => {
    fc.assert(
      fc.property(arbInstant, arbQuiet, fc.constantFrom(...FIXED_ZONES, ...DST_ZONES), (now, quiet, zone) => {
        const result = quietHoursRelease(now, quiet, zone);
        const quietNow = isQuietMinute(localMinute(now, zone), quiet);
        if (!quietNow) expect(result).toEqual(now);
        else {
          expect(result.getTime()).toBeGreaterThan(now.getTime());
          // a day, plus the hour a clock change may add
          expect(result.getTime() - now.getTime()).toBeLessThanOrEqual(25 * HOUR);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('waits until the end of the span across a change to summer time', () => {
    // New York, 8 March 2026: 02:00 jumps to 03:00. 01:30 local (06:30 UTC) within 01:00–03:30 is
    // released at 03:30 local, which is 07:30 UTC: one real hour later, not two.
    expect(release('2026-03-08T06:30:00Z', { start: '01:00', end: '03:30' }, 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });
});
