import type { TTube } from '../../../shared/api/testing-scans.ts';

/** Where this phone scans (round, gate or door to door, lane) and its open tube, kept across reloads. */
export interface LaneState {
  roundId: string | null;
  /** a gate id, or 'home' for a door-to-door team */
  gateId: string | null;
  lane: number;
  tube: TTube | null;
}

const key = (communityId: string) => `linli.testing.lane.${communityId}`;
export const emptyLane: LaneState = { roundId: null, gateId: null, lane: 1, tube: null };

export function readLane(communityId: string): LaneState {
  try {
    const raw = localStorage.getItem(key(communityId));
    return raw ? { ...emptyLane, ...(JSON.parse(raw) as Partial<LaneState>) } : emptyLane;
  } catch {
    return emptyLane;
  }
}

export function writeLane(communityId: string, state: LaneState) {
  try {
    localStorage.setItem(key(communityId), JSON.stringify(state));
  } catch {
    // private mode: the lane is chosen again after a reload
  }
}
