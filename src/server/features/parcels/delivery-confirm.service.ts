import {
  DELIVERY_RUNS_CHANGED,
  type TConfirmDeliveryRuns,
  type TDeliveryPlan,
} from '../../../shared/api/delivery-runs.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { notify } from '../../platform/notices.ts';
import { presentPlan } from './delivery-plan.presenter.ts';
import { lockWaitingParcels } from './delivery-plan.repository.ts';
import { attachParcels, riderAccounts, updateRun } from './delivery-run-writes.repository.ts';
import { authorizeRunPlanning } from './delivery-runs-access.ts';
import { type DraftStop, loadDraft, renumber, saveRun } from './draft-runs.ts';

/**
 * confirmDeliveryRuns: the draft's runs become confirmed and every parcel still waiting at each stop's
 * building goes on that stop's run, all in one transaction. A stop's count becomes what is actually
 * attached (parcels may have arrived or been set aside since planning); a run that would now be over
 * its vehicle's capacity refuses the whole confirmation, so the leader plans again.
 */
export async function confirmDeliveryRuns(
  deps: AppDeps,
  actor: Actor,
  body: TConfirmDeliveryRuns,
): Promise<TDeliveryPlan> {
  const role = await authorizeRunPlanning(deps, actor);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const { runs, stopsOf, depot } = await loadDraft(tx, communityId, body.planId);
    const buildingIds = [...stopsOf.values()].flat().map((s) => s.buildingId);
    const waiting = await lockWaitingParcels(tx, communityId, buildingIds);
    const parcelsAt = new Map<string, string[]>();
    for (const p of waiting) {
      const list = parcelsAt.get(p.buildingId);
      if (list) list.push(p.id);
      else parcelsAt.set(p.buildingId, [p.id]);
    }

    const confirmed: { runId: string; stops: DraftStop[] }[] = [];
    for (const run of runs) {
      const planned = stopsOf.get(run.id)!;
      const now = planned
        .map((s) => ({ ...s, parcels: parcelsAt.get(s.buildingId)?.length ?? 0 }))
        .filter((s) => s.parcels > 0);
      const load = now.reduce((sum, s) => sum + s.parcels, 0);
      if (load > run.capacity) {
        // Name the building whose bin grew most since planning: that is what tipped the run over.
        const grown = now
          .map((s) => ({
            code: s.code,
            growth: s.parcels - planned.find((p) => p.buildingId === s.buildingId)!.parcels,
          }))
          .sort((a, b) => b.growth - a.growth)[0]!;
        throw new AppError('PLAN_OUTDATED', { building: grown.code, load, capacity: run.capacity });
      }
      confirmed.push({ runId: run.id, stops: now });
    }
    if (confirmed.every((c) => c.stops.length === 0)) throw new AppError('NO_WAITING_PARCELS');

    let parcels = 0;
    for (const { runId, stops } of confirmed) {
      await saveRun(tx, communityId, depot, runId, stops);
      if (stops.length === 0) continue;
      await updateRun(tx, communityId, runId, { status: 'confirmed' });
      const ids = stops.flatMap((s) => parcelsAt.get(s.buildingId)!);
      await attachParcels(tx, communityId, runId, ids);
      parcels += ids.length;
    }
    const kept = runs.filter((r) => confirmed.find((c) => c.runId === r.id)!.stops.length > 0);
    await renumber(tx, communityId, kept);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.confirm_runs',
      targetType: 'delivery_plan',
      targetId: body.planId,
      params: { runs: kept.length, parcels },
    });
    await tellRiders(tx, communityId, kept, confirmed, deps.clock.now());
    await publishLive(tx, {
      communityId,
      type: DELIVERY_RUNS_CHANGED,
      data: {
        planId: body.planId,
        status: 'confirmed',
        riderIds: [...new Set(kept.flatMap((r) => (r.riderId ? [r.riderId] : [])))],
      },
    });
  });
  return (await presentPlan(deps.db, communityId, body.planId))!;
}

/** Each rider learns their runs at once, in the inbox and wherever their notices go. */
async function tellRiders(
  tx: Parameters<typeof notify>[0] & Parameters<typeof riderAccounts>[0],
  communityId: string,
  kept: { id: string; riderId: string | null }[],
  confirmed: { runId: string; stops: DraftStop[] }[],
  now: Date,
) {
  const riderIds = [...new Set(kept.flatMap((r) => (r.riderId ? [r.riderId] : [])))];
  const accountOf = await riderAccounts(tx, communityId, riderIds);
  for (const riderId of riderIds) {
    const accountId = accountOf.get(riderId);
    if (!accountId) continue;
    const stops = kept
      .filter((r) => r.riderId === riderId)
      .flatMap((r) => confirmed.find((c) => c.runId === r.id)!.stops);
    await notify(
      tx,
      {
        communityId,
        accountIds: [accountId],
        kind: 'parcels.runs_assigned',
        params: {
          runs: kept.filter((r) => r.riderId === riderId).length,
          stops: stops.length,
          parcels: stops.reduce((sum, s) => sum + s.parcels, 0),
        },
        link: '/parcels/ride',
      },
      now,
    );
  }
}
