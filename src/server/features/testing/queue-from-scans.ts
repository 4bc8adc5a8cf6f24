import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { TESTING_QUEUES } from '../../../shared/api/testing-live.ts';
import { testingRoundGates } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';

type Tx = Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0];

/**
 * A resident swabbed at a lane has left their gate's queue: the count drops by one between the gate
 * volunteers' reports. Only a swab after the last report counts, since the report already left out
 * anyone swabbed before it (an offline scan sent late, say); and never below zero.
 */
export async function swabbedOffQueue(
  tx: Tx,
  at: { communityId: string; roundId: string; gateId: string; sampledAt: Date },
) {
  const gate = testingRoundGates;
  const [row] = await tx
    .update(gate)
    .set({ queue: sql`${gate.queue} - 1` })
    .where(
      and(
        eq(gate.communityId, at.communityId),
        eq(gate.roundId, at.roundId),
        eq(gate.gateId, at.gateId),
        sql`${gate.queue} > 0`,
        or(isNull(gate.queueAt), lte(gate.queueAt, at.sampledAt)),
      ),
    )
    .returning({ queue: gate.queue });
  if (!row) return;
  await publishLive(tx, {
    communityId: at.communityId,
    type: TESTING_QUEUES,
    data: { roundId: at.roundId, gateId: at.gateId, queue: row.queue },
    coalesceKey: `testing.queues:${at.roundId}:${at.gateId}`,
  });
}
