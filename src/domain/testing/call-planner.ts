// Linli's own call-down (the `planned` policy): call a gate's next building as soon as the queue it
// will meet, projected from the people already called, stays within the crowd limit. Calling as
// early as that allows keeps a short line in front of every lane, so lanes never starve and the
// crowd never grows past the limit.

/** People of one called building, reaching the gate evenly over [start, end). */
export interface ArrivalWave {
  start: number;
  end: number;
  count: number;
}

export interface GateOutlook {
  now: number;
  waiting: number;
  lanes: number;
  secondsPerPerson: number;
  waves: readonly ArrivalWave[];
}

/**
 * The longest line the gate will see while the waves arrive (from `from` on), treating people as a
 * fluid served at lanes / secondsPerPerson, and the expected number swabbed meanwhile (for the
 * safety margin). Arrival rates are constant between the waves' starts and ends, so the line is
 * piecewise linear and peaks at one of those moments: the projection is exact for the fluid.
 */
export function projectQueue(outlook: GateOutlook, from = outlook.now): { peak: number; served: number } {
  const { now } = outlook;
  const serving = outlook.lanes / outlook.secondsPerPerson;
  const moments = new Set<number>([now]);
  let horizon = now;
  for (const w of outlook.waves) {
    if (w.start > now) moments.add(w.start);
    if (w.end > now) moments.add(w.end);
    horizon = Math.max(horizon, w.end);
  }
  if (from > now && from < horizon) moments.add(from);
  const times = [...moments].sort((a, b) => a - b);
  let queue = outlook.waiting;
  let peak = from <= now ? queue : 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    // People arriving all at once (a zero-length wave) join at their moment.
    for (const w of outlook.waves) if (w.end <= w.start && w.start === t && t >= now) queue += w.count;
    if (t >= from) peak = Math.max(peak, queue);
    const next = times[i + 1];
    if (next === undefined) break;
    let arriving = 0;
    for (const w of outlook.waves)
      if (w.end > w.start && w.start <= t && w.end >= next) arriving += w.count / (w.end - w.start);
    queue = Math.max(0, queue + (arriving - serving) * (next - t));
  }
  return { peak, served: (horizon - now) * serving };
}

/**
 * Room kept free below the crowd limit for what the fluid projection misses: people already at a lane
 * finish later than it assumes (one per lane), and service times vary (two standard deviations of the
 * number swabbed over the horizon, for a coefficient of variation cv; 2.5 of them).
 */
export function safetyMargin(lanes: number, served: number, cv: number): number {
  return lanes + 2.5 * cv * Math.sqrt(Math.max(served, 1));
}

/**
 * Whether the gate's line stays within the limit if `extra` (a building called now) is added: only
 * the line from the building's first arrival on counts, since before it nothing changes.
 */
export function withinCrowdLimit(
  outlook: GateOutlook,
  extra: ArrivalWave | null,
  crowdLimit: number,
  cv: number,
): boolean {
  const waves = extra ? [...outlook.waves, extra] : outlook.waves;
  const { peak, served } = projectQueue({ ...outlook, waves }, extra?.start);
  const ahead = mostArrivingAtOnce(waves, extra?.start ?? outlook.now);
  return peak + safetyMargin(outlook.lanes, served, cv) + ahead <= crowdLimit;
}

/**
 * People come one by one, each at the start of their share of a wave, so the real line runs up to
 * one person per wave arriving ahead of the fluid projection: the most waves arriving at one moment
 * from `from` on.
 */
export function mostArrivingAtOnce(waves: readonly ArrivalWave[], from: number): number {
  const edges: [number, number][] = [];
  for (const w of waves) {
    if (w.count <= 0 || w.end <= w.start || w.end <= from) continue;
    edges.push([Math.max(w.start, from), 1], [w.end, -1]);
  }
  // Ends before starts at the same moment: a wave ending as another begins does not overlap it.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) {
    now += step;
    most = Math.max(most, now);
  }
  return most;
}

/**
 * The gates' starting lanes under `planned`: proportional to each gate's residents (largest
 * remainders), at least one for every gate that has residents. Set up before the round, so free.
 */
export function proportionalSplit(
  lanes: number,
  residentsPerGate: Record<string, number>,
): Record<string, number> {
  const gates = Object.keys(residentsPerGate);
  const busy = gates.filter((g) => residentsPerGate[g]! > 0);
  const split: Record<string, number> = Object.fromEntries(gates.map((g) => [g, 0]));
  if (busy.length === 0) {
    split[gates[0]!] = lanes;
    return split;
  }
  for (const g of busy) split[g] = 1;
  const total = busy.reduce((sum, g) => sum + residentsPerGate[g]!, 0);
  const spare = lanes - busy.length;
  const ideal = busy.map((g) => ({ g, share: (spare * residentsPerGate[g]!) / total }));
  let given = 0;
  for (const { g, share } of ideal) {
    split[g]! += Math.floor(share);
    given += Math.floor(share);
  }
  ideal.sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)));
  for (let i = 0; given < spare; i++, given++) split[ideal[i % ideal.length]!.g]! += 1;
  return split;
}

/** A gate's call order under `planned`: its nearest building first (lanes start early), then as listed. */
export function plannedOrder<B extends { walkSeconds: number }>(buildings: B[]): B[] {
  if (buildings.length === 0) return [];
  let nearest = 0;
  buildings.forEach((b, i) => {
    if (b.walkSeconds < buildings[nearest]!.walkSeconds) nearest = i;
  });
  return [buildings[nearest]!, ...buildings.filter((_, i) => i !== nearest)];
}
