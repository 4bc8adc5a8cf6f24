/** How long a run takes: riding there and back, unloading each parcel, handing over at each building. */
export interface RunTiming {
  ridingMetresPerSecond: number;
  unloadSecondsPerParcel: number;
  handOverSecondsPerBuilding: number;
}

/**
 * Defaults from the story's scale: a loaded tricycle inside a compound at ~10 km/h, a few seconds to
 * take a parcel off and put it in the building's bin, and a minute to find and tell the relay contact
 * (the step that replaced ~30 s of doorbell per household).
 */
export const DEFAULT_RUN_TIMING: RunTiming = {
  ridingMetresPerSecond: 2.8,
  unloadSecondsPerParcel: 5,
  handOverSecondsPerBuilding: 60,
};

export function estimateRunSeconds(
  run: { distance: number; load: number; stopCount: number },
  timing: RunTiming = DEFAULT_RUN_TIMING,
): number {
  return Math.round(
    run.distance / timing.ridingMetresPerSecond +
      run.load * timing.unloadSecondsPerParcel +
      run.stopCount * timing.handOverSecondsPerBuilding,
  );
}
