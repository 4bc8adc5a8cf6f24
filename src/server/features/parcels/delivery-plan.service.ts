import { addDays, wallClockAt, wallTimeToInstant } from '../../../domain/shifts/zoned-time.ts';
import {
  DEFAULT_VEHICLE_CAPACITY,
  DELIVERY_RUNS_CHANGED,
  type TDeliveryPlan,
  type TDeliveryPlanning,
  type TDeliveryRunList,
  type TPlanDeliveryRuns,
  type VehicleKind,
} from '../../../shared/api/delivery-runs.ts';
import { VEHICLES } from '../../../shared/volunteers.ts';
import { readTogether } from '../../db/read-together.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { planRunRows } from '../../platform/delivery-run-rows.ts';
import { publishLive } from '../../platform/live-events.ts';
import { freshSharedReadings } from '../../platform/reading-freshness.ts';
import { planOf, presentPlan, presentRuns, runsWithStops } from './delivery-plan.presenter.ts';
import {
  buildingsWithWaiting,
  gatesOf,
  listRuns,
  parcelsRiders,
  parcelsShift,
  parcelsShiftsBetween,
  signedUpFor,
  stopsWithBuildings,
  unassignedWaitingRows,
} from './delivery-plan.repository.ts';
import { deleteDrafts, insertRuns } from './delivery-run-writes.repository.ts';
import { authorizeRunPlanning } from './delivery-runs-access.ts';
import { communityTimeZone } from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

const byCode = new Intl.Collator('zh-CN', { numeric: true });
const isVehicleKind = (v: string): v is VehicleKind => (VEHICLES as readonly string[]).includes(v);

/** The community's local day at `now` (or the day asked for), as an instant range [from, to). */
async function localDay(deps: AppDeps, communityId: string, asked?: string) {
  const timeZone = await communityTimeZone(deps.db, communityId);
  const now = deps.clock.now();
  const day = asked ?? wallClockAt(now, timeZone).day;
  return {
    now,
    day,
    from: wallTimeToInstant(day, '00:00', timeZone),
    to: wallTimeToInstant(addDays(day, 1), '00:00', timeZone),
  };
}

/** getDeliveryPlanning: today's parcel shifts and their crew, gates, bins, the draft and confirmed runs. */
export async function getDeliveryPlanning(deps: AppDeps, actor: Actor): Promise<TDeliveryPlanning> {
  await authorizeRunPlanning(deps, actor);
  const communityId = actor.communityId!;
  const local = await localDay(deps, communityId);
  return planningReadings(
    deps.db,
    { communityId, accountId: actor.account.id },
    `${communityId}/${local.day}`,
    () => readPlanning(deps, communityId, local),
  );
}

// The same for every leader of the community, and asked again on every live update of the runs.
const planningReadings = freshSharedReadings<TDeliveryPlanning>();

async function readPlanning(
  deps: AppDeps,
  communityId: string,
  { now, day, from, to }: Awaited<ReturnType<typeof localDay>>,
): Promise<TDeliveryPlanning> {
  const db = deps.db;
  // Two messages to the database: everything that depends on nothing, then the crew of the shifts and
  // the stops of the runs found.
  const [shiftRows, waiting, draftRows, riders, gates, [unassignedRow], confirmedRows] = await readTogether(
    db,
    deps.dbKind,
    [
      parcelsShiftsBetween(db, communityId, from, to),
      buildingsWithWaiting(db, communityId),
      listRuns(db, communityId, { status: 'planned' }),
      parcelsRiders(db, communityId),
      gatesOf(db, communityId),
      unassignedWaitingRows(db, communityId),
      listRuns(db, communityId, { notStatus: 'planned', from, to }),
    ],
  );
  const runIds = (rows: typeof draftRows) => rows.map((r) => r.run.id);
  const [crew, draftStops, confirmedStops] = await readTogether(db, deps.dbKind, [
    signedUpFor(
      db,
      communityId,
      shiftRows.map((s) => s.id),
    ),
    stopsWithBuildings(db, communityId, runIds(draftRows)),
    stopsWithBuildings(db, communityId, runIds(confirmedRows)),
  ]);
  const drafts = runsWithStops(draftRows, draftStops);
  const confirmed = runsWithStops(confirmedRows, confirmedStops);
  const unassigned = unassignedRow?.n ?? 0;
  const current =
    shiftRows.find((s) => s.startsAt <= now && now < s.endsAt) ?? shiftRows.find((s) => s.startsAt > now);
  const buildings = waiting.sort((a, b) => byCode.compare(a.code, b.code));
  // Planning deletes older drafts, so there is one draft plan at most; the newest wins all the same.
  const draftPlanId = drafts.at(-1)?.planId;
  return {
    day,
    shifts: shiftRows.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      volunteers: crew
        .filter((c) => c.shiftId === s.id)
        .map((c) => ({ id: c.id, name: c.name, role: c.role, vehicles: c.vehicles.filter(isVehicleKind) })),
    })),
    currentShiftId: current?.id ?? null,
    groupRiders: riders
      .map((r) => ({ id: r.id, name: r.name, role: '', vehicles: r.vehicles.filter(isVehicleKind) }))
      .sort((a, b) => byCode.compare(a.name, b.name)),
    vehicleKinds: VEHICLES.map((kind) => ({ kind, capacity: DEFAULT_VEHICLE_CAPACITY[kind] })),
    gates,
    buildings,
    unassignedWaiting: unassigned,
    draft: planOf(drafts.filter((r) => r.planId === draftPlanId)),
    confirmed,
  };
}

/** listDeliveryRuns: every run created on a local day (today unless asked), drafts included. */
export async function listDeliveryRuns(
  deps: AppDeps,
  actor: Actor,
  askedDay?: string,
): Promise<TDeliveryRunList> {
  await authorizeParcelWork(deps, actor, 'parcels.view');
  const communityId = actor.communityId!;
  const { day, from, to } = await localDay(deps, communityId, askedDay);
  return { day, runs: await presentRuns(deps.db, communityId, { from, to }) };
}

/** Riders named on the vehicles: each one once, each an approved volunteer of the parcels group. */
async function checkRiders(deps: AppDeps, communityId: string, body: TPlanDeliveryRuns) {
  const ids = body.vehicles.flatMap((v) => (v.riderId ? [v.riderId] : []));
  const known = await parcelsRiders(deps.db, communityId, [...new Set(ids)]);
  if (known.length !== new Set(ids).size) throw new AppError('UNKNOWN_RIDER');
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new AppError('RIDER_ON_TWO_VEHICLES', { name: known.find((r) => r.id === twice)!.name });
}

/**
 * planDeliveryRuns: the waiting parcels of every known building on the vehicles at hand. The result
 * replaces any earlier draft of the community, in one transaction; nothing is attached to a run
 * until the leader confirms.
 */
export async function planRuns(deps: AppDeps, actor: Actor, body: TPlanDeliveryRuns): Promise<TDeliveryPlan> {
  const role = await authorizeRunPlanning(deps, actor);
  const communityId = actor.communityId!;
  const gate = (await gatesOf(deps.db, communityId)).find((g) => g.id === body.gateId);
  if (!gate) throw notFound('gate');
  if (body.shiftId && !(await parcelsShift(deps.db, communityId, body.shiftId))) throw notFound('shift');
  await checkRiders(deps, communityId, body);

  const waiting = (await buildingsWithWaiting(deps.db, communityId)).filter((b) => b.waiting > 0);
  if (waiting.length === 0) throw new AppError('NO_WAITING_PARCELS');
  const biggest = Math.max(...body.vehicles.map((v) => v.capacity));
  const busiest = waiting.reduce((most, b) => (b.waiting > most.waiting ? b : most));
  if (busiest.waiting > biggest)
    throw new AppError('BUILDING_OVER_CAPACITY', {
      building: busiest.code,
      parcels: busiest.waiting,
      capacity: biggest,
    });

  const { planId, runs, stops } = planRunRows({
    communityId,
    gate,
    stops: waiting.map((b) => ({ stopId: b.id, buildingId: b.id, x: b.x, y: b.y, load: b.waiting })),
    vehicles: body.vehicles,
    status: 'planned',
    now: deps.clock.now(),
    createdBy: actor.account.id,
    shiftId: body.shiftId ?? null,
  });
  await deps.db.transaction(async (tx) => {
    await deleteDrafts(tx, communityId);
    await insertRuns(tx, runs, stops);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'parcels.plan_runs',
      targetType: 'delivery_plan',
      targetId: planId,
      params: {
        runs: runs.length,
        buildings: stops.length,
        parcels: runs.reduce((sum, r) => sum + r.load, 0),
        vehicles: body.vehicles.length,
      },
    });
    await publishLive(tx, { communityId, type: DELIVERY_RUNS_CHANGED, data: { planId, status: 'planned' } });
  });
  return (await presentPlan(deps.db, communityId, planId))!;
}
