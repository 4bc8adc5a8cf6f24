// Reads for the round report: the raw rows; report.service.ts does the arithmetic.
import { and, asc, count, desc, eq, inArray, lt, max, min, sql } from 'drizzle-orm';
import {
  gates,
  testingLaneSwitches,
  testingQueueCounts,
  testingRoundGates,
  testingRounds,
  testingSamples,
  testingTubes,
} from '../../db/schema/index.ts';
import type { Executor } from './rounds.repository.ts';

export async function reportRound(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select()
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
  return row;
}
export type ReportRoundRow = NonNullable<Awaited<ReturnType<typeof reportRound>>>;

/** Every sample's time with its tube's gate and lane (gate null: door to door). */
export async function sampleTimes(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      at: testingSamples.sampledAt,
      place: testingSamples.place,
      gateId: testingTubes.gateId,
      lane: testingTubes.lane,
    })
    .from(testingSamples)
    .innerJoin(
      testingTubes,
      and(
        eq(testingTubes.communityId, testingSamples.communityId),
        eq(testingTubes.id, testingSamples.tubeId),
      ),
    )
    .where(and(eq(testingSamples.communityId, communityId), eq(testingSamples.roundId, roundId)))
    .orderBy(asc(testingSamples.sampledAt));
}

/** The round's gates with their names, crowd limits and every queue report, oldest first. */
export async function gateQueues(db: Executor, communityId: string, roundId: string) {
  const gateRows = await db
    .select({ gateId: testingRoundGates.gateId, name: gates.name, crowdLimit: testingRoundGates.crowdLimit })
    .from(testingRoundGates)
    .innerJoin(
      gates,
      and(eq(gates.communityId, testingRoundGates.communityId), eq(gates.id, testingRoundGates.gateId)),
    )
    .where(and(eq(testingRoundGates.communityId, communityId), eq(testingRoundGates.roundId, roundId)))
    .orderBy(gates.code);
  const counts = await db
    .select({
      gateId: testingQueueCounts.gateId,
      queue: testingQueueCounts.queue,
      at: testingQueueCounts.recordedAt,
    })
    .from(testingQueueCounts)
    .where(and(eq(testingQueueCounts.communityId, communityId), eq(testingQueueCounts.roundId, roundId)))
    .orderBy(asc(testingQueueCounts.recordedAt), asc(testingQueueCounts.id));
  return { gateRows, counts };
}

export async function laneSwitches(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      at: testingLaneSwitches.appliedAt,
      fromGateId: testingLaneSwitches.fromGateId,
      toGateId: testingLaneSwitches.toGateId,
      lanes: testingLaneSwitches.lanes,
    })
    .from(testingLaneSwitches)
    .where(and(eq(testingLaneSwitches.communityId, communityId), eq(testingLaneSwitches.roundId, roundId)))
    .orderBy(asc(testingLaneSwitches.appliedAt), asc(testingLaneSwitches.id));
}

/** The community's rounds that start before `before`, latest first, with their sample figures. */
export async function earlierRounds(db: Executor, communityId: string, before: Date, limit = 10) {
  const rounds = await db
    .select()
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), lt(testingRounds.startsAt, before)))
    .orderBy(desc(testingRounds.startsAt))
    .limit(limit);
  if (rounds.length === 0) return [];
  const figures = await db
    .select({
      roundId: testingSamples.roundId,
      first: min(testingSamples.sampledAt),
      last: max(testingSamples.sampledAt),
      tested: count(),
      atLanes: sql<number>`count(*) filter (where ${testingSamples.place} = 'lane')`.mapWith(Number),
    })
    .from(testingSamples)
    .where(
      and(
        eq(testingSamples.communityId, communityId),
        inArray(
          testingSamples.roundId,
          rounds.map((r) => r.id),
        ),
      ),
    )
    .groupBy(testingSamples.roundId);
  return rounds.map((round) => {
    const f = figures.find((x) => x.roundId === round.id);
    return {
      round,
      first: f?.first ? new Date(f.first) : null,
      last: f?.last ? new Date(f.last) : null,
      tested: Number(f?.tested ?? 0),
      atLanes: f?.atLanes ?? 0,
    };
  });
}
