import { parseBuildingCode, parseRoom } from '../../../domain/roster/address.ts';
import {
  normaliseTubeBarcode,
  TESTING_SAMPLES,
  type TLaneSetup,
  type TOpenTube,
  type TRecordedSample,
  type TSamplingResident,
  type TTube,
  type ZRecordSample,
} from '../../../shared/api/testing-scans.ts';
import { maskBirthYear } from '../../../shared/registry.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { testingTubes } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { publishLive } from '../../platform/live-events.ts';
import { markRunning } from './live-queues.repository.ts';
import { swabbedOffQueue } from './queue-from-scans.ts';
import * as repo from './scanning.repository.ts';
import { authorizeScanning } from './scanning-access.ts';

type Tx = Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0];
type Executor = Pick<Tx, 'select' | 'insert' | 'update' | 'execute'>;

export const presentTube = (t: repo.TubeRow): TTube => ({
  id: t.id,
  roundId: t.roundId,
  barcode: t.barcode,
  gateId: t.gateId,
  lane: t.lane,
  capacity: t.capacity,
  samples: t.samples,
  openedAt: t.openedAt.toISOString(),
  closedAt: t.closedAt?.toISOString() ?? null,
});

/** Tubes open and samples land only while the round is published (people already called) or running. */
async function roundOpenForSamples(db: Executor, communityId: string, roundId: string) {
  const round = await repo.findRound(db, communityId, roundId);
  if (!round) throw notFound('testingRound');
  if (round.status !== 'published' && round.status !== 'running') {
    throw new AppError('TESTING_ROUND_NOT_OPEN', { round: round.title, status: round.status });
  }
  return round;
}

/** getLaneSetup: the rounds a lane can scan into, the running one first, with their gates. */
export async function getLaneSetup(deps: AppDeps, actor: Actor): Promise<TLaneSetup> {
  await authorizeScanning(deps, actor, 'testing.lane_scan');
  const rounds = await repo.laneRounds(deps.db, actor.communityId!);
  return {
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as 'published' | 'running',
      pooling: r.pooling,
      lanes: r.lanes,
      startsAt: r.startsAt.toISOString(),
      gates: r.gates.map((g) => ({ gateId: g.gateId, name: g.name, lanes: g.lanes })),
    })),
  };
}

async function refuseUsedBarcode(db: Executor, communityId: string, barcode: string) {
  const used = await repo.tubeWithBarcode(db, communityId, barcode);
  if (!used) return;
  throw new AppError('TUBE_BARCODE_USED', {
    barcode,
    round: used.roundTitle,
    time: used.openedAt.toISOString(),
    timeZone: await repo.timeZoneOf(db, communityId),
  });
}

/**
 * openTube: a new tube at a lane (or door to door) whose capacity is the round's pooling. With a
 * clientKey (a phone that opened the tube offline and sends it later, maybe twice) a replay returns
 * the first answer, the same tube, instead of "barcode taken"; so every check runs inside idempotent().
 */
export async function openTube(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  body: TOpenTube,
): Promise<TTube> {
  const role = await authorizeScanning(deps, actor, 'testing.lane_scan');
  const communityId = actor.communityId!;
  const barcode = normaliseTubeBarcode(body.barcode);
  const gateId = body.gateId ?? null;
  const scope = { communityId, accountId: actor.account.id, key: body.clientKey, operation: 'openTube' };
  try {
    const answer = await idempotent(deps.db, scope, async (tx) => {
      const round = await roundOpenForSamples(tx, communityId, roundId);
      if (gateId && !(await repo.roundHasGate(tx, communityId, roundId, gateId))) throw notFound('gate');
      await refuseUsedBarcode(tx, communityId, barcode);
      const [tube] = await tx
        .insert(testingTubes)
        .values({
          communityId,
          roundId,
          barcode,
          gateId,
          lane: gateId ? (body.lane ?? null) : null,
          capacity: round.pooling,
          openedAt: deps.clock.now(),
          openedBy: actor.account.id,
        })
        .returning();
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'testing.open_tube',
        targetType: 'testing_tube',
        targetId: tube!.id,
        params: { barcode, round: round.title, capacity: round.pooling },
      });
      return { status: 201, body: presentTube(tube!) };
    });
    return answer.body;
  } catch (err) {
    // Another lane scanned the same barcode a moment ago: say so, as the check above would have.
    if (isUniqueViolation(err)) await refuseUsedBarcode(deps.db, communityId, barcode);
    throw err;
  }
}

/** closeTube: a tube closed by hand (fewer residents came than the pooling). Closing twice is refused. */
export async function closeTube(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  tubeId: string,
): Promise<TTube> {
  const role = await authorizeScanning(deps, actor, 'testing.lane_scan');
  const communityId = actor.communityId!;
  const tube = await repo.findTube(deps.db, communityId, roundId, tubeId);
  if (!tube) throw notFound('tube');
  return deps.db.transaction(async (tx) => {
    const closed = await repo.closeOpenTube(tx, communityId, tubeId, deps.clock.now());
    if (!closed) throw new AppError('TUBE_CLOSED', { barcode: tube.barcode });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'testing.close_tube',
      targetType: 'testing_tube',
      targetId: tubeId,
      params: { barcode: tube.barcode, samples: closed.samples, capacity: closed.capacity },
    });
    await publishSamples(tx, communityId, roundId, closed);
    return presentTube(closed);
  });
}

async function publishSamples(tx: Tx, communityId: string, roundId: string, tube: repo.TubeRow) {
  await publishLive(tx, {
    communityId,
    type: TESTING_SAMPLES,
    data: {
      roundId,
      tubeId: tube.id,
      tubeSamples: tube.samples,
      tubeClosed: tube.closedAt !== null,
      roundSamples: await repo.roundSampleCount(tx, communityId, roundId),
    },
    coalesceKey: `testing.samples:${roundId}`,
  });
}

/**
 * recordSample: one resident into one tube, in one transaction. The order of the checks is the order
 * of what the scanner must do about them: the wrong person (not ours, already tested) before the tube
 * (full or closed: open a new one). The clientKey makes a replay return the first answer.
 */
export async function recordSample(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  tubeId: string,
  body: ReturnType<typeof ZRecordSample.parse>,
): Promise<TRecordedSample> {
  const role = await authorizeScanning(deps, actor, 'testing.lane_scan');
  const communityId = actor.communityId!;
  const scope = { communityId, accountId: actor.account.id, key: body.clientKey, operation: 'recordSample' };
  try {
    const answer = await idempotent(deps.db, scope, async (tx) => {
      const round = await roundOpenForSamples(tx, communityId, roundId);
      const tube = await repo.findTube(tx, communityId, roundId, tubeId);
      if (!tube) throw notFound('tube');
      const resident = await repo.findResident(tx, communityId, body);
      if (!resident) throw new AppError('NOT_A_RESIDENT_HERE', { code: body.code ?? '' });
      await refuseSampledBefore(tx, communityId, roundId, resident);
      const now = deps.clock.now();
      const taken = await repo.takeTubePlace(tx, communityId, tubeId, now);
      if (!taken) {
        // read again: the scan that filled it may have committed after the first read
        const latest = (await repo.findTube(tx, communityId, roundId, tubeId)) ?? tube;
        const full = latest.samples >= latest.capacity;
        throw new AppError(full ? 'TUBE_FULL' : 'TUBE_CLOSED', {
          barcode: tube.barcode,
          capacity: tube.capacity,
        });
      }
      // The first sample of a published round starts it, as the first queue report does.
      if (round.status === 'published') await markRunning(tx, communityId, roundId, now);
      // The phone's time when it scanned offline, but never in the future of the server's clock.
      const sampledAt = body.sampledAt ? new Date(Math.min(Date.parse(body.sampledAt), now.getTime())) : now;
      const sampleId = await repo.insertSample(tx, {
        communityId,
        roundId,
        tubeId,
        residentId: resident.id,
        place: tube.gateId ? 'lane' : 'home',
        sampledAt,
        recordedBy: actor.account.id,
        clientKey: body.clientKey,
      });
      // One compact audit entry per sample: every accepted scan is a change someone may have to
      // answer for ("was my mother really tested?"), and it names the tube, not the person's data.
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'testing.sample',
        targetType: 'testing_sample',
        targetId: sampleId,
        params: {
          barcode: tube.barcode,
          samples: taken.samples,
          capacity: taken.capacity,
          round: round.title,
        },
      });
      await publishSamples(tx, communityId, roundId, taken);
      if (tube.gateId) await swabbedOffQueue(tx, { communityId, roundId, gateId: tube.gateId, sampledAt });
      const result: TRecordedSample = {
        sampleId,
        resident,
        sampledAt: sampledAt.toISOString(),
        tube: presentTube(taken),
        tubeFull: taken.closedAt !== null,
      };
      return { status: 201, body: result };
    });
    return answer.body;
  } catch (err) {
    // A concurrent scan of the same resident into another tube won the race: name it.
    if (isUniqueViolation(err)) {
      const resident = await repo.findResident(deps.db, communityId, body);
      if (resident) await refuseSampledBefore(deps.db, communityId, roundId, resident);
    }
    throw err;
  }
}

async function refuseSampledBefore(
  db: Executor,
  communityId: string,
  roundId: string,
  resident: { id: string; name: string; buildingCode: string; room: string },
) {
  const earlier = await repo.sampleOfResident(db, communityId, roundId, resident.id);
  if (!earlier) return;
  throw new AppError('RESIDENT_ALREADY_SAMPLED', {
    name: resident.name,
    building: resident.buildingCode,
    room: resident.room,
    barcode: earlier.barcode,
    time: earlier.sampledAt.toISOString(),
    timeZone: await repo.timeZoneOf(db, communityId),
  });
}

/**
 * findResidentsForSampling: the elderly without a code, found by building / room / name. The lane
 * volunteer sees what the registry shows every member (building, room, full name, flags) and the
 * birth year only to the decade (195*), as the registry masks it: the name is needed to tell two
 * members of one household apart, and the decade to tell a father from a son of the same name,
 * while the exact year stays with those who keep the roster.
 */
export async function findResidentsForSampling(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  query: { building?: string | undefined; room?: string | undefined; q?: string | undefined },
): Promise<{ residents: TSamplingResident[] }> {
  await authorizeScanning(deps, actor, 'testing.lane_scan');
  const communityId = actor.communityId!;
  const round = await repo.findRound(deps.db, communityId, roundId);
  if (!round) throw notFound('testingRound');
  const rows = await repo.searchResidents(
    deps.db,
    communityId,
    roundId,
    {
      buildingCode: query.building ? (parseBuildingCode(query.building) ?? query.building) : undefined,
      room: query.room ? (parseRoom(query.room) ?? query.room) : undefined,
      q: query.q || undefined,
    },
    30,
  );
  return {
    residents: rows.map((r) => ({
      id: r.id,
      buildingCode: r.buildingCode,
      room: r.room,
      name: r.name,
      birthYear: maskBirthYear(r.birthYear),
      flags: r.flags,
      sampledAt: r.sampledAt?.toISOString() ?? null,
      tubeBarcode: r.tubeBarcode ?? null,
    })),
  };
}
