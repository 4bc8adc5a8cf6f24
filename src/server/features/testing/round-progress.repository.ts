// Reads for a round's progress at a glance (the dashboard): which round is under way, which finished
// last, and their samples per gate. The counts are the round list's and the report's own: a sample
// belongs to the gate of its tube (door-to-door tubes have none), as in report.service.ts.
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { testingRounds, testingSamples, testingTubes } from '../../db/schema/index.ts';
import type { Executor } from './rounds.repository.ts';

const roundColumns = {
  id: testingRounds.id,
  title: testingRounds.title,
  status: testingRounds.status,
  startsAt: testingRounds.startsAt,
  startedAt: testingRounds.startedAt,
  finishedAt: testingRounds.finishedAt,
};
export type ProgressRound = {
  id: string;
  title: string;
  status: string;
  startsAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/**
 * The round under way (running, else published with its start passed: lanes may scan into it) and
 * the round finished last. Either may be missing.
 */
export async function currentAndLastRound(db: Executor, communityId: string, now: Date) {
  const [current, last] = await Promise.all([
    db
      .select(roundColumns)
      .from(testingRounds)
      .where(
        and(
          eq(testingRounds.communityId, communityId),
          or(
            eq(testingRounds.status, 'running'),
            and(
              eq(testingRounds.status, 'published'),
              sql`${testingRounds.startsAt} <= ${now.toISOString()}::timestamptz`,
            ),
          ),
        ),
      )
      .orderBy(sql`${testingRounds.status} = 'running' desc`, desc(testingRounds.startsAt))
      .limit(1),
    db
      .select(roundColumns)
      .from(testingRounds)
      .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.status, 'finished')))
      .orderBy(sql`coalesce(${testingRounds.finishedAt}, ${testingRounds.startsAt}) desc`)
      .limit(1),
  ]);
  return {
    current: (current[0] ?? null) as ProgressRound | null,
    last: (last[0] ?? null) as ProgressRound | null,
  };
}

export interface RoundSampleFigures {
  tested: number;
  first: Date | null;
  last: Date | null;
  /** samples per gate of their tube */
  byGate: Map<string, number>;
}

/** Per round: residents sampled, the first and last sample, and samples per gate, in one statement. */
export async function roundSampleFigures(
  db: Executor,
  communityId: string,
  roundIds: string[],
): Promise<Map<string, RoundSampleFigures>> {
  const figures = new Map<string, RoundSampleFigures>(
    roundIds.map((id) => [id, { tested: 0, first: null, last: null, byGate: new Map() }]),
  );
  if (roundIds.length === 0) return figures;
  const rows = await db
    .select({
      roundId: testingSamples.roundId,
      gateId: testingTubes.gateId,
      n: sql<number>`count(*)::int`,
      first: sql<string>`min(${testingSamples.sampledAt})`,
      last: sql<string>`max(${testingSamples.sampledAt})`,
    })
    .from(testingSamples)
    .innerJoin(
      testingTubes,
      and(
        eq(testingTubes.communityId, testingSamples.communityId),
        eq(testingTubes.id, testingSamples.tubeId),
      ),
    )
    .where(and(eq(testingSamples.communityId, communityId), inArray(testingSamples.roundId, roundIds)))
    .groupBy(testingSamples.roundId, testingTubes.gateId);
  for (const row of rows) {
    const f = figures.get(row.roundId)!;
    const n = Number(row.n);
    f.tested += n;
    if (row.gateId) f.byGate.set(row.gateId, n);
    const first = new Date(row.first);
    const last = new Date(row.last);
    if (!f.first || first < f.first) f.first = first;
    if (!f.last || last > f.last) f.last = last;
  }
  return figures;
}
