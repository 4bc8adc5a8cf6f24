// The "what if" page's settings and how they turn into simulator inputs. Lanes at the gates always add
// up to the total: adding a lane at one gate takes it from another, as moving a medic would.
import type { TRoundSimulationInput } from '../../../shared/api/round-simulation.ts';

export type RoundPolicy = TRoundSimulationInput['policy'];
export const POLICIES: readonly RoundPolicy[] = ['fixed', 'tidal', 'planned'];

export interface WhatIfSettings {
  split: Record<string, number>;
  crowdLimit: number;
  callIntervalSeconds: number;
  serviceMeanSeconds: number;
}

export const settingsFrom = (input: TRoundSimulationInput): WhatIfSettings => ({
  split: { ...input.fixedSplit },
  crowdLimit: input.crowdLimit,
  callIntervalSeconds: input.callIntervalSeconds,
  serviceMeanSeconds: input.serviceSeconds.mean,
});

export const totalLanes = (split: Record<string, number>) =>
  Object.values(split).reduce((sum, n) => sum + n, 0);

/** One lane more (+1) or less (−1) at `gate`, taken from / given to the other gate with most / fewest. */
export function moveLane(split: Record<string, number>, gate: string, delta: 1 | -1) {
  const others = Object.keys(split).filter((g) => g !== gate);
  if (others.length === 0) return split;
  const pick = others.reduce((best, g) =>
    (delta > 0 ? split[g]! > split[best]! : split[g]! < split[best]!) ? g : best,
  );
  if (delta > 0 && split[pick]! <= 1) return split;
  if (delta < 0 && split[gate]! <= 1) return split;
  return { ...split, [gate]: split[gate]! + delta, [pick]: split[pick]! - delta };
}

/** The total changes: a lane goes to (or leaves) the gate with the most (fewest) residents per lane. */
export function changeTotal(split: Record<string, number>, residents: Record<string, number>, delta: 1 | -1) {
  const load = (g: string) => (residents[g] ?? 0) / Math.max(split[g]!, 0.5);
  const gates = Object.keys(split).filter((g) => delta > 0 || split[g]! > 1);
  if (gates.length === 0) return split;
  const pick = gates.reduce((best, g) =>
    (delta > 0 ? load(g) > load(best) : load(g) < load(best)) ? g : best,
  );
  return { ...split, [pick]: split[pick]! + delta };
}

export function inputFor(
  base: TRoundSimulationInput,
  settings: WhatIfSettings,
  policy: RoundPolicy,
): TRoundSimulationInput {
  return {
    ...base,
    lanes: totalLanes(settings.split),
    fixedSplit: settings.split,
    crowdLimit: settings.crowdLimit,
    callIntervalSeconds: settings.callIntervalSeconds,
    serviceSeconds: { ...base.serviceSeconds, mean: settings.serviceMeanSeconds },
    policy,
  };
}

/** Hours and minutes of a number of seconds, rounded to the minute. */
export function hoursAndMinutes(seconds: number) {
  const minutes = Math.round(seconds / 60);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
