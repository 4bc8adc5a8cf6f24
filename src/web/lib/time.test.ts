import { describe, expect, it } from 'vitest';
import { addDays, endOfDayUtc, formatDateTime, startOfDayUtc, wallClock, wallTimeToUtc } from './time.ts';

describe('community time zone helpers', () => {
  it('shows a UTC instant on the community wall clock', () => {
    expect(formatDateTime('2022-05-25T06:30:00.000Z', 'Asia/Shanghai', 'en-GB')).toBe('25/05/2022, 14:30');
    expect(formatDateTime('not a date', 'Asia/Shanghai', 'en-GB')).toBe('not a date');
  });

  it('turns a Shanghai calendar day into its UTC bounds', () => {
    expect(startOfDayUtc('2022-05-25', 'Asia/Shanghai')).toBe('2022-05-24T16:00:00.000Z');
    expect(endOfDayUtc('2022-05-25', 'Asia/Shanghai')).toBe('2022-05-25T15:59:59.999Z');
  });

  it('handles days on which daylight saving starts', () => {
    // New York springs forward on 2024-03-10: midnight is still EST (UTC-5), the next midnight is EDT.
    expect(startOfDayUtc('2024-03-10', 'America/New_York')).toBe('2024-03-10T05:00:00.000Z');
    expect(endOfDayUtc('2024-03-10', 'America/New_York')).toBe('2024-03-11T03:59:59.999Z');
  });

  it('rejects malformed days', () => {
    expect(startOfDayUtc('25/05/2022', 'Asia/Shanghai')).toBeNull();
  });
});

describe('wall-clock times of the community', () => {
  it('turns a Shanghai date and time into a UTC instant and back', () => {
    expect(wallTimeToUtc('2022-05-25', '08:30', 'Asia/Shanghai')).toBe('2022-05-25T00:30:00.000Z');
    expect(wallClock('2022-05-25T00:30:00.000Z', 'Asia/Shanghai')).toEqual({
      day: '2022-05-25',
      time: '08:30',
    });
    expect(wallClock('2022-05-24T16:00:00.000Z', 'Asia/Shanghai')).toEqual({
      day: '2022-05-25',
      time: '00:00',
    });
  });

  it('uses the offset in force on that day', () => {
    expect(wallTimeToUtc('2024-07-01', '09:00', 'America/New_York')).toBe('2024-07-01T13:00:00.000Z');
    expect(wallTimeToUtc('2024-01-01', '09:00', 'America/New_York')).toBe('2024-01-01T14:00:00.000Z');
  });

  it('rejects malformed input and counts calendar days', () => {
    expect(wallTimeToUtc('2022-05-25', '8:30', 'Asia/Shanghai')).toBeNull();
    expect(addDays('2022-05-31', 1)).toBe('2022-06-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
