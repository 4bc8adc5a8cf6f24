import { randomUUID } from 'node:crypto';
import { planDeliveryRuns } from '../../domain/parcels/plan.ts';
import type { deliveryRunStops, deliveryRuns } from '../db/schema/index.ts';

export type RunRow = typeof deliveryRuns.$inferInsert;
export type RunStopRow = typeof deliveryRunStops.$inferInsert;

export interface RunStopLoad {
  /** the planner's id for the stop: a building id, or `${buildingId}#n` for a part of a building's load */
  stopId: string;
  buildingId: string;
  x: number;
  y: number;
  /** parcels, bags, boxes: whatever one vehicle place holds */
  load: number;
}

/**
 * One delivery plan, as rows for delivery_runs and delivery_run_stops: the planner (the same for
 * parcels and group buys) on the stops and the vehicles at hand, each vehicle's runs together in the
 * order of the list and then by trip; parts of one building's load that end up next to each other on
 * a run become one stop.
 */
export function planRunRows(input: {
  communityId: string;
  gate: { id: string; x: number; y: number };
  stops: readonly RunStopLoad[];
  vehicles: readonly { kind: string; capacity: number; riderId?: string | null | undefined }[];
  status: 'planned' | 'confirmed';
  now: Date;
  createdBy: string;
  shiftId?: string | null;
  groupBuyId?: string | null;
}): { planId: string; runs: RunRow[]; stops: RunStopRow[] } {
  const { communityId } = input;
  const byId = new Map(input.stops.map((s) => [s.stopId, s]));
  const plan = planDeliveryRuns({
    depot: { x: input.gate.x, y: input.gate.y },
    stops: input.stops.map((s) => ({ buildingId: s.stopId, x: s.x, y: s.y, parcels: s.load })),
    vehicles: input.vehicles.map((v, i) => ({ id: String(i), capacity: v.capacity })),
  });
  const routes = plan.routes
    .map((route) => ({ route, vehicleIndex: Number(route.vehicleId) }))
    .sort((a, b) => a.vehicleIndex - b.vehicleIndex || a.route.trip! - b.route.trip!);
  const planId = randomUUID();
  const runs: RunRow[] = routes.map(({ route, vehicleIndex }, i) => {
    const vehicle = input.vehicles[vehicleIndex]!;
    return {
      communityId,
      id: randomUUID(),
      planId,
      shiftId: input.shiftId ?? null,
      groupBuyId: input.groupBuyId ?? null,
      seq: i + 1,
      gateId: input.gate.id,
      trip: route.trip!,
      vehicle: vehicle.kind,
      capacity: vehicle.capacity,
      riderId: vehicle.riderId ?? null,
      status: input.status,
      load: route.load,
      distanceM: route.distance,
      estimatedSeconds: route.seconds,
      createdAt: input.now,
      createdBy: input.createdBy,
    };
  });
  const stops = routes.flatMap(({ route }, i) =>
    mergeSameBuilding(route.stops.map((id) => byId.get(id)!)).map((s, k) => ({
      communityId,
      runId: runs[i]!.id!,
      seq: k + 1,
      buildingId: s.buildingId,
      parcels: s.load,
    })),
  );
  return { planId, runs, stops };
}

function mergeSameBuilding(stops: readonly RunStopLoad[]) {
  const merged: { buildingId: string; load: number }[] = [];
  for (const s of stops) {
    const last = merged.at(-1);
    if (last?.buildingId === s.buildingId) last.load += s.load;
    else merged.push({ buildingId: s.buildingId, load: s.load });
  }
  return merged;
}
