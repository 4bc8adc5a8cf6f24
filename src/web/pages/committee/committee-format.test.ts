import { describe, expect, it } from 'vitest';
import { formatDay, mondayOf, percentOf, weekBefore } from './committee-format.ts';

describe('committee formats', () => {
  it('finds the Monday of a day, and the week before a meeting', () => {
    for (let d = 6; d <= 12; d++)
      expect(mondayOf(`2026-04-${String(d).padStart(2, '0')}`)).toBe('2026-04-06');
    expect(mondayOf('2026-04-13')).toBe('2026-04-13');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(weekBefore('2026-04-13')).toEqual({ from: '2026-04-06', to: '2026-04-12' });
    expect(weekBefore('2026-04-19')).toEqual({ from: '2026-04-06', to: '2026-04-12' });
  });

  it('writes days and shares as people read them', () => {
    expect(formatDay('2026-04-12', 'zh-CN')).toBe('4月12日周日');
    expect(formatDay('2026-04-12', 'en')).toBe('Sun, Apr 12');
    expect(percentOf(97, 100)).toBe('97%');
    expect(percentOf(0, 0)).toBe('—');
  });
});
