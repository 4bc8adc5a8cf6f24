// Rows a round leaves behind (tubes at lanes, samples, queue reports, lane switches), written
// straight into the database so a report test can know every figure by hand.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';

const at = (hhmmss: string, day = '2026-04-10') => new Date(`${day}T${hhmmss}Z`);

/** One tube at a gate's lane (or at home when gateId is null), a sample per resident at its time. */
export async function insertTubeSamples(
  db: Db,
  where: { communityId: string; roundId: string; gateId: string | null; lane: number | null },
  samples: [residentId: string, hhmmss: string][],
  day?: string,
) {
  const { communityId, roundId, gateId, lane } = where;
  const [tube] = await db
    .insert(schema.testingTubes)
    .values({
      communityId,
      roundId,
      barcode: `T-${randomUUID()}`,
      gateId,
      lane,
      capacity: 10,
      samples: samples.length,
      openedAt: at(samples[0]![1], day),
    })
    .returning();
  await db.insert(schema.testingSamples).values(
    samples.map(([residentId, time]) => ({
      communityId,
      roundId,
      tubeId: tube!.id,
      residentId,
      place: gateId ? 'lane' : 'home',
      sampledAt: at(time, day),
    })),
  );
}

export async function insertQueueCounts(
  db: Db,
  communityId: string,
  roundId: string,
  gateId: string,
  counts: [queue: number, hhmmss: string][],
) {
  await db
    .insert(schema.testingQueueCounts)
    .values(counts.map(([queue, time]) => ({ communityId, roundId, gateId, queue, recordedAt: at(time) })));
}

export async function insertLaneSwitch(
  db: Db,
  communityId: string,
  roundId: string,
  move: { from: string; to: string; lanes: number; hhmmss: string },
) {
  await db.insert(schema.testingLaneSwitches).values({
    communityId,
    roundId,
    fromGateId: move.from,
    toGateId: move.to,
    lanes: move.lanes,
    appliedAt: at(move.hhmmss),
  });
}

export async function setRoundTimes(
  db: Db,
  communityId: string,
  roundId: string,
  times: { startedAt: Date; finishedAt: Date; status?: string },
) {
  await db
    .update(schema.testingRounds)
    .set({ status: 'finished', ...times })
    .where(and(eq(schema.testingRounds.communityId, communityId), eq(schema.testingRounds.id, roundId)));
}
