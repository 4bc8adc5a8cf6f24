import { laneAdvice } from '../../../domain/testing/lane-advice.ts';
import {
  type TAppliedLaneSwitch,
  type TApplyLaneSwitch,
  TESTING_QUEUES,
  type TGateQueue,
  THROUGHPUT_WINDOW_SECONDS,
  type TLaneAdvice,
  type TLaneSwitchList,
  type TRecordQueueCount,
  ZApplyLaneSwitch,
} from '../../../shared/api/testing-live.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import * as repo from './live-queues.repository.ts';
import { authorizeLiveQueues } from './live-queues-access.ts';

type Executor = Parameters<typeof repo.findRound>[0];

/**
 * Queues are counted and lanes moved only while people come: once the call-down is published and
 * until the round is finished. Scanning (scanning.service.ts) accepts the same two statuses.
 */
async function liveRound(db: Executor, communityId: string, roundId: string) {
  const round = await repo.findRound(db, communityId, roundId);
  if (!round) throw notFound('testingRound');
  if (round.status !== 'published' && round.status !== 'running') {
    throw new AppError('TESTING_ROUND_NOT_LIVE', { round: round.title });
  }
  return round;
}

/**
 * recordQueueCount: a gate volunteer's count (a typed number) or one tap of − / +. No audit entry per
 * tap: a count changes nobody's data and is kept in testing_queue_counts anyway; the decisions taken
 * on it (lane switches) are audited.
 */
export async function recordQueueCount(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  gateId: string,
  body: TRecordQueueCount,
): Promise<TGateQueue> {
  await authorizeLiveQueues(deps, actor, 'testing.queue_count');
  const communityId = actor.communityId!;
  await liveRound(deps.db, communityId, roundId);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.setQueue(tx, { communityId, roundId, gateId }, body, now);
    if (!row) throw notFound('gate');
    await repo.appendQueueCount(tx, {
      communityId,
      roundId,
      gateId,
      queue: row.queue,
      recordedAt: now,
      recordedBy: actor.account.id,
    });
    await repo.markRunning(tx, communityId, roundId, now);
    await publishLive(tx, {
      communityId,
      type: TESTING_QUEUES,
      data: { roundId, gateId, queue: row.queue },
      coalesceKey: `testing.queues:${roundId}:${gateId}`,
    });
    return { gateId, queue: row.queue, queueAt: row.queueAt?.toISOString() ?? null };
  });
}

/**
 * getLaneAdvice: each gate's queue, lanes, throughput of the last 10 minutes and residents still to
 * come, and the domain's advice whether moving one lane now (after the switch delay) ends the round sooner.
 */
export async function getLaneAdvice(deps: AppDeps, actor: Actor, roundId: string): Promise<TLaneAdvice> {
  await authorizeLiveQueues(deps, actor, 'testing.lane_advice');
  const communityId = actor.communityId!;
  const round = await repo.findRound(deps.db, communityId, roundId);
  if (!round) throw notFound('testingRound');
  const now = deps.clock.now();
  const since = new Date(now.getTime() - THROUGHPUT_WINDOW_SECONDS * 1000);
  const [gates, served, withCalls] = await Promise.all([
    repo.roundGates(deps.db, communityId, roundId),
    repo.servedSince(deps.db, communityId, roundId, since, now),
    repo.hasCalls(deps.db, communityId, roundId),
  ]);
  const forecastFrom = withCalls ? 'calls' : 'zones';
  const toCome = await repo.toComePerGate(deps.db, communityId, roundId, forecastFrom, now);
  const advice = laneAdvice({
    gates: Object.fromEntries(
      gates.map((g) => [
        g.gateId,
        {
          queue: g.queue,
          lanes: g.lanes,
          toCome: toCome.get(g.gateId) ?? 0,
          servedRecently: served.get(g.gateId) ?? 0,
        },
      ]),
    ),
    switchSeconds: round.switchSeconds,
    recentWindowSeconds: THROUGHPUT_WINDOW_SECONDS,
    serviceSecondsMean: round.serviceMeanSeconds,
  });
  return {
    roundId,
    status: round.status as TLaneAdvice['status'],
    switchSeconds: round.switchSeconds,
    gates: gates.map((g) => ({
      gateId: g.gateId,
      name: g.name,
      queue: g.queue,
      queueAt: g.queueAt?.toISOString() ?? null,
      lanes: g.lanes,
      crowdLimit: g.crowdLimit,
      servedLast10Minutes: served.get(g.gateId) ?? 0,
      toCome: toCome.get(g.gateId) ?? 0,
      remainingSeconds: advice.secondsPerGate[g.gateId] ?? null,
    })),
    move: advice.move ? { fromGateId: advice.move.from, toGateId: advice.move.to, lanes: 1 } : null,
    remainingSeconds: advice.remainingSeconds,
    remainingAfterMoveSeconds: advice.remainingAfterMoveSeconds,
    perLanePerMinute: advice.perLanePerMinute,
    forecastFrom,
  };
}

/**
 * applyLaneSwitch: lanes move from one gate to another in one transaction. The source gate gives
 * them up only if it still has them (a conditional update), so two leaders tapping "apply" at once
 * never move more lanes than it has.
 */
export async function applyLaneSwitch(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  input: TApplyLaneSwitch,
): Promise<TAppliedLaneSwitch> {
  const role = await authorizeLiveQueues(deps, actor, 'testing.lane_switch');
  const body = ZApplyLaneSwitch.parse(input);
  const communityId = actor.communityId!;
  const round = await liveRound(deps.db, communityId, roundId);
  const gates = await repo.roundGates(deps.db, communityId, roundId);
  const from = gates.find((g) => g.gateId === body.fromGateId);
  const to = gates.find((g) => g.gateId === body.toGateId);
  if (!from || !to) throw notFound('gate');
  return deps.db.transaction(async (tx) => {
    const taken = await repo.takeLanes(tx, communityId, roundId, from.gateId, body.lanes);
    if (!taken) {
      const current = (await repo.roundGates(tx, communityId, roundId)).find((g) => g.gateId === from.gateId);
      throw new AppError('LANES_NOT_AVAILABLE', {
        gate: from.name,
        lanes: current?.lanes ?? 0,
        requested: body.lanes,
      });
    }
    const given = await repo.giveLanes(tx, communityId, roundId, to.gateId, body.lanes);
    const appliedAt = deps.clock.now();
    const row = await repo.insertLaneSwitch(tx, {
      communityId,
      roundId,
      fromGateId: from.gateId,
      toGateId: to.gateId,
      lanes: body.lanes,
      appliedAt,
      appliedBy: actor.account.id,
    });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'testing.lane_switch',
      targetType: 'testing_round',
      targetId: roundId,
      params: { lanes: body.lanes, from: from.name, to: to.name, round: round.title },
    });
    await publishLive(tx, {
      communityId,
      type: TESTING_QUEUES,
      data: { roundId, fromGateId: from.gateId, toGateId: to.gateId },
    });
    return {
      laneSwitch: {
        id: row.id,
        fromGateId: from.gateId,
        fromGate: from.name,
        toGateId: to.gateId,
        toGate: to.name,
        lanes: body.lanes,
        appliedAt: appliedAt.toISOString(),
        appliedBy: actor.account.displayName,
      },
      gates: [
        { gateId: from.gateId, lanes: taken.lanes },
        { gateId: to.gateId, lanes: given!.lanes },
      ],
    };
  });
}

/** listLaneSwitches: the round's lane history, oldest first. */
export async function listLaneSwitches(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
): Promise<TLaneSwitchList> {
  await authorizeLiveQueues(deps, actor, 'testing.lane_advice');
  const communityId = actor.communityId!;
  if (!(await repo.findRound(deps.db, communityId, roundId))) throw notFound('testingRound');
  const [gates, rows] = await Promise.all([
    repo.roundGates(deps.db, communityId, roundId),
    repo.laneSwitches(deps.db, communityId, roundId),
  ]);
  const name = (id: string) => gates.find((g) => g.gateId === id)?.name ?? '—';
  return {
    items: rows.map((r) => ({
      id: r.id,
      fromGateId: r.fromGateId,
      fromGate: name(r.fromGateId),
      toGateId: r.toGateId,
      toGate: name(r.toGateId),
      lanes: r.lanes,
      appliedAt: r.appliedAt.toISOString(),
      appliedBy: r.appliedBy ?? null,
    })),
  };
}
