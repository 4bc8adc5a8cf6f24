import {
  TESTING_ROUND,
  type TRoundCoverage,
  type TRoundCoverageQueryParsed,
  type TSendToDoorToDoor,
  type TSentToDoorToDoor,
} from '../../../shared/api/testing-rounds.ts';
import type { VulnerabilityFlag } from '../../../shared/registry.ts';
import { testingHomeVisits } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { buildingCoverage, homeVisitRows, missingResidents } from './coverage.repository.ts';
import { existingResidentIds, roundCounts, roundExists } from './rounds.repository.ts';
import { authorizeTestingRounds } from './testing-access.ts';

/**
 * getRoundCoverage: tested / expected per building and overall, the residents not yet tested
 * (vulnerable first, paged, by building), and the door-to-door list. Names and rooms are shown as the
 * registry shows them to every member who may see it (it masks only mobiles and birth years, and
 * neither is shown here).
 */
export async function getRoundCoverage(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  q: TRoundCoverageQueryParsed,
): Promise<TRoundCoverage> {
  await authorizeTestingRounds(deps, actor, 'testing.rounds.view');
  const communityId = actor.communityId!;
  if (!(await roundExists(deps.db, communityId, roundId)))
    throw new AppError('NOT_FOUND', { what: 'testingRound' });
  const buildings = await buildingCoverage(deps.db, communityId, roundId);
  const missing = await missingResidents(deps.db, communityId, roundId, {
    buildingId: q.buildingId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const visits = await homeVisitRows(deps.db, communityId, roundId);
  return {
    roundId,
    overall: {
      expected: buildings.reduce((n, b) => n + b.expected, 0),
      tested: buildings.reduce((n, b) => n + b.tested, 0),
    },
    buildings,
    missing: {
      total: missing.total,
      page: q.page,
      pageSize: q.pageSize,
      items: missing.rows.map((r) => ({
        residentId: r.residentId,
        name: r.name,
        buildingId: r.buildingId,
        buildingCode: r.buildingCode,
        room: r.room,
        flags: r.flags as VulnerabilityFlag[],
        homeVisit: (r.homeVisit as 'vulnerable' | 'missing' | null) ?? null,
      })),
    },
    homeVisits: visits.map((v) => ({
      residentId: v.residentId,
      name: v.name,
      buildingCode: v.buildingCode,
      room: v.room,
      flags: v.flags as VulnerabilityFlag[],
      reason: v.reason as 'vulnerable' | 'missing',
      addedAt: v.addedAt.toISOString(),
      sampledAt: v.sampledAt?.toISOString() ?? null,
      sampledPlace: (v.sampledPlace as 'lane' | 'home' | null) ?? null,
    })),
  };
}

/** sendToDoorToDoor: residents go on the list with reason 'missing'; those already on it stay as they are. */
export async function sendToDoorToDoor(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  body: TSendToDoorToDoor,
): Promise<TSentToDoorToDoor> {
  const role = await authorizeTestingRounds(deps, actor, 'testing.rounds.manage');
  const communityId = actor.communityId!;
  const round = await roundExists(deps.db, communityId, roundId);
  if (!round) throw new AppError('NOT_FOUND', { what: 'testingRound' });
  const ids = [...new Set(body.residentIds)];
  const known = await existingResidentIds(deps.db, communityId, ids);
  if (known.size !== ids.length) throw new AppError('TESTING_ROUND_UNKNOWN_RESIDENT');
  const now = deps.clock.now();
  const added = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(testingHomeVisits)
      .values(
        ids.map((residentId) => ({
          communityId,
          roundId,
          residentId,
          reason: 'missing',
          addedAt: now,
          addedBy: actor.account.id,
        })),
      )
      .onConflictDoNothing()
      .returning({ residentId: testingHomeVisits.residentId });
    // a repeat that adds nobody changes nothing, so it leaves no trace either
    if (inserted.length > 0) {
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'testing_round.door_to_door',
        targetType: 'testing_round',
        targetId: roundId,
        params: { title: round.title, count: inserted.length },
      });
      await publishLive(tx, { communityId, type: TESTING_ROUND, data: { roundId } });
    }
    return inserted.length;
  });
  const counts = await roundCounts(deps.db, communityId, [roundId]);
  return { added, alreadyListed: ids.length - added, homeVisits: counts.get(roundId)!.homeVisits };
}
