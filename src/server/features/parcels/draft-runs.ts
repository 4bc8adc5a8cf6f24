import type { Point } from '../../../domain/parcels/distance-matrix.ts';
import { type EditableStop, runFigures } from '../../../domain/parcels/run-edits.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import type { AppDeps } from '../../platform/context.ts';
import {
  buildingPositions,
  gatesOf,
  lockPlanRuns,
  type RunRow,
  stopsOfRuns,
} from './delivery-plan.repository.ts';
import { deleteRun, replaceStops, updateRun } from './delivery-run-writes.repository.ts';

// A draft plan as moves and the confirmation change it, inside their transaction.

export type Tx = Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0];
export type DraftStop = EditableStop & { code: string };

/** A vehicle as runs name it: two runs of the same kind, capacity and rider are trips of one vehicle. */
export const vehicleKey = (r: Pick<RunRow, 'vehicle' | 'capacity' | 'riderId'>) =>
  `${r.vehicle}/${r.capacity}/${r.riderId ?? ''}`;

/** A plan's runs (locked) with their stops and positions, refused unless it is still a draft. */
export async function loadDraft(tx: Tx, communityId: string, planId: string) {
  const runs = await lockPlanRuns(tx, communityId, planId);
  if (runs.length === 0) throw notFound('deliveryPlan');
  if (runs.some((r) => r.status !== 'planned')) throw new AppError('PLAN_ALREADY_CONFIRMED');
  const stopRows = await stopsOfRuns(
    tx,
    communityId,
    runs.map((r) => r.id),
  );
  const places = new Map(
    (
      await buildingPositions(
        tx,
        communityId,
        stopRows.map((s) => s.buildingId),
      )
    ).map((b) => [b.id, b]),
  );
  const gate = (await gatesOf(tx, communityId)).find((g) => g.id === runs[0]!.gateId);
  const depot: Point = gate ? { x: gate.x, y: gate.y } : { x: 0, y: 0 };
  const stopsOf = new Map<string, DraftStop[]>(runs.map((r) => [r.id, []]));
  for (const s of stopRows) {
    const place = places.get(s.buildingId)!;
    stopsOf
      .get(s.runId)!
      .push({ buildingId: s.buildingId, parcels: s.parcels, x: place.x, y: place.y, code: place.code });
  }
  return { runs, stopsOf, depot };
}

/** Writes a run's stops and the figures they give (or deletes it when no stop is left). */
export async function saveRun(
  tx: Tx,
  communityId: string,
  depot: Point,
  runId: string,
  stops: EditableStop[],
) {
  if (stops.length === 0) return deleteRun(tx, communityId, runId);
  const { load, distance, seconds } = runFigures(depot, stops);
  await updateRun(tx, communityId, runId, { load, distanceM: distance, estimatedSeconds: seconds });
  await replaceStops(
    tx,
    communityId,
    runId,
    stops.map((s) => ({ buildingId: s.buildingId, parcels: s.parcels })),
  );
}

/** Runs numbered 1..n again in their order, and each vehicle's trips 1..k, after runs came or went. */
export async function renumber(tx: Tx, communityId: string, runs: RunRow[]) {
  const trips = new Map<string, number>();
  const ordered = [...runs].sort((a, b) => a.seq - b.seq);
  const byTrip = [...runs].sort((a, b) => a.trip - b.trip || a.seq - b.seq);
  const tripOf = new Map<string, number>();
  for (const run of byTrip) {
    const next = (trips.get(vehicleKey(run)) ?? 0) + 1;
    trips.set(vehicleKey(run), next);
    tripOf.set(run.id, next);
  }
  for (const [i, run] of ordered.entries()) {
    const seq = i + 1;
    const trip = tripOf.get(run.id)!;
    if (run.seq !== seq || run.trip !== trip) await updateRun(tx, communityId, run.id, { seq, trip });
  }
}
