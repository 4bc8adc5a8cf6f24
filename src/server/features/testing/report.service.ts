// getRoundReport (issue 6, item 6): what a round took, lane by lane and gate by gate, against the
// community's earlier rounds. The definitions are spelled out in ROUND_REPORT_DESCRIPTION.
import type { TRoundReport, TRoundSummary } from '../../../shared/api/testing-report.ts';
import { AppError } from '../../platform/app-error.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import {
  earlierRounds,
  gateQueues,
  laneSwitches,
  type ReportRoundRow,
  reportRound,
  sampleTimes,
} from './report.repository.ts';
import { authorizeTestingRounds } from './testing-access.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The round's span: started_at / finished_at when set, else its first / last sample. */
export function roundSpan(
  round: Pick<ReportRoundRow, 'startedAt' | 'finishedAt'>,
  first: Date | null,
  last: Date | null,
) {
  const start = round.startedAt ?? first;
  const end = round.finishedAt ?? last;
  if (!start || !end || end < start) return { start, end, ms: null };
  return { start, end, ms: end.getTime() - start.getTime() };
}

function summary(
  round: ReportRoundRow,
  span: ReturnType<typeof roundSpan>,
  tested: number,
  atLanes: number,
): TRoundSummary {
  const hours = span.ms ? span.ms / HOUR : null;
  return {
    roundId: round.id,
    title: round.title,
    startsAt: round.startsAt.toISOString(),
    start: span.start?.toISOString() ?? null,
    end: span.end?.toISOString() ?? null,
    durationMinutes: span.ms === null ? null : Math.round(span.ms / MINUTE),
    tested,
    lanes: round.lanes,
    perLaneHour: hours ? round1(atLanes / (round.lanes * hours)) : null,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

type LaneSample = { at: Date; gateId: string | null; lane: number | null };

/**
 * Per lane: samples per gate, per hour from the start, on average, and idle minutes. A sample's
 * minute (hour) is counted from the start and clamped into the span, so a sample at the very end,
 * or one taken before started_at was set, still lands in a bucket.
 */
export function laneFigures(
  samples: LaneSample[],
  span: { start: Date | null; ms: number | null },
  roundLanes: number,
  gateName: (gateId: string) => string,
): { lanes: TRoundReport['lanes']; idleLaneMinutes: number } {
  const minutes = span.ms === null ? 0 : Math.max(1, Math.ceil(span.ms / MINUTE));
  const hours = span.ms === null ? 0 : Math.max(1, Math.ceil(span.ms / HOUR));
  const bucket = (at: Date, size: number, buckets: number) =>
    Math.min(buckets - 1, Math.max(0, Math.floor((at.getTime() - span.start!.getTime()) / size)));
  type Acc = {
    lane: number | null;
    byGate: Map<string, number>;
    hourly: number[];
    busy: Set<number>;
    samples: number;
  };
  const rows = new Map<string, Acc>();
  const row = (key: string, lane: number | null) => {
    let acc = rows.get(key);
    if (!acc) {
      acc = { lane, byGate: new Map(), hourly: new Array(hours).fill(0), busy: new Set(), samples: 0 };
      rows.set(key, acc);
    }
    return acc;
  };
  for (let lane = 1; lane <= roundLanes; lane++) row(`lane:${lane}`, lane);
  for (const s of samples) {
    if (!s.gateId) continue;
    const acc = s.lane === null ? row(`gate:${s.gateId}`, null) : row(`lane:${s.lane}`, s.lane);
    acc.samples++;
    acc.byGate.set(s.gateId, (acc.byGate.get(s.gateId) ?? 0) + 1);
    if (span.ms !== null) {
      acc.hourly[bucket(s.at, HOUR, hours)]!++;
      acc.busy.add(bucket(s.at, MINUTE, minutes));
    }
  }
  const lanes = [...rows.values()]
    .sort((a, b) => (a.lane ?? Number.MAX_SAFE_INTEGER) - (b.lane ?? Number.MAX_SAFE_INTEGER))
    .map((acc) => ({
      lane: acc.lane,
      gates: [...acc.byGate].map(([gateId, n]) => ({ gateId, name: gateName(gateId), samples: n })),
      samples: acc.samples,
      perHour: span.ms ? round1(acc.samples / (span.ms / HOUR)) : null,
      hourly: acc.hourly,
      idleMinutes: minutes - acc.busy.size,
    }));
  return { lanes, idleLaneMinutes: lanes.reduce((sum, l) => sum + l.idleMinutes, 0) };
}

export async function getRoundReport(deps: AppDeps, actor: Actor, roundId: string): Promise<TRoundReport> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const round = await reportRound(deps.db, communityId, roundId);
  if (!round) throw new AppError('NOT_FOUND', { what: 'testingRound' });
  const [samples, { gateRows, counts }, switches, earlier] = await Promise.all([
    sampleTimes(deps.db, communityId, roundId),
    gateQueues(deps.db, communityId, roundId),
    laneSwitches(deps.db, communityId, roundId),
    earlierRounds(deps.db, communityId, round.startsAt),
  ]);
  const span = roundSpan(round, samples[0]?.at ?? null, samples.at(-1)?.at ?? null);
  const atLanes = samples.filter((s) => s.place === 'lane').length;
  const names = new Map(gateRows.map((g) => [g.gateId, g.name]));
  const gateName = (id: string) => names.get(id) ?? '—';
  const { lanes, idleLaneMinutes } = laneFigures(samples, span, round.lanes, gateName);

  const queues = gateRows.map((g) => {
    // the first report of the longest queue: counts come oldest first
    const longest = counts
      .filter((c) => c.gateId === g.gateId)
      .reduce<(typeof counts)[number] | null>((best, c) => (!best || c.queue > best.queue ? c : best), null);
    return {
      gateId: g.gateId,
      name: g.name,
      crowdLimit: g.crowdLimit,
      longest: longest?.queue ?? 0,
      at: longest?.at.toISOString() ?? null,
    };
  });
  return {
    round: {
      ...summary(round, span, samples.length, atLanes),
      status: round.status,
      pooling: round.pooling,
    },
    tested: { lane: atLanes, home: samples.length - atLanes, total: samples.length },
    lanes,
    idleLaneMinutes,
    queues,
    switches: switches.map((s) => ({
      at: s.at.toISOString(),
      from: gateName(s.fromGateId),
      to: gateName(s.toGateId),
      lanes: s.lanes,
    })),
    earlier: earlier.map((e) => summary(e.round, roundSpan(e.round, e.first, e.last), e.tested, e.atLanes)),
  };
}
