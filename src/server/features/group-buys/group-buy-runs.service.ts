import type { TDeliveryRun } from '../../../shared/api/delivery-runs.ts';
import type { TGroupBuyRuns, TPlanGroupBuyRuns } from '../../../shared/api/group-buys.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { planRunRows } from '../../platform/delivery-run-rows.ts';
import { presentRuns } from '../parcels/delivery-plan.presenter.ts';
import { gatesOf } from '../parcels/delivery-plan.repository.ts';
import { insertRuns } from '../parcels/delivery-run-writes.repository.ts';
import { loadFulfilment, presentDistribution } from './group-buy-distribution.presenter.ts';
import { buildingsByIds, dropsOf } from './group-buy-fulfilment.repository.ts';
import {
  approvedVolunteers,
  buildingsOnRiddenRuns,
  deleteUnstartedRuns,
  markRunStopsDelivered,
} from './group-buy-runs.repository.ts';
import { campaignById, campaignForTurn } from './group-buys.repository.ts';
import { authorizeGroupBuy } from './group-buys-access.ts';
import { publishGroupBuyChange } from './group-buys-events.ts';

// Delivery runs of a group buy: the parcel planner (planDeliveryRuns) with units as load, the stops
// the buildings that still wait for their goods, the depot a gate. Runs are stored beside parcel
// runs with group_buy_id set, as 'confirmed' (nothing needs attaching, unlike parcels); a new plan
// replaces the campaign's runs not yet started. A rider marks a building with markBuildingDistributed,
// which also marks its stops delivered and moves the run on (started, then done).

const PLANNABLE = ['allocated', 'arrived'];

/** getGroupBuyRuns: the campaign's runs in riding order, with their totals. */
export async function getGroupBuyRuns(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
): Promise<TGroupBuyRuns> {
  await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.orders.view');
  if (!(await campaignById(deps.db, communityId, groupBuyId))) throw notFound('groupBuy');
  return runsOf(deps, communityId, groupBuyId);
}

async function runsOf(deps: AppDeps, communityId: string, groupBuyId: string): Promise<TGroupBuyRuns> {
  const runs = (await presentRuns(deps.db, communityId, { groupBuyId })).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq,
  );
  return { groupBuyId, runs, totals: totalsOf(runs) };
}

const totalsOf = (runs: readonly TDeliveryRun[]) => ({
  runs: runs.length,
  buildings: new Set(runs.flatMap((r) => r.stops.map((s) => s.buildingId))).size,
  units: runs.reduce((sum, r) => sum + r.load, 0),
  distanceM: runs.reduce((sum, r) => sum + r.distanceM, 0),
  estimatedSeconds: runs.reduce((sum, r) => sum + r.estimatedSeconds, 0),
});

/**
 * A building's load in pieces no bigger than the biggest vehicle: 300 bags of rice for one building
 * ride as 120 + 120 + 60 on a car's three trips, where a parcel stop is never split.
 */
export function splitLoads(
  buildings: readonly { buildingId: string; x: number; y: number; units: number }[],
  biggest: number,
) {
  return buildings.flatMap((b) => {
    const pieces = Math.ceil(b.units / biggest);
    return Array.from({ length: pieces }, (_, k) => ({
      stopId: `${b.buildingId}#${k}`,
      buildingId: b.buildingId,
      x: b.x,
      y: b.y,
      load: Math.min(biggest, b.units - k * biggest),
    }));
  });
}

/** planGroupBuyRuns: the buildings still waiting for their goods, on the vehicles at hand. */
export async function planGroupBuyRuns(
  deps: AppDeps,
  actor: Actor,
  communityId: string,
  groupBuyId: string,
  body: TPlanGroupBuyRuns,
): Promise<TGroupBuyRuns> {
  const standing = await authorizeGroupBuy(deps, actor, communityId, 'groupBuy.manage');
  const campaign = await campaignById(deps.db, communityId, groupBuyId);
  if (!campaign) throw notFound('groupBuy');
  if (campaign.fulfilment !== 'delivery') throw new AppError('GROUP_BUY_NOT_DELIVERY');
  if (campaign.status === 'done') throw new AppError('GROUP_BUY_NOTHING_TO_DELIVER');
  if (!PLANNABLE.includes(campaign.status)) throw new AppError('GROUP_BUY_NO_DISTRIBUTION_YET');
  const gate = (await gatesOf(deps.db, communityId)).find((g) => g.id === body.gateId);
  if (!gate) throw notFound('gate');
  const riderIds = body.vehicles.flatMap((v) => (v.riderId ? [v.riderId] : []));
  const known = await approvedVolunteers(deps.db, communityId, [...new Set(riderIds)]);
  if (known.length !== riderIds.length) throw new AppError('GROUP_BUY_UNKNOWN_RIDER');

  // Planned outside the transaction: the planner's rounds must not hold the database (PGlite has one).
  const list = presentDistribution(await loadFulfilment(deps.db, campaign));
  const ridden = await buildingsOnRiddenRuns(deps.db, communityId, groupBuyId);
  const waiting = list.buildings.filter((b) => !b.distributedAt && !ridden.has(b.buildingId));
  if (waiting.length === 0) throw new AppError('GROUP_BUY_NOTHING_TO_DELIVER');
  const places = new Map(
    (
      await buildingsByIds(
        deps.db,
        communityId,
        waiting.map((b) => b.buildingId),
      )
    ).map((b) => [b.id, b]),
  );
  const biggest = Math.max(...body.vehicles.map((v) => v.capacity));
  const pieces = splitLoads(
    waiting.map((b) => ({ buildingId: b.buildingId, ...places.get(b.buildingId)!, units: b.units })),
    biggest,
  );
  const { runs, stops } = planRunRows({
    communityId,
    gate,
    stops: pieces,
    vehicles: body.vehicles,
    // nothing waits to be attached to a group buy's run: it is ready to ride at once
    status: 'confirmed',
    now: deps.clock.now(),
    createdBy: actor.account.id,
    groupBuyId,
  });

  await deps.db.transaction(async (tx) => {
    const locked = (await campaignForTurn(tx, communityId, groupBuyId, 'update'))!;
    if (!PLANNABLE.includes(locked.status)) throw new AppError('GROUP_BUY_NOTHING_TO_DELIVER');
    await deleteUnstartedRuns(tx, communityId, groupBuyId);
    await insertRuns(tx, runs, stops);
    // A building dropped off while the planner ran is delivered on its new run already.
    for (const drop of await dropsOf(tx, communityId, groupBuyId))
      if (places.has(drop.buildingId))
        await markRunStopsDelivered(
          tx,
          communityId,
          groupBuyId,
          drop.buildingId,
          drop.distributedAt,
          drop.distributedBy ?? actor.account.id,
        );
    await audit(tx, {
      communityId,
      account: actor.account,
      role: standing.role,
      action: 'groupBuy.plan_runs',
      targetType: 'group_buy',
      targetId: groupBuyId,
      params: {
        title: campaign.title,
        runs: runs.length,
        buildings: waiting.length,
        units: runs.reduce((sum, r) => sum + r.load, 0),
        vehicles: body.vehicles.length,
      },
    });
    await publishGroupBuyChange(tx, communityId, groupBuyId, 'runs');
  });
  return runsOf(deps, communityId, groupBuyId);
}
