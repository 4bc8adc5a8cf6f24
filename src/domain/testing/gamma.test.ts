import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { gammaSampler, MIN_SERVICE_SECONDS } from './gamma.ts';

describe('gammaSampler', () => {
  it.each([
    [12.6, 4],
    [20, 15],
    [8, 1],
  ])('draws service times with mean %s and sd %s, never under 3 s', (mean, sd) => {
    const sample = gammaSampler(createRandom(7), mean, sd);
    const draws = Array.from({ length: 20_000 }, sample);
    const average = draws.reduce((a, b) => a + b, 0) / draws.length;
    const spread = Math.sqrt(draws.reduce((a, b) => a + (b - average) ** 2, 0) / draws.length);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(MIN_SERVICE_SECONDS);
    // The clamp at 3 s lifts the mean a little when the distribution reaches below it.
    expect(average).toBeGreaterThan(mean * 0.97);
    expect(average).toBeLessThan(mean * 1.06);
    expect(spread).toBeGreaterThan(sd * 0.85);
    expect(spread).toBeLessThan(sd * 1.05);
  });

  it('gives the mean every time when sd is 0, and is the same for the same seed', () => {
    expect(gammaSampler(createRandom(1), 12.6, 0)()).toBe(12.6);
    expect(gammaSampler(createRandom(1), 2, 0)()).toBe(MIN_SERVICE_SECONDS);
    const a = gammaSampler(createRandom(99), 12.6, 4);
    const b = gammaSampler(createRandom(99), 12.6, 4);
    expect(Array.from({ length: 50 }, a)).toEqual(Array.from({ length: 50 }, b));
  });
});
