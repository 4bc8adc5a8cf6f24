import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import {
  PARCELS_RECEIVED,
  type TParcel,
  type TReceivedParcels,
  type TReceiveParcels,
} from '../../../shared/api/parcels.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { auditLog, parcels } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { auditRow } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { liveNotice } from '../../platform/live-events.ts';
import { buildingsWithRooms, makePlacer, type Placement } from './parcel-placement.ts';
import { presentParcel } from './parcels.presenter.ts';
import { buildingsOf, communityTimeZone, householdsIn, recordedWaybills } from './parcels.repository.ts';
import { type authorizeParcelWork, authorizeParcelWorkWith } from './parcels-access.ts';

export interface ParcelToLand {
  waybill: string | null;
  buildingId?: string | undefined;
  buildingCode?: string | undefined;
  room?: string | undefined;
  phoneTail?: string | undefined;
  source: 'scan' | 'typed' | 'batch' | 'import';
}

/** receiveParcels: one or many parcels at the gate, or "N parcels for building X". */
export async function receiveParcels(
  deps: AppDeps,
  actor: Actor,
  body: TReceiveParcels,
): Promise<TReceivedParcels> {
  const communityId = actor.communityId!;
  // Read with the authorization's group check (someone refused is shown nothing): one trip a scan.
  const [role, known] = await authorizeParcelWorkWith(
    deps,
    actor,
    'parcels.intake',
    buildingsOf(deps.db, communityId),
  );
  if ('batch' in body) {
    const building = known.find((b) => b.id === body.batch.buildingId);
    if (!building) throw new AppError('UNKNOWN_BUILDING');
    const items = Array.from({ length: body.batch.count }, () => ({
      waybill: null,
      buildingId: building.id,
      source: 'batch' as const,
    }));
    return landParcels(
      deps,
      actor,
      role,
      items,
      { action: 'parcels.receive_batch', params: { count: items.length, building: building.code } },
      known,
    );
  }
  const items = body.parcels.map((p) => ({ ...p, waybill: p.waybill ?? null }));
  return landParcels(deps, actor, role, items, { action: 'parcels.receive', params: {} }, known);
}

/**
 * Lands parcels in their bins, all or none: waybills are checked against each other before anything
 * is written; every row, the audit entry and the live event go in one statement, which a waybill
 * already on record (the unique index) fails whole, and the refusal names the earlier parcel.
 * `known` is the community's buildings, if the caller has read them.
 */
export async function landParcels(
  deps: AppDeps,
  actor: Actor,
  role: Awaited<ReturnType<typeof authorizeParcelWork>>,
  items: readonly ParcelToLand[],
  auditAs: { action: string; params: Record<string, string | number> },
  known?: { id: string; code: string }[],
): Promise<TReceivedParcels> {
  const communityId = actor.communityId!;
  const waybills = items.flatMap((p) => (p.waybill ? [p.waybill] : []));
  const seen = new Set<string>();
  for (const w of waybills) {
    if (seen.has(w)) throw new AppError('WAYBILL_REPEATED', { waybill: w });
    seen.add(w);
  }
  const timeZone = await communityTimeZone(deps.db, communityId);
  // A waybill recorded before is not looked for first: the unique index refuses it in the insert,
  // which then writes nothing, and the refusal names it as a look beforehand would have.

  const buildingsKnown = known ?? (await buildingsOf(deps.db, communityId));
  const place = makePlacer(
    buildingsKnown,
    await householdsIn(deps.db, communityId, buildingsWithRooms(buildingsKnown, items)),
  );
  const now = deps.clock.now();
  const day = wallClockAt(now, timeZone).day;
  const placed: (Omit<ParcelToLand, 'buildingId' | 'room'> & Placement)[] = items.map((p) => ({
    ...p,
    ...place(p),
  }));
  const rows = placed.map((p) => ({
    communityId,
    id: randomUUID(),
    waybill: p.waybill,
    buildingId: p.buildingId,
    room: p.room,
    householdId: p.householdId,
    phoneTail: p.phoneTail ?? null,
    source: p.source,
    note: p.note,
    day,
    receivedAt: now,
    receivedBy: actor.account.id,
  }));
  const unassigned = placed.filter((p) => p.buildingId === null).length;
  try {
    // One statement, so one trip to the database and atomic on its own: the rows, the audit entry and
    // the live event (delivered when it commits), or, if a waybill is already on record, none of them.
    const auditEntry = auditRow({
      communityId,
      account: actor.account,
      role,
      action: auditAs.action,
      targetType: 'parcel',
      targetId: rows.length === 1 ? rows[0]!.id : null,
      params: { count: rows.length, unassigned, ...auditAs.params },
    });
    const event = liveNotice({
      communityId,
      type: PARCELS_RECEIVED,
      data: { day, count: rows.length, buildingIds: [...new Set(placed.map((p) => p.buildingId))] },
      coalesceKey: 'bins',
    });
    await deps.db.execute(sql`with landed as (${deps.db.insert(parcels).values(rows).getSQL()}),
      audited as (${deps.db.insert(auditLog).values(auditEntry).getSQL()})
      ${event}`);
  } catch (err) {
    if (isUniqueViolation(err)) await refuseRecorded(deps, communityId, waybills, timeZone);
    throw err;
  }
  // As listed afterwards (newest first, then by id): what was written, with the building's code.
  const codes = new Map(buildingsKnown.map((b) => [b.id, b.code]));
  const list: TParcel[] = rows
    .map((r) =>
      presentParcel({
        id: r.id,
        waybill: r.waybill,
        buildingId: r.buildingId,
        buildingCode: r.buildingId ? (codes.get(r.buildingId) ?? null) : null,
        room: r.room,
        householdId: r.householdId,
        phoneTail: r.phoneTail,
        status: 'waiting',
        source: r.source,
        note: r.note,
        day,
        receivedAt: now,
      }),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return { day, count: rows.length, unassigned, parcels: list };
}

async function refuseRecorded(deps: AppDeps, communityId: string, waybills: string[], timeZone: string) {
  const [first] = await recordedWaybills(deps.db, communityId, waybills);
  if (!first) return;
  const at = wallClockAt(first.receivedAt, timeZone);
  throw new AppError('DUPLICATE_WAYBILL', {
    waybill: first.waybill!,
    time: `${at.day} ${at.time}`,
    building: first.buildingCode ?? '—',
  });
}
