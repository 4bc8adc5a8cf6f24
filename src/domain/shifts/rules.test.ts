import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capReached, findOverlap, localDay, localWeek, promotable, signupWindow } from './rules.ts';

const at = (iso: string) => new Date(iso);

describe('shift rules', () => {
  it('opens sign-up at the opening instant and closes it at the closing instant', () => {
    const opens = at('2022-04-20T12:00:00Z');
    const closes = at('2022-04-21T00:00:00Z');
    expect(signupWindow(at('2022-04-20T11:59:59.999Z'), opens, closes)).toBe('not_open');
    expect(signupWindow(opens, opens, closes)).toBe('open');
    expect(signupWindow(closes, opens, closes)).toBe('closed');
  });

  it('finds overlapping shifts, not touching ones', () => {
    const morning = { id: 'm', startsAt: at('2022-04-21T00:00:00Z'), endsAt: at('2022-04-21T04:00:00Z') };
    expect(
      findOverlap([morning], { startsAt: at('2022-04-21T04:00:00Z'), endsAt: at('2022-04-21T09:00:00Z') }),
    ).toBeUndefined();
    expect(
      findOverlap([morning], { startsAt: at('2022-04-21T03:00:00Z'), endsAt: at('2022-04-21T05:00:00Z') })
        ?.id,
    ).toBe('m');
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(1000),
        fc.integer({ min: 1, max: 500 }),
        (s1, d1, s2, d2) => {
          const a = { startsAt: new Date(s1 * 60_000), endsAt: new Date((s1 + d1) * 60_000) };
          const b = { startsAt: new Date(s2 * 60_000), endsAt: new Date((s2 + d2) * 60_000) };
          expect(Boolean(findOverlap([a], b))).toBe(Boolean(findOverlap([b], a)));
        },
      ),
    );
  });

  it('counts days and weeks in the community time zone', () => {
    // 23:30 UTC on Sunday is already Monday morning in Shanghai
    expect(localDay(at('2022-04-24T23:30:00Z'), 'Asia/Shanghai')).toBe('2022-04-25');
    expect(localWeek(at('2022-04-24T23:30:00Z'), 'Asia/Shanghai')).toBe('2022-04-25');
    expect(localWeek(at('2022-04-24T23:30:00Z'), 'UTC')).toBe('2022-04-18');
  });

  it('stops a volunteer at the cap of the day or the week', () => {
    const taken = [at('2022-04-21T00:00:00Z'), at('2022-04-22T00:00:00Z')];
    expect(capReached(taken, at('2022-04-21T06:00:00Z'), { perDay: 1, perWeek: null }, 'Asia/Shanghai')).toBe(
      'day',
    );
    expect(capReached(taken, at('2022-04-23T06:00:00Z'), { perDay: 1, perWeek: 2 }, 'Asia/Shanghai')).toBe(
      'week',
    );
    expect(
      capReached(taken, at('2022-04-23T06:00:00Z'), { perDay: 1, perWeek: 3 }, 'Asia/Shanghai'),
    ).toBeNull();
  });

  it('promotes no more than there is room for or people waiting', () => {
    expect(promotable(3, 1, 5)).toBe(2);
    expect(promotable(3, 3, 5)).toBe(0);
    expect(promotable(3, 1, 1)).toBe(1);
  });
});
