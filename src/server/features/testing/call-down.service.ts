import { and, eq, sql } from 'drizzle-orm';
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import type { TAdjustCallDown, TCallDownPlan } from '../../../shared/api/testing-calls.ts';
import { TESTING_ROUND } from '../../../shared/api/testing-rounds.ts';
import { testingCalls, testingRounds } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { presentCallDown, propose, proposedCallTimes, roundSite } from './call-down.plan.ts';
import { type CallDownRound, callDownRound, storedCalls } from './call-down.repository.ts';
import { communityTimeZone, type Executor } from './rounds.repository.ts';
import { authorizeTestingRounds } from './testing-access.ts';

async function roundOf(deps: AppDeps, actor: Actor, roundId: string) {
  const round = await callDownRound(deps.db, actor.communityId!, roundId);
  if (!round) throw new AppError('NOT_FOUND', { what: 'testingRound' });
  return round;
}

/**
 * Takes the round's row for the rest of the transaction and checks it is still a draft: planning,
 * adjusting and publishing at once never interleave.
 */
async function lockDraft(tx: Executor, communityId: string, round: CallDownRound) {
  const result = await tx.execute(
    sql`select status from testing_rounds where community_id = ${communityId} and id = ${round.id} for update`,
  );
  const status = (result as unknown as { rows: { status: string }[] }).rows[0]?.status;
  if (status !== 'draft') throw new AppError('TESTING_ROUND_NOT_DRAFT', { round: round.title });
}

const changed = (tx: Executor, communityId: string, roundId: string) =>
  publishLive(tx, { communityId, type: TESTING_ROUND, data: { roundId } });

/** getCallDownPlan: the stored plan per gate, with the expected figures of Linli's proposal. */
export async function getCallDownPlan(deps: AppDeps, actor: Actor, roundId: string): Promise<TCallDownPlan> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.view');
  const round = await roundOf(deps, actor, roundId);
  const timeZone = await communityTimeZone(deps.db, actor.communityId!);
  return presentCallDown(deps.db, actor.communityId!, round, timeZone);
}

/** planCallDown: Linli's proposal, stored in place of an earlier unpublished one. */
export async function planRoundCallDown(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
): Promise<TCallDownPlan> {
  const role = await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const round = await roundOf(deps, actor, roundId);
  if (round.status !== 'draft') throw new AppError('TESTING_ROUND_NOT_DRAFT', { round: round.title });
  const site = await roundSite(deps.db, communityId, roundId);
  const plan = propose(round, site);
  if (!plan) throw new AppError('TESTING_CALL_DOWN_NOBODY');
  const times = proposedCallTimes(round, plan);
  await deps.db.transaction(async (tx) => {
    await lockDraft(tx, communityId, round);
    await tx
      .delete(testingCalls)
      .where(and(eq(testingCalls.communityId, communityId), eq(testingCalls.roundId, roundId)));
    await tx.insert(testingCalls).values(
      [...times].map(([buildingId, call]) => ({
        communityId,
        roundId,
        buildingId,
        gateId: call.gateId,
        callAt: call.callAt,
      })),
    );
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'testing_round.plan_call_down',
      targetType: 'testing_round',
      targetId: roundId,
      params: {
        title: round.title,
        buildings: times.size,
        minutes: Math.round(plan.expectedMakespanSeconds / 60),
      },
    });
    await changed(tx, communityId, roundId);
  });
  const timeZone = await communityTimeZone(deps.db, communityId);
  return presentCallDown(deps.db, communityId, round, timeZone, { site, plan });
}

/** adjustCallDown: the leader moves one building's call, or swaps two buildings' times, before publishing. */
export async function adjustCallDown(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  body: TAdjustCallDown,
): Promise<TCallDownPlan> {
  const role = await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const round = await roundOf(deps, actor, roundId);
  if (round.status !== 'draft') throw new AppError('TESTING_ROUND_NOT_DRAFT', { round: round.title });
  const timeZone = await communityTimeZone(deps.db, communityId);
  const calls = new Map((await storedCalls(deps.db, communityId, roundId)).map((c) => [c.buildingId, c]));
  const moved = calls.get(body.buildingId);
  const other = 'swapWithBuildingId' in body ? calls.get(body.swapWithBuildingId) : undefined;
  if (!moved || ('swapWithBuildingId' in body && !other)) throw new AppError('TESTING_CALL_NOT_PLANNED');
  // HH:MM on the round's day, on the community's clock: a call never leaves the round's day
  const { day } = wallClockAt(round.startsAt, timeZone);
  const changes = other
    ? [
        { buildingId: moved.buildingId, callAt: other.callAt },
        { buildingId: other.buildingId, callAt: moved.callAt },
      ]
    : [
        {
          buildingId: moved.buildingId,
          callAt: wallTimeToInstant(day, (body as { callTime: string }).callTime, timeZone),
        },
      ];
  await deps.db.transaction(async (tx) => {
    await lockDraft(tx, communityId, round);
    for (const change of changes)
      await tx
        .update(testingCalls)
        .set({ callAt: change.callAt })
        .where(
          and(
            eq(testingCalls.communityId, communityId),
            eq(testingCalls.roundId, roundId),
            eq(testingCalls.buildingId, change.buildingId),
          ),
        );
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: other ? 'testing_round.swap_calls' : 'testing_round.move_call',
      targetType: 'testing_round',
      targetId: roundId,
      params: {
        title: round.title,
        building: moved.buildingCode,
        other: other?.buildingCode ?? '',
        time: wallClockAt(changes[0]!.callAt, timeZone).time,
      },
    });
    await changed(tx, communityId, roundId);
  });
  return presentCallDown(deps.db, communityId, round, timeZone);
}

/** publishCallDown: the round goes out; each building is told at its call time (call-notices.ts). */
export async function publishCallDown(deps: AppDeps, actor: Actor, roundId: string): Promise<TCallDownPlan> {
  const role = await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const round = await roundOf(deps, actor, roundId);
  if (round.status !== 'draft') throw new AppError('TESTING_ROUND_NOT_DRAFT', { round: round.title });
  const calls = await storedCalls(deps.db, communityId, roundId);
  if (calls.length === 0) throw new AppError('TESTING_CALL_DOWN_NOT_PLANNED');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockDraft(tx, communityId, round);
    await tx
      .update(testingRounds)
      .set({ status: 'published', publishedAt: now })
      .where(and(eq(testingRounds.communityId, communityId), eq(testingRounds.id, roundId)));
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'testing_round.publish_call_down',
      targetType: 'testing_round',
      targetId: roundId,
      params: { title: round.title, buildings: calls.length },
    });
    await changed(tx, communityId, roundId);
  });
  const timeZone = await communityTimeZone(deps.db, communityId);
  return presentCallDown(deps.db, communityId, { ...round, status: 'published', publishedAt: now }, timeZone);
}
