// The testing-round simulator's input and output (issue 6, item 7). The CLI, the HTTP operation
// `simulateRound` and the call-down plan all speak these shapes; src/shared/api/round-simulation.ts
// validates them with zod.

export type RoundPolicy = 'fixed' | 'tidal' | 'planned';

export interface RoundBuilding {
  id: string;
  /** The square's entrance this building's residents queue at (a key of fixedSplit). */
  gate: string;
  residents: number;
  /** From the call to the first resident reaching the gate (coming down plus walking). */
  walkSeconds: number;
}

export interface RoundInput {
  lanes: number;
  /** One swab with its code scan: a gamma distribution, never under MIN_SERVICE_SECONDS. */
  serviceSeconds: { mean: number; sd: number };
  /** A lane moved between gates serves nobody for this long (the medic walks over, the desk is set up). */
  switchSeconds: number;
  /** Most people allowed to wait at one gate. */
  crowdLimit: number;
  /**
   * Under `fixed` and `tidal`, each gate calls its next building this often. A called building's
   * residents reach the gate evenly spread over one such interval (they leave their flats one after
   * another), under every policy.
   */
  callIntervalSeconds: number;
  /** Lanes per gate at the start; the gates of the round are its keys. */
  fixedSplit: Record<string, number>;
  buildings: RoundBuilding[];
  policy: RoundPolicy;
  seed: number;
}

export interface RoundCall {
  buildingId: string;
  gate: string;
  atSeconds: number;
  /**
   * How many of the building's residents this call asks down: all of them, except when `planned`
   * calls a building too big for the gate's crowd limit in parts (floors), one call per part.
   */
  residents: number;
}

export interface LaneSnapshot {
  atSeconds: number;
  /** Lanes serving at each gate from this moment (a lane on its way between gates counts nowhere). */
  lanes: Record<string, number>;
}

export interface RoundResult {
  makespanSeconds: number;
  /** Sum of all simulated service times / lanes + the shortest walk: no policy can finish earlier. */
  lowerBoundSeconds: number;
  /** The longest line of people waiting (not yet being swabbed) at each gate. */
  maxQueue: Record<string, number>;
  /** Service time / (lanes × makespan). */
  laneUtilization: number;
  switches: number;
  /** Lane-seconds neither serving nor moving between gates, from the start to the makespan. */
  idleLaneSeconds: number;
  residentsServed: number;
  calls: RoundCall[];
  laneHistory: LaneSnapshot[];
}

/** One swab as the simulation ran it: for tests that check lanes never overlap. */
export interface ServiceRecord {
  lane: number;
  gate: string;
  buildingId: string;
  resident: number;
  arrivedAt: number;
  startedAt: number;
  endedAt: number;
}
