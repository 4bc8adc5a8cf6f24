import { describe, expect, it } from 'vitest';
import { canStillCancel, dayName, formatMoment, shiftSpan, windowState } from './shift-time.ts';

const shift = {
  startsAt: '2022-05-25T00:00:00.000Z', // 08:00 in Shanghai
  endsAt: '2022-05-25T03:00:00.000Z',
  signupOpensAt: '2022-05-24T12:00:00.000Z', // 20:00 the evening before
  signupClosesAt: '2022-05-25T00:00:00.000Z',
  cancelCutoffMinutes: 120,
};
const at = (iso: string) => Date.parse(iso);
const words = { today: '今天', tomorrow: '明天' };

describe('shift times', () => {
  it('tells where sign-up stands, closing exactly at the set time', () => {
    expect(windowState(shift, at('2022-05-24T11:59:59Z'))).toBe('not_open');
    expect(windowState(shift, at('2022-05-24T12:00:00Z'))).toBe('open');
    expect(windowState(shift, at('2022-05-25T00:00:00Z'))).toBe('closed');
    expect(windowState(shift, at('2022-05-25T03:00:00Z'))).toBe('ended');
  });

  it('allows cancelling until the cut-off before the start', () => {
    expect(canStillCancel(shift, at('2022-05-24T22:00:00Z'))).toBe(true);
    expect(canStillCancel(shift, at('2022-05-24T22:00:01Z'))).toBe(false);
  });

  it('shows times on the community clock, with today and tomorrow by name', () => {
    expect(shiftSpan(shift, 'Asia/Shanghai')).toEqual({
      day: '2022-05-25',
      start: '08:00',
      end: '11:00',
      nextDay: false,
    });
    const night = { startsAt: '2022-05-25T14:00:00Z', endsAt: '2022-05-25T18:00:00Z' };
    expect(shiftSpan(night, 'Asia/Shanghai')).toMatchObject({ start: '22:00', end: '02:00', nextDay: true });
    const evening = at('2022-05-24T13:00:00Z'); // 21:00 on the 24th in Shanghai
    expect(formatMoment(shift.startsAt, 'Asia/Shanghai', 'zh-CN', evening, words)).toBe('明天 08:00');
    expect(formatMoment(shift.signupOpensAt, 'Asia/Shanghai', 'zh-CN', evening, words)).toBe('今天 20:00');
    expect(dayName('2022-05-27', '2022-05-25', 'zh-CN', words)).toBe('5月27日周五');
    expect(dayName('2022-05-25', '2022-05-25', 'en', { today: 'Today', tomorrow: 'Tomorrow' })).toBe(
      'Today Wed, May 25',
    );
  });
});
