import type { TRideParcel, TRiderRun, TRunStop, TStopRoom } from '../../../shared/api/parcel-rides.ts';
import type { TParcel } from '../../../shared/api/parcels.ts';
import { groupForPickup } from './parcel-notices.ts';
import type { RideParcelRow, RunRow, StopRow } from './ride.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentRideParcel = (p: RideParcelRow): TRideParcel => ({
  id: p.id,
  waybill: p.waybill,
  status: p.status as TParcel['status'],
  deliveredAt: iso(p.deliveredAt),
  pickedUpAt: iso(p.pickedUpAt),
  reminded: p.remindedAt !== null,
});

/** A stop's parcels as its pickup codes go: one entry per household, room or lone parcel. */
export function presentStopRooms(
  parcels: readonly RideParcelRow[],
  accounts: Map<string, string[]>,
): TStopRoom[] {
  return groupForPickup(parcels).map((g) => ({
    room: g.room,
    householdId: g.householdId,
    pickupCode: g.code,
    hasAccount: g.householdId !== null && (accounts.get(g.householdId)?.length ?? 0) > 0,
    parcels: g.parcels.map(presentRideParcel),
  }));
}

export function presentRun(
  run: RunRow,
  stops: readonly StopRow[],
  parcels: readonly RideParcelRow[],
  accounts: Map<string, string[]>,
  gate: { x: number; y: number } | null,
): TRiderRun {
  const presented: TRunStop[] = stops.map((s) => ({
    seq: s.seq,
    buildingId: s.buildingId,
    buildingCode: s.buildingCode,
    x: s.x,
    y: s.y,
    parcels: s.parcels,
    deliveredAt: iso(s.deliveredAt),
    rooms: presentStopRooms(
      parcels.filter((p) => p.buildingId === s.buildingId),
      accounts,
    ),
  }));
  return {
    id: run.id,
    planId: run.planId,
    seq: run.seq,
    trip: run.trip,
    vehicle: run.vehicle,
    status: run.status as TRiderRun['status'],
    load: run.load,
    distanceM: run.distanceM,
    estimatedSeconds: run.estimatedSeconds,
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    gate,
    stops: presented,
    nextStopSeq: presented.find((s) => s.deliveredAt === null)?.seq ?? null,
  };
}
