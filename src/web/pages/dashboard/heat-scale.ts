/**
 * The heat map's colour scale: none (0) in grey, and up to four equal bands of whole numbers from 1 to
 * the largest value, light to dark. Dark text stays readable on every band (each at least 4.5:1
 * against #141414, the plan's building numbers).
 */
export const NONE_COLOUR = '#e3e7ee';
export const BAND_COLOURS = ['#fde7cc', '#f9c08a', '#f29a5c', '#e0693f'] as const;

export interface HeatBand {
  from: number;
  to: number;
  colour: string;
}

export interface HeatScale {
  bands: HeatBand[];
  colourOf: (value: number) => string;
}

export function heatScale(values: readonly number[]): HeatScale {
  const max = Math.max(0, ...values.map((v) => Math.floor(v)));
  const step = Math.max(1, Math.ceil(max / BAND_COLOURS.length));
  const bands: HeatBand[] = [];
  for (let from = 1, i = 0; from <= max; from += step, i++) {
    bands.push({ from, to: Math.min(max, from + step - 1), colour: BAND_COLOURS[i]! });
  }
  const colourOf = (value: number) => {
    if (value < 1) return NONE_COLOUR;
    return bands.find((b) => value <= b.to)?.colour ?? bands.at(-1)?.colour ?? NONE_COLOUR;
  };
  return { bands, colourOf };
}
