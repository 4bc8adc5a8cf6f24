import { describe, expect, it } from 'vitest';
import { ageBandLabel, skillLabel, vehicleLabel } from './volunteer-format.ts';

describe('volunteer profile labels', () => {
  it('names age bands the way each language says them', () => {
    expect(ageBandLabel('45-59', 'zh-CN')).toBe('45–59岁');
    expect(ageBandLabel('60+', 'zh-CN')).toBe('60岁以上');
    expect(ageBandLabel('60+', 'en')).toBe('60 and over');
    expect(ageBandLabel('18-29', 'en')).toBe('18–29');
    expect(ageBandLabel('70s', 'en')).toBe('70s');
    expect(ageBandLabel(null, 'en')).toBe('');
  });

  it('names skills and vehicles from the shared labels', () => {
    expect(skillLabel('driving', 'zh-CN')).toBe('驾驶');
    expect(vehicleLabel('tricycle', 'en')).toBe('Tricycle');
  });
});
