import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_COLOURS, heatScale, NONE_COLOUR } from './heat-scale.ts';

describe('the heat map colour scale', () => {
  it('gives every positive value exactly one band, bands in order and touching, more never lighter', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { maxLength: 130 }), (values) => {
        const { bands, colourOf } = heatScale(values);
        const max = Math.max(0, ...values);
        expect(bands.length).toBeLessThanOrEqual(BAND_COLOURS.length);
        if (max === 0) expect(bands).toEqual([]);
        else {
          expect(bands[0]!.from).toBe(1);
          expect(bands.at(-1)!.to).toBe(max);
        }
        for (let i = 1; i < bands.length; i++) expect(bands[i]!.from).toBe(bands[i - 1]!.to + 1);
        const rank = (v: number) => (v < 1 ? -1 : BAND_COLOURS.indexOf(colourOf(v) as never));
        for (const v of values) {
          const inBands = bands.filter((b) => v >= b.from && v <= b.to);
          expect(inBands.length).toBe(v === 0 ? 0 : 1);
          if (v > 0) expect(colourOf(v)).toBe(inBands[0]!.colour);
          expect(rank(v + 1 > max ? v : v + 1)).toBeGreaterThanOrEqual(rank(v));
        }
      }),
    );
  });

  it('draws nothing in grey, and few values one band each', () => {
    const { bands, colourOf } = heatScale([0, 0, 2, 1]);
    expect(colourOf(0)).toBe(NONE_COLOUR);
    expect(bands).toEqual([
      { from: 1, to: 1, colour: BAND_COLOURS[0] },
      { from: 2, to: 2, colour: BAND_COLOURS[1] },
    ]);
    expect(heatScale([0, 40]).bands.map((b) => [b.from, b.to])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 40],
    ]);
  });
});
