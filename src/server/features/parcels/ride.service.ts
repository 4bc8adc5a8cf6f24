import { and, eq } from 'drizzle-orm';
import { wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import { PARCELS_STATUS, type TMyRuns, type TRiderRun } from '../../../shared/api/parcel-rides.ts';
import { deliveryRuns } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { parcelActions } from './parcels.policy.ts';
import { communityTimeZone } from './parcels.repository.ts';
import { presentRun } from './ride.presenter.ts';
import {
  crewMemberOf,
  type Executor,
  gatePosition,
  householdAccounts,
  parcelsOnRuns,
  type RunRow,
  runById,
  runsOfRider,
  sitePlanOf,
  stopsOf,
} from './ride.repository.ts';
import { authorizeRunWork } from './ride-access.ts';

/** Runs as the rider's phone shows them: stops in riding order with their parcels by room. */
export async function presentRuns(db: Executor, communityId: string, runs: readonly RunRow[]) {
  const ids = runs.map((r) => r.id);
  const stops = await stopsOf(db, communityId, ids);
  const parcels = await parcelsOnRuns(db, communityId, ids);
  const accounts = await householdAccounts(db, communityId, [
    ...new Set(parcels.flatMap((p) => (p.householdId ? [p.householdId] : []))),
  ]);
  const presented: TRiderRun[] = [];
  for (const run of runs) {
    presented.push(
      presentRun(
        run,
        stops.filter((s) => s.runId === run.id),
        parcels.filter((p) => p.runId === run.id),
        accounts,
        await gatePosition(db, communityId, run.gateId),
      ),
    );
  }
  return presented;
}

/**
 * listMyRuns: the signed-in rider's runs of today (confirmed, under way, or finished today) and the
 * site plan. Someone who rides nothing today gets an empty list, not a refusal.
 */
export async function listMyRuns(deps: AppDeps, actor: Actor): Promise<TMyRuns> {
  authorize(actor, parcelActions['parcels.ride']);
  const communityId = actor.communityId!;
  const buildings = await sitePlanOf(deps.db, communityId);
  const me = await crewMemberOf(deps.db, communityId, actor.account.id);
  if (!me) return { runs: [], buildings };
  const timeZone = await communityTimeZone(deps.db, communityId);
  const today = wallClockAt(deps.clock.now(), timeZone).day;
  const since = wallTimeToInstant(today, '00:00', timeZone);
  const runs = await runsOfRider(deps.db, communityId, me.volunteerId, since);
  return { runs: await presentRuns(deps.db, communityId, runs), buildings };
}

/** A run the actor may ride, or the refusal: unknown (404), not theirs (403). */
export async function runToRide(deps: AppDeps, actor: Actor, runId: string) {
  authorize(actor, parcelActions['parcels.ride']);
  const run = await runById(deps.db, actor.communityId!, runId);
  if (!run) throw notFound('deliveryRun');
  const role = await authorizeRunWork(deps, actor, run);
  return { run, role };
}

/**
 * startRun: confirmed → started. Starting a run already under way answers it as it is (a phone
 * that retries); a run not confirmed yet, or finished, is refused with 409.
 */
export async function startRun(deps: AppDeps, actor: Actor, runId: string): Promise<TRiderRun> {
  const { run, role } = await runToRide(deps, actor, runId);
  const communityId = actor.communityId!;
  if (run.status === 'planned') throw new AppError('RUN_NOT_CONFIRMED');
  if (run.status === 'done') throw new AppError('RUN_ALREADY_DONE');
  if (run.status === 'confirmed') {
    await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const started = await tx
        .update(deliveryRuns)
        .set({ status: 'started', startedAt: now })
        .where(
          and(
            eq(deliveryRuns.communityId, communityId),
            eq(deliveryRuns.id, run.id),
            eq(deliveryRuns.status, 'confirmed'),
          ),
        )
        .returning({ id: deliveryRuns.id });
      if (started.length === 0) return;
      const stops = await stopsOf(tx, communityId, [run.id]);
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'parcels.run_start',
        targetType: 'delivery_run',
        targetId: run.id,
        params: { run: run.seq, stops: stops.length, parcels: run.load },
      });
      await publishLive(tx, {
        communityId,
        type: PARCELS_STATUS,
        data: { runId: run.id },
        coalesceKey: 'runs',
      });
    });
  }
  const fresh = (await runById(deps.db, communityId, run.id))!;
  return (await presentRuns(deps.db, communityId, [fresh]))[0]!;
}
