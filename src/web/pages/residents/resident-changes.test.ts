import { describe, expect, it } from 'vitest';
import type { ResidentValues } from './ResidentForm.tsx';
import { toUpdateResident } from './resident-changes.ts';

const before: ResidentValues = {
  name: '陆伯伯',
  sex: 'M',
  birthYear: '',
  mobile: '',
  flags: ['elderly', 'hearing_impaired'],
  note: '耳背',
};

describe('toUpdateResident', () => {
  it('sends nothing for untouched fields, so a masked number is never saved back', () => {
    expect(toUpdateResident(before, { ...before, flags: ['hearing_impaired', 'elderly'] })).toEqual({});
  });

  it('sends only what changed, and null for a cleared field', () => {
    expect(
      toUpdateResident(before, { ...before, mobile: '13812345678', note: ' ', flags: ['elderly'] }),
    ).toEqual({ mobile: '13812345678', note: null, flags: ['elderly'] });
    expect(toUpdateResident(before, { ...before, birthYear: '1941', sex: '' })).toEqual({
      birthYear: 1941,
      sex: null,
    });
  });
});
