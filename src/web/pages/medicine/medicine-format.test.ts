import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { timeLeft, urgencyReasonText, yuanToCents } from './medicine-format.ts';

// Echoes the key and its values, so the tests read what would be said without the catalogues.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}${JSON.stringify(values)}` : key) as unknown as TFunction;

const NOW = Date.UTC(2022, 4, 25, 6, 0);
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('timeLeft', () => {
  it('says how long is left, in minutes, hours and minutes, or days', () => {
    expect(timeLeft(t, at(25), NOW)).toBe('medicineWork.left{"span":"medicineWork.minutes{\\"m\\":25}"}');
    expect(timeLeft(t, at(200), NOW)).toContain('"h\\":3,\\"m\\":20');
    expect(timeLeft(t, at(3 * 24 * 60), NOW)).toContain('medicineWork.days{\\"d\\":3}');
  });
  it('says how late once the deadline has passed', () => {
    expect(timeLeft(t, at(-130), NOW)).toMatch(/^medicineWork\.late/);
    expect(timeLeft(t, at(-130), NOW)).toContain('"h\\":2,\\"m\\":10');
  });
});

describe('yuanToCents', () => {
  it('reads yuan as typed into fen', () => {
    expect(yuanToCents('36.5')).toBe(3650);
    expect(yuanToCents(' 145 ')).toBe(14500);
    expect(yuanToCents('0.07')).toBe(7);
  });
  it('refuses what is not a sum of money', () => {
    for (const bad of ['', 'abc', '-3', '1.234', '1,5', '12元']) expect(yuanToCents(bad)).toBeNull();
  });
});

describe('urgency reasons', () => {
  it('translates the triage rules but keeps a leader’s own words', () => {
    expect(urgencyReasonText(t, 'critical_running_out', false)).toBe(
      'medicineWork.rule.critical_running_out',
    );
    expect(urgencyReasonText(t, 'normal', true)).toBe('normal');
    expect(urgencyReasonText(t, '家属明早送药', true)).toBe('家属明早送药');
  });
});
