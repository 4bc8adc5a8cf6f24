import { estimateRunSeconds, type RunTiming } from './run-time.ts';

/** A vehicle at hand this shift; it may make several runs, one after another. */
export interface Vehicle {
  id: string;
  /** parcels it carries at once */
  capacity: number;
  /** its riding speed when it differs from the plan's (a car on the ring road, a hand cart) */
  ridingMetresPerSecond?: number;
}

export interface RunShape {
  distance: number;
  load: number;
  stopCount: number;
}

export interface DealtRun {
  vehicleIndex: number;
  /** 1 for a vehicle's first run, 2 for its second, … */
  trip: number;
  seconds: number;
}

/**
 * Deals runs to vehicles so that the last vehicle comes back as early as possible (longest run first,
 * to the vehicle that carries it and is free soonest: the classic LPT rule for parallel machines).
 * Ties go to the smaller vehicle, then to the earlier in the list, so the big ones stay free for the
 * loads only they can carry. Every run must fit at least one vehicle.
 */
export function dealRunsToVehicles(
  runs: readonly RunShape[],
  vehicles: readonly Vehicle[],
  timing: RunTiming,
): { dealt: DealtRun[]; finishSeconds: number[] } {
  const secondsOn = (run: RunShape, vehicle: Vehicle) =>
    estimateRunSeconds(run, {
      ...timing,
      ridingMetresPerSecond: vehicle.ridingMetresPerSecond ?? timing.ridingMetresPerSecond,
    });
  const finishSeconds = vehicles.map(() => 0);
  const trips = vehicles.map(() => 0);
  const dealt: DealtRun[] = new Array(runs.length);
  const order = runs
    .map((run, index) => ({ run, index, seconds: estimateRunSeconds(run, timing) }))
    .sort((a, b) => b.seconds - a.seconds || a.index - b.index);
  for (const { run, index } of order) {
    let chosen = -1;
    for (let v = 0; v < vehicles.length; v++) {
      if (vehicles[v]!.capacity < run.load) continue;
      if (
        chosen < 0 ||
        finishSeconds[v]! < finishSeconds[chosen]! ||
        (finishSeconds[v] === finishSeconds[chosen] && vehicles[v]!.capacity < vehicles[chosen]!.capacity)
      )
        chosen = v;
    }
    if (chosen < 0) throw new RangeError(`no vehicle carries a run of ${run.load} parcels`);
    const seconds = secondsOn(run, vehicles[chosen]!);
    finishSeconds[chosen] = finishSeconds[chosen]! + seconds;
    trips[chosen] = trips[chosen]! + 1;
    dealt[index] = { vehicleIndex: chosen, trip: trips[chosen]!, seconds };
  }
  return { dealt, finishSeconds };
}
