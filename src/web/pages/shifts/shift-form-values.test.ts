import { describe, expect, it } from 'vitest';
import { initialShiftValues, type ShiftFormValues, toCreateShift } from './shift-form-values.ts';

const TZ = 'Asia/Shanghai';
const now = Date.parse('2022-05-24T12:00:00Z'); // 20:00 in Shanghai
const base: ShiftFormValues = { ...initialShiftValues(TZ, now), groupId: 'g' };

describe('the new-shift form', () => {
  it('starts with tomorrow morning and sign-up open from now', () => {
    expect(initialShiftValues(TZ, now)).toMatchObject({
      date: '2022-05-25',
      opensDate: '2022-05-24',
      opensTime: '20:00',
    });
  });

  it('turns community times into UTC, with sign-up closing at the start by default', () => {
    const result = toCreateShift(base, TZ, now);
    expect(result).toEqual({
      shift: {
        groupId: 'g',
        title: undefined,
        role: 'volunteer',
        capacity: 3,
        roles: undefined,
        startsAt: '2022-05-25T00:00:00.000Z',
        endsAt: '2022-05-25T03:00:00.000Z',
        signupOpensAt: '2022-05-24T12:00:00.000Z',
        signupClosesAt: '2022-05-25T00:00:00.000Z',
        cancelCutoffMinutes: 120,
      },
    });
  });

  it('takes an end before the start as the next morning', () => {
    const result = toCreateShift({ ...base, start: '22:00', end: '02:00' }, TZ, now);
    expect('shift' in result && result.shift.endsAt).toBe('2022-05-25T18:00:00.000Z');
  });

  it('sends several roles with their places, and wants each named once', () => {
    const roles = [
      { role: '分拣', capacity: 1 },
      { role: '骑手', capacity: 2 },
    ];
    const result = toCreateShift({ ...base, roles }, TZ, now);
    expect('shift' in result && result.shift.roles).toEqual(roles);
    const unnamed = toCreateShift(
      {
        ...base,
        roles: [
          { role: '分拣', capacity: 1 },
          { role: ' ', capacity: 2 },
        ],
      },
      TZ,
      now,
    );
    expect(unnamed).toEqual({ problems: [{ field: ['roles', 1, 'role'], key: 'roleRequired' }] });
    const twice = toCreateShift(
      {
        ...base,
        roles: [
          { role: '分拣', capacity: 1 },
          { role: '分拣', capacity: 2 },
        ],
      },
      TZ,
      now,
    );
    expect(twice).toEqual({ problems: [{ field: ['roles', 1, 'role'], key: 'roleDuplicate' }] });
  });

  it('refuses a shift already over and a sign-up window the wrong way round', () => {
    expect(toCreateShift({ ...base, date: '2022-05-20' }, TZ, now)).toMatchObject({
      problems: [{ field: ['date'], key: 'inPast' }],
    });
    const closesEarly = toCreateShift({ ...base, closesDate: '2022-05-24', closesTime: '19:00' }, TZ, now);
    expect(closesEarly).toEqual({ problems: [{ field: ['closesTime'], key: 'closesBeforeOpens' }] });
    const closesLate = toCreateShift({ ...base, closesTime: '12:00' }, TZ, now);
    expect(closesLate).toEqual({ problems: [{ field: ['closesTime'], key: 'closesAfterEnd' }] });
    expect(toCreateShift({ ...base, end: '08:00' }, TZ, now)).toMatchObject({
      problems: [{ field: ['end'], key: 'endsBeforeStart' }],
    });
  });
});
