import type { Random } from '../random.ts';

/** Nobody is swabbed and scanned in under 3 seconds, however the distribution falls. */
export const MIN_SERVICE_SECONDS = 3;

/** A standard normal draw (Box–Muller; the second value of the pair is dropped for simplicity). */
function normal(random: Random): number {
  const u = 1 - random.next(); // (0, 1]: log(0) never happens
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 through the boost x·U^(1/shape). */
function standardGamma(random: Random, shape: number): number {
  if (shape < 1) return standardGamma(random, shape + 1) * (1 - random.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A sampler of service times with the given mean and standard deviation (gamma: positive and
 * right-skewed like real swabs, where a crying child or a lost code takes much longer), clamped at
 * MIN_SERVICE_SECONDS. sd 0 (or tiny) gives the mean every time.
 */
export function gammaSampler(random: Random, mean: number, sd: number): () => number {
  // A vanishing sd would make the shape overflow to Infinity: treat it as no variation at all.
  if (!(sd > mean * 1e-6)) return () => Math.max(MIN_SERVICE_SECONDS, mean);
  const shape = (mean / sd) ** 2;
  const scale = (sd * sd) / mean;
  return () => Math.max(MIN_SERVICE_SECONDS, standardGamma(random, shape) * scale);
}
