import { wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import {
  type TCreateTestingRoundParsed,
  TESTING_GROUP_KEY,
  TESTING_ROUND,
  type TTestingRound,
  type TTestingRoundList,
} from '../../../shared/api/testing-rounds.ts';
import type { VulnerabilityFlag } from '../../../shared/registry.ts';
import {
  testingHomeVisits,
  testingRoundGates,
  testingRounds,
  testingRoundZones,
} from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { presentRounds } from './rounds.presenter.ts';
import {
  communityTimeZone,
  gatesAndZonesOf,
  residentIdsFlagged,
  shiftWithGroup,
} from './rounds.repository.ts';
import { authorizeTestingRounds } from './testing-access.ts';

/**
 * Residents who cannot come down to the testing site and are visited at home from the start:
 * - mobility_impaired (行动不便) and disabled (残疾): the stairs and the queue are the obstacle;
 * - elderly_alone (独居老人): nobody at home to bring them down, and the story's volunteers visited them.
 * Not `elderly` (80+) on its own (family usually brings them), nor hearing_impaired, pregnant, infant or
 * chronic_medication: they can come down, and come first in the not-yet-tested list instead.
 */
export const CANNOT_COME_DOWN: readonly VulnerabilityFlag[] = [
  'mobility_impaired',
  'disabled',
  'elderly_alone',
];

/** createTestingRound: the round, its gates and zones, and the door-to-door list, in one transaction. */
export async function createTestingRound(
  deps: AppDeps,
  actor: Actor,
  body: TCreateTestingRoundParsed,
): Promise<TTestingRound> {
  const role = await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const site = await gatesAndZonesOf(deps.db, communityId);

  // every gate of the community once, lanes adding up
  const known = new Set(site.gates.map((g) => g.id));
  const listed = new Set(body.gates.map((g) => g.gateId));
  if (
    listed.size !== body.gates.length ||
    listed.size !== known.size ||
    [...listed].some((id) => !known.has(id))
  )
    throw new AppError('TESTING_ROUND_GATES_INVALID');
  const laneSum = body.gates.reduce((sum, g) => sum + g.lanes, 0);
  if (laneSum !== body.lanes)
    throw new AppError('TESTING_ROUND_LANES_MISMATCH', { lanes: body.lanes, sum: laneSum });

  // zone → gate: the zone's usual gate unless the request says otherwise
  const overrides = new Map<string, string>();
  for (const z of body.zones) {
    if (!site.zones.some((zone) => zone.id === z.zoneId)) throw new AppError('UNKNOWN_ZONE');
    if (!known.has(z.gateId)) throw new AppError('TESTING_ROUND_GATES_INVALID');
    overrides.set(z.zoneId, z.gateId);
  }
  const zoneGates = site.zones.map((zone) => ({ zone, gateId: overrides.get(zone.id) ?? zone.gateId }));
  const gateless = zoneGates.find((z) => !z.gateId);
  if (gateless) throw new AppError('TESTING_ROUND_ZONE_WITHOUT_GATE', { zone: gateless.zone.name });

  if (body.shiftId) {
    const shift = await shiftWithGroup(deps.db, communityId, body.shiftId);
    if (!shift) throw new AppError('NOT_FOUND', { what: 'shift' });
    if (shift.groupKey !== TESTING_GROUP_KEY) throw new AppError('TESTING_ROUND_SHIFT_NOT_TESTING');
  }

  const timeZone = await communityTimeZone(deps.db, communityId);
  const startsAt = wallTimeToInstant(body.day, body.startTime, timeZone);
  const now = deps.clock.now();
  const roundId = await deps.db.transaction(async (tx) => {
    const [round] = await tx
      .insert(testingRounds)
      .values({
        communityId,
        title: body.title,
        startsAt,
        pooling: body.pooling,
        lanes: body.lanes,
        ...body.assumptions,
        shiftId: body.shiftId,
        createdAt: now,
        createdBy: actor.account.id,
      })
      .returning({ id: testingRounds.id });
    const id = round!.id;
    await tx.insert(testingRoundGates).values(
      body.gates.map((g) => ({
        communityId,
        roundId: id,
        gateId: g.gateId,
        lanes: g.lanes,
        crowdLimit: g.crowdLimit,
      })),
    );
    if (zoneGates.length > 0)
      await tx
        .insert(testingRoundZones)
        .values(zoneGates.map((z) => ({ communityId, roundId: id, zoneId: z.zone.id, gateId: z.gateId! })));
    const homebound = await residentIdsFlagged(tx, communityId, CANNOT_COME_DOWN);
    if (homebound.length > 0)
      await tx.insert(testingHomeVisits).values(
        homebound.map((residentId) => ({
          communityId,
          roundId: id,
          residentId,
          reason: 'vulnerable',
          addedAt: now,
          addedBy: actor.account.id,
        })),
      );
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'testing_round.create',
      targetType: 'testing_round',
      targetId: id,
      params: {
        title: body.title,
        start: `${body.day} ${body.startTime}`,
        lanes: body.lanes,
        pooling: body.pooling,
        homeVisits: homebound.length,
      },
    });
    await publishLive(tx, { communityId, type: TESTING_ROUND, data: { roundId: id } });
    return id;
  });
  return (await presentRounds(deps.db, communityId, roundId))[0]!;
}

export async function listTestingRounds(deps: AppDeps, actor: Actor): Promise<TTestingRoundList> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.view');
  return { items: await presentRounds(deps.db, actor.communityId!) };
}

export async function getTestingRound(deps: AppDeps, actor: Actor, roundId: string): Promise<TTestingRound> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.view');
  const [round] = await presentRounds(deps.db, actor.communityId!, roundId);
  if (!round) throw new AppError('NOT_FOUND', { what: 'testingRound' });
  return round;
}
