import { describe, expect, it } from 'vitest';
import { initialShiftValues, toCreateShift } from './shift-form-values.ts';

const TZ = 'Asia/Shanghai';
const now = Date.parse('2022-05-24T12:00:00Z');

describe('the mode of a new shift', () => {
  it('is first come, first served unless the leader picks a draw', () => {
    const base = { ...initialShiftValues(TZ, now), groupId: 'g' };
    expect(base.mode).toBe('first_come');
    const plain = toCreateShift(base, TZ, now);
    expect('shift' in plain && plain.shift.mode).toBeUndefined();
    const drawn = toCreateShift(
      { ...base, mode: 'draw', closesDate: '2022-05-24', closesTime: '22:00' },
      TZ,
      now,
    );
    expect('shift' in drawn && drawn.shift).toMatchObject({
      mode: 'draw',
      signupClosesAt: '2022-05-24T14:00:00.000Z',
    });
  });
});
