// Reads for a round's progress at a glance (the dashboard): which round is under way, which finished
// last, their samples and samples per gate. The counts are the round list's and the report's own: a
// sample belongs to the gate of its tube (door-to-door tubes have none), as in report.service.ts.
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { residents, testingRounds, testingSamples, testingTubes } from '../../db/schema/index.ts';
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

/**
 * Residents of the registry: the round list's `expected` (rounds.repository residentCount, which joins
 * each resident's household; every resident has one, by the foreign key, so the count is the same)
 * without reading the households: an index-only count.
 */
export async function residentTotal(db: Executor, communityId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(eq(residents.communityId, communityId));
  return Number(row?.n ?? 0);
}

/** A round's samples per gate of their tube (null: door-to-door tubes, which have no gate). */
export async function samplesPerGate(db: Executor, communityId: string, roundId: string) {
  const rows = await db
    .select({ gateId: testingTubes.gateId, n: sql<number>`count(*)::int` })
    .from(testingSamples)
    .innerJoin(
      testingTubes,
      and(
        eq(testingTubes.communityId, testingSamples.communityId),
        eq(testingTubes.id, testingSamples.tubeId),
      ),
    )
    .where(and(eq(testingSamples.communityId, communityId), eq(testingSamples.roundId, roundId)))
    .groupBy(testingTubes.gateId);
  return new Map(rows.map((r) => [r.gateId, Number(r.n)]));
}

/**
 * Residents sampled in a round; with `span`, also its first and last sample (the report's start and
 * end when the round has no started/finished time), which costs reading every sample.
 */
export async function roundSamples(db: Executor, communityId: string, roundId: string, span: boolean) {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      first: span ? sql<string | null>`min(${testingSamples.sampledAt})` : sql<null>`null`,
      last: span ? sql<string | null>`max(${testingSamples.sampledAt})` : sql<null>`null`,
    })
    .from(testingSamples)
    .where(and(eq(testingSamples.communityId, communityId), eq(testingSamples.roundId, roundId)));
  return {
    tested: Number(row?.n ?? 0),
    first: row?.first ? new Date(row.first) : null,
    last: row?.last ? new Date(row.last) : null,
  };
}
