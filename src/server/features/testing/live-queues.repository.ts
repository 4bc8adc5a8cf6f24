import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  accounts,
  gates,
  testingLaneSwitches,
  testingQueueCounts,
  testingRoundGates,
  testingRounds,
} from '../../db/schema/index.ts';

type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'execute'>;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function findRound(db: Executor, communityId: string, roundId: string) {
  const [row] = await db
    .select({
      id: testingRounds.id,
      title: testingRounds.title,
      status: testingRounds.status,
      switchSeconds: testingRounds.switchSeconds,
      serviceMeanSeconds: testingRounds.serviceMeanSeconds,
    })
    .from(testingRounds)
    .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
  return row;
}

const roundGate = (communityId: string, roundId: string, gateId: string) =>
  and(
    eq(testingRoundGates.communityId, communityId),
    eq(testingRoundGates.roundId, roundId),
    eq(testingRoundGates.gateId, gateId),
  );

/** The round's gates with their names, in the order of the gates' codes. */
export async function roundGates(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      gateId: testingRoundGates.gateId,
      name: gates.name,
      lanes: testingRoundGates.lanes,
      crowdLimit: testingRoundGates.crowdLimit,
      queue: testingRoundGates.queue,
      queueAt: testingRoundGates.queueAt,
    })
    .from(testingRoundGates)
    .innerJoin(
      gates,
      and(eq(gates.communityId, testingRoundGates.communityId), eq(gates.id, testingRoundGates.gateId)),
    )
    .where(and(eq(testingRoundGates.communityId, communityId), eq(testingRoundGates.roundId, roundId)))
    .orderBy(asc(gates.code));
}

/**
 * Sets the gate's queue to a number, or steps it, in one statement so that two phones tapping at once
 * both count; the step never takes it below zero. Undefined when the round has no such gate.
 */
export async function setQueue(
  tx: Executor,
  ids: { communityId: string; roundId: string; gateId: string },
  change: { queue: number } | { delta: number },
  at: Date,
) {
  const queue =
    'queue' in change ? sql`${change.queue}` : sql`greatest(0, ${testingRoundGates.queue} + ${change.delta})`;
  const [row] = await tx
    .update(testingRoundGates)
    .set({ queue: sql`${queue}`, queueAt: at })
    .where(roundGate(ids.communityId, ids.roundId, ids.gateId))
    .returning({ queue: testingRoundGates.queue, queueAt: testingRoundGates.queueAt });
  return row;
}

export async function appendQueueCount(
  tx: Executor,
  row: {
    communityId: string;
    roundId: string;
    gateId: string;
    queue: number;
    recordedAt: Date;
    recordedBy: string;
  },
) {
  await tx.insert(testingQueueCounts).values(row);
}

/** The round starts with its first queue report (or sample): published → running, once. */
export async function markRunning(tx: Executor, communityId: string, roundId: string, at: Date) {
  await tx
    .update(testingRounds)
    .set({
      status: 'running',
      startedAt: sql`coalesce(${testingRounds.startedAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(testingRounds.communityId, communityId),
        eq(testingRounds.id, roundId),
        eq(testingRounds.status, 'published'),
      ),
    );
}

/** Residents sampled at each gate's lanes since `since` (door-to-door tubes have no gate). */
export async function servedSince(
  db: Executor,
  communityId: string,
  roundId: string,
  since: Date,
  now: Date,
) {
  const result = await db.execute(sql`
    select t.gate_id as "gateId", count(*)::int as served
    from testing_samples s
    join testing_tubes t on t.community_id = s.community_id and t.id = s.tube_id
    where s.community_id = ${communityId} and s.round_id = ${roundId} and t.gate_id is not null
      and s.sampled_at > ${since.toISOString()}::timestamptz and s.sampled_at <= ${now.toISOString()}::timestamptz
    group by t.gate_id`);
  return new Map(rowsOf<{ gateId: string; served: number }>(result).map((r) => [r.gateId, r.served]));
}

/** Whether the round has a call-down plan at all. */
export async function hasCalls(db: Executor, communityId: string, roundId: string) {
  const result = await db.execute(
    sql`select exists (select 1 from testing_calls where community_id = ${communityId} and round_id = ${roundId}) as has`,
  );
  return rowsOf<{ has: boolean }>(result)[0]?.has === true;
}

/**
 * Residents still to come per gate: not sampled in the round and not on the door-to-door list (they
 * will not come down), of the buildings called by `now` (with a call-down plan) or of every building
 * of the zones using the gate (without one).
 */
export async function toComePerGate(
  db: Executor,
  communityId: string,
  roundId: string,
  source: 'calls' | 'zones',
  now: Date,
) {
  const buildingGate =
    source === 'calls'
      ? sql`select building_id, gate_id from testing_calls
            where community_id = ${communityId} and round_id = ${roundId} and call_at <= ${now.toISOString()}::timestamptz`
      : // a zone without a row for the round uses its usual gate
        sql`select b.id as building_id, coalesce(rz.gate_id, z.gate_id) as gate_id from buildings b
            join zones z on z.community_id = b.community_id and z.id = b.zone_id
            left join testing_round_zones rz
              on rz.community_id = z.community_id and rz.round_id = ${roundId} and rz.zone_id = z.id
            where b.community_id = ${communityId}`;
  const result = await db.execute(sql`
    with building_gate as (${buildingGate})
    select bg.gate_id as "gateId", count(r.id)::int as "toCome"
    from building_gate bg
    join households h on h.community_id = ${communityId} and h.building_id = bg.building_id
    join residents r on r.community_id = h.community_id and r.household_id = h.id
    where not exists (select 1 from testing_samples s
                      where s.community_id = r.community_id and s.round_id = ${roundId} and s.resident_id = r.id)
      and not exists (select 1 from testing_home_visits v
                      where v.community_id = r.community_id and v.round_id = ${roundId} and v.resident_id = r.id)
    group by bg.gate_id`);
  return new Map(rowsOf<{ gateId: string; toCome: number }>(result).map((r) => [r.gateId, r.toCome]));
}

/**
 * Takes `lanes` lanes from a gate only if it has them: the condition is checked on the locked row, so
 * concurrent switches never take more than the gate has. Undefined when it has fewer.
 */
export async function takeLanes(
  tx: Executor,
  communityId: string,
  roundId: string,
  gateId: string,
  lanes: number,
) {
  const [row] = await tx
    .update(testingRoundGates)
    .set({ lanes: sql`${testingRoundGates.lanes} - ${lanes}` })
    .where(and(roundGate(communityId, roundId, gateId), gte(testingRoundGates.lanes, lanes)))
    .returning({ lanes: testingRoundGates.lanes });
  return row;
}

export async function giveLanes(
  tx: Executor,
  communityId: string,
  roundId: string,
  gateId: string,
  lanes: number,
) {
  const [row] = await tx
    .update(testingRoundGates)
    .set({ lanes: sql`${testingRoundGates.lanes} + ${lanes}` })
    .where(roundGate(communityId, roundId, gateId))
    .returning({ lanes: testingRoundGates.lanes });
  return row;
}

export async function insertLaneSwitch(tx: Executor, row: typeof testingLaneSwitches.$inferInsert) {
  const [inserted] = await tx.insert(testingLaneSwitches).values(row).returning();
  return inserted!;
}

/** The lane history: every switch of the round, oldest first, with who applied it. */
export async function laneSwitches(db: Executor, communityId: string, roundId: string) {
  return db
    .select({
      id: testingLaneSwitches.id,
      fromGateId: testingLaneSwitches.fromGateId,
      toGateId: testingLaneSwitches.toGateId,
      lanes: testingLaneSwitches.lanes,
      appliedAt: testingLaneSwitches.appliedAt,
      appliedBy: accounts.displayName,
    })
    .from(testingLaneSwitches)
    .leftJoin(accounts, eq(accounts.id, testingLaneSwitches.appliedBy))
    .where(and(eq(testingLaneSwitches.communityId, communityId), eq(testingLaneSwitches.roundId, roundId)))
    .orderBy(asc(testingLaneSwitches.appliedAt), asc(testingLaneSwitches.id));
}
