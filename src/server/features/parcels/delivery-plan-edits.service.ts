import { randomUUID } from 'node:crypto';
import { insertCheapest } from '../../../domain/parcels/run-edits.ts';
import {
  DELIVERY_RUNS_CHANGED,
  type TDeliveryPlan,
  type TMoveDeliveryStop,
} from '../../../shared/api/delivery-runs.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { presentPlan } from './delivery-plan.presenter.ts';
import { parcelsRiders, type RunRow } from './delivery-plan.repository.ts';
import { insertRuns } from './delivery-run-writes.repository.ts';
import { authorizeRunPlanning } from './delivery-runs-access.ts';
import { loadDraft, renumber, saveRun, vehicleKey } from './draft-runs.ts';

/**
 * moveDeliveryStop: one building from its draft run to another draft run, or to a new run of a
 * vehicle, inserted where it adds the least distance; both runs' figures recomputed; a run left
 * without stops disappears.
 */
export async function moveDeliveryStop(
  deps: AppDeps,
  actor: Actor,
  body: TMoveDeliveryStop,
): Promise<TDeliveryPlan> {
  const role = await authorizeRunPlanning(deps, actor);
  const communityId = actor.communityId!;
  const newVehicle = body.toVehicle && {
    vehicle: body.toVehicle.kind,
    capacity: body.toVehicle.capacity,
    riderId: body.toVehicle.riderId ?? null,
  };
  const [rider] = newVehicle?.riderId ? await parcelsRiders(deps.db, communityId, [newVehicle.riderId]) : [];
  if (newVehicle?.riderId && !rider) throw new AppError('UNKNOWN_RIDER');
  await deps.db.transaction(async (tx) => {
    const { runs, stopsOf, depot } = await loadDraft(tx, communityId, body.planId);
    const from = runs.find((r) => stopsOf.get(r.id)!.some((s) => s.buildingId === body.buildingId));
    if (!from) throw notFound('building');
    const stop = stopsOf.get(from.id)!.find((s) => s.buildingId === body.buildingId)!;
    let to: RunRow;
    if (body.toRunId) {
      const target = runs.find((r) => r.id === body.toRunId);
      if (!target) throw notFound('deliveryRun');
      if (target.id === from.id) return;
      to = target;
    } else {
      const vehicle = newVehicle!;
      const sameVehicle = runs.filter((r) => vehicleKey(r) === vehicleKey(vehicle));
      // A rider already on a different vehicle of this plan cannot ride this one too.
      if (rider && runs.some((r) => r.riderId === rider.id && vehicleKey(r) !== vehicleKey(vehicle)))
        throw new AppError('RIDER_ON_TWO_VEHICLES', { name: rider.name });
      to = {
        ...from,
        ...vehicle,
        id: randomUUID(),
        seq: Math.max(...runs.map((r) => r.seq)) + 1,
        trip: 1 + Math.max(0, ...sameVehicle.map((r) => r.trip)),
        load: 0,
        distanceM: 0,
        estimatedSeconds: 0,
        createdAt: deps.clock.now(),
        createdBy: actor.account.id,
      };
      await insertRuns(tx, [to], []);
      runs.push(to);
      stopsOf.set(to.id, []);
    }
    const load = stopsOf.get(to.id)!.reduce((sum, s) => sum + s.parcels, 0) + stop.parcels;
    if (load > to.capacity)
      throw new AppError('RUN_OVER_CAPACITY', {
        building: stop.code,
        parcels: stop.parcels,
        load,
        capacity: to.capacity,
      });

    const rest = stopsOf.get(from.id)!.filter((s) => s !== stop);
    await saveRun(tx, communityId, depot, from.id, rest);
    await saveRun(tx, communityId, depot, to.id, insertCheapest(depot, stopsOf.get(to.id)!, stop));
    const left = rest.length === 0 ? runs.filter((r) => r.id !== from.id) : runs;
    await renumber(tx, communityId, left);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.move_stop',
      targetType: 'delivery_plan',
      targetId: body.planId,
      params: { building: stop.code, run: left.sort((a, b) => a.seq - b.seq).indexOf(to) + 1 },
    });
    await publishLive(tx, {
      communityId,
      type: DELIVERY_RUNS_CHANGED,
      data: { planId: body.planId, status: 'planned' },
    });
  });
  return (await presentPlan(deps.db, communityId, body.planId))!;
}
