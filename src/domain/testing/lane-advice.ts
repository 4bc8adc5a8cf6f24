// Tidal-lane advice (潮汐车道, issue 6 item 3): should one lane move from one gate to another now?
// Pure: the server's getLaneAdvice feeds it the live counts, the simulator its own state.

export interface GateLoad {
  /** People waiting at the gate now. */
  queue: number;
  /** Lanes serving this gate (a lane already on its way here counts here). */
  lanes: number;
  /** Residents expected still to arrive at this gate (called and on their way, or not yet called). */
  toCome: number;
  /** People swabbed at this gate within the recent window, for the lanes' observed pace. */
  servedRecently?: number;
}

export interface LaneAdviceState {
  gates: Record<string, GateLoad>;
  /** How long a moved lane serves nobody. */
  switchSeconds: number;
  /** The window servedRecently counts over (default 600 s, the "last 10 minutes"). */
  recentWindowSeconds?: number;
  /** Expected seconds per person when nothing was served recently (default 12.6). */
  serviceSecondsMean?: number;
  /**
   * Hysteresis: a move must shorten the forecast by at least this much (default the larger of the
   * switch time and 60 s), so that lanes do not flap between gates over a few people's difference.
   */
  minimumGainSeconds?: number;
}

export interface LaneAdvice {
  /** Move one lane from → to now, or null to leave the lanes as they are. */
  move: { from: string; to: string } | null;
  /** Forecast until every gate is done with the lanes as they are; null while a gate with people has no lane. */
  remainingSeconds: number | null;
  /** The same forecast after the advised move (null when there is no advice). */
  remainingAfterMoveSeconds: number | null;
  /** Per gate: the forecast of that gate alone (null: people but no lane). */
  secondsPerGate: Record<string, number | null>;
  /** The pace the forecast assumes: people per lane per minute. */
  perLanePerMinute: number;
}

const DEFAULT_WINDOW_SECONDS = 600;
const DEFAULT_SERVICE_SECONDS = 12.6;

/** People per lane per second: the gates' pooled recent pace (medics are alike), else the expected one. */
function perLaneRate(state: LaneAdviceState): number {
  const window = state.recentWindowSeconds ?? DEFAULT_WINDOW_SECONDS;
  let served = 0;
  let lanes = 0;
  for (const gate of Object.values(state.gates)) {
    served += gate.servedRecently ?? 0;
    lanes += gate.lanes;
  }
  if (served > 0 && lanes > 0 && window > 0) return served / (lanes * window);
  return 1 / (state.serviceSecondsMean ?? DEFAULT_SERVICE_SECONDS);
}

/** Seconds to serve `work` people with `lanes` lanes, of which `arriving` join only after `delay`. */
function gateSeconds(work: number, lanes: number, rate: number, arriving = 0, delay = 0): number {
  if (work <= 0) return 0;
  if (lanes + arriving <= 0) return Number.POSITIVE_INFINITY;
  if (arriving === 0) return work / (lanes * rate);
  const beforeJoin = lanes * rate * delay;
  if (beforeJoin >= work) return work / (lanes * rate);
  return delay + (work - beforeJoin) / ((lanes + arriving) * rate);
}

/** [gates that have people but no lane, the longest finite forecast]: fewer stuck gates first. */
type Score = [number, number];
const better = (a: Score, b: Score, gain: number) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1] - gain);

function score(times: number[]): Score {
  let stuck = 0;
  let longest = 0;
  for (const t of times) {
    if (t === Number.POSITIVE_INFINITY) stuck++;
    else longest = Math.max(longest, t);
  }
  return [stuck, longest];
}

/**
 * Forecast each gate's remaining time as its work (queue + still to come) over its lanes at the
 * observed pace, and advise the single move that shortens the longest forecast the most, counting
 * the moved lane only after switchSeconds, if it gains at least minimumGainSeconds and the giving
 * gate would still finish no later than the others.
 */
export function laneAdvice(state: LaneAdviceState): LaneAdvice {
  const rate = perLaneRate(state);
  const names = Object.keys(state.gates);
  const work = names.map((g) => state.gates[g]!.queue + state.gates[g]!.toCome);
  const lanes = names.map((g) => state.gates[g]!.lanes);
  const times = names.map((_, i) => gateSeconds(work[i]!, lanes[i]!, rate));
  const now = score(times);
  const minimumGain = state.minimumGainSeconds ?? Math.max(60, state.switchSeconds);
  let best: { from: number; to: number; score: Score } | null = null;
  for (let from = 0; from < names.length; from++) {
    if (lanes[from]! < 1) continue;
    for (let to = 0; to < names.length; to++) {
      if (to === from || work[to]! <= 0) continue;
      const after = times.slice();
      after[from] = gateSeconds(work[from]!, lanes[from]! - 1, rate);
      after[to] = gateSeconds(work[to]!, lanes[to]!, rate, 1, state.switchSeconds);
      // The giving gate must not become the one everybody waits for: a move made before that balance
      // point would soon call for the lane back (flapping); made at it, the lane stays.
      const others = after.filter((_, i) => i !== from);
      if (after[from]! > Math.max(0, ...others)) continue;
      const candidate = score(after);
      if (better(candidate, best?.score ?? now, best ? 0.001 : minimumGain))
        best = { from, to, score: candidate };
    }
  }
  const finite = (t: number) => (t === Number.POSITIVE_INFINITY ? null : round(t));
  return {
    move: best ? { from: names[best.from]!, to: names[best.to]! } : null,
    remainingSeconds: now[0] > 0 ? null : round(now[1]),
    remainingAfterMoveSeconds: best && best.score[0] === 0 ? round(best.score[1]) : null,
    secondsPerGate: Object.fromEntries(names.map((g, i) => [g, finite(times[i]!)])),
    perLanePerMinute: Math.round(rate * 60 * 100) / 100,
  };
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
