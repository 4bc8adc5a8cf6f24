import type { TDeliveryPlan, TDeliveryRun, VehicleKind } from '../../../shared/api/delivery-runs.ts';
import { listRuns, stopsWithBuildings } from './delivery-plan.repository.ts';

type Executor = Parameters<typeof listRuns>[0];
type RunFilter = Parameters<typeof listRuns>[2];

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** Runs as the API shows them: rider's name, stops in riding order with their building's code and place. */
export async function presentRuns(
  db: Executor,
  communityId: string,
  filter: RunFilter,
): Promise<TDeliveryRun[]> {
  const rows = await listRuns(db, communityId, filter);
  const stops = await stopsWithBuildings(
    db,
    communityId,
    rows.map((r) => r.run.id),
  );
  return runsWithStops(rows, stops);
}

type RunRows = Awaited<ReturnType<typeof listRuns>>;
type StopRows = Awaited<ReturnType<typeof stopsWithBuildings>>;

/** Runs as presentRuns gives them, from runs and stops read already. */
export function runsWithStops(rows: RunRows, stops: StopRows): TDeliveryRun[] {
  return rows.map(({ run, riderName }) => ({
    id: run.id,
    planId: run.planId,
    shiftId: run.shiftId,
    gateId: run.gateId,
    seq: run.seq,
    vehicle: run.vehicle as VehicleKind,
    capacity: run.capacity,
    trip: run.trip,
    riderId: run.riderId,
    riderName: riderName ?? null,
    status: run.status as TDeliveryRun['status'],
    load: run.load,
    distanceM: run.distanceM,
    estimatedSeconds: run.estimatedSeconds,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    stops: stops
      .filter((s) => s.runId === run.id)
      .map(({ runId: _, deliveredAt, ...s }) => ({ ...s, deliveredAt: iso(deliveredAt) })),
  }));
}

/** The runs of one plan with its totals; null when the plan has no runs (none, or replaced). */
export function planOf(runs: TDeliveryRun[]): TDeliveryPlan | null {
  const first = runs[0];
  if (!first) return null;
  return {
    planId: first.planId,
    status: runs.every((r) => r.status === 'planned') ? 'planned' : 'confirmed',
    gateId: first.gateId,
    shiftId: first.shiftId,
    runs,
    totals: {
      runs: runs.length,
      buildings: runs.reduce((sum, r) => sum + r.stops.length, 0),
      parcels: runs.reduce((sum, r) => sum + r.load, 0),
      distanceM: runs.reduce((sum, r) => sum + r.distanceM, 0),
      estimatedSeconds: runs.reduce((sum, r) => sum + r.estimatedSeconds, 0),
    },
  };
}

export async function presentPlan(db: Executor, communityId: string, planId: string) {
  return planOf(await presentRuns(db, communityId, { planId }));
}
