import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import {
  PARCELS_RECEIVED,
  type TParcel,
  type TReceivedParcels,
  type TReceiveParcels,
} from '../../../shared/api/parcels.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { parcels } from '../../db/schema/index.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { buildingsWithRooms, makePlacer, type Placement } from './parcel-placement.ts';
import { presentParcel } from './parcels.presenter.ts';
import {
  buildingsOf,
  communityTimeZone,
  householdsIn,
  listParcelRows,
  recordedWaybills,
} from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

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
  const role = await authorizeParcelWork(deps, actor, 'parcels.intake');
  const communityId = actor.communityId!;
  if ('batch' in body) {
    const known = await buildingsOf(deps.db, communityId);
    const building = known.find((b) => b.id === body.batch.buildingId);
    if (!building) throw new AppError('UNKNOWN_BUILDING');
    const items = Array.from({ length: body.batch.count }, () => ({
      waybill: null,
      buildingId: building.id,
      source: 'batch' as const,
    }));
    return landParcels(deps, actor, role, items, {
      action: 'parcels.receive_batch',
      params: { count: items.length, building: building.code },
    });
  }
  const items = body.parcels.map((p) => ({ ...p, waybill: p.waybill ?? null }));
  return landParcels(deps, actor, role, items, { action: 'parcels.receive', params: {} });
}

/**
 * Lands parcels in their bins, all or none: waybills are checked against each other and against the
 * community's record before anything is written, then every row, the audit entry and the live event
 * go in one transaction.
 */
export async function landParcels(
  deps: AppDeps,
  actor: Actor,
  role: Awaited<ReturnType<typeof authorizeParcelWork>>,
  items: readonly ParcelToLand[],
  auditAs: { action: string; params: Record<string, string | number> },
): Promise<TReceivedParcels> {
  const communityId = actor.communityId!;
  const waybills = items.flatMap((p) => (p.waybill ? [p.waybill] : []));
  const seen = new Set<string>();
  for (const w of waybills) {
    if (seen.has(w)) throw new AppError('WAYBILL_REPEATED', { waybill: w });
    seen.add(w);
  }
  const timeZone = await communityTimeZone(deps.db, communityId);
  await refuseRecorded(deps, communityId, waybills, timeZone);

  const known = await buildingsOf(deps.db, communityId);
  const place = makePlacer(known, await householdsIn(deps.db, communityId, buildingsWithRooms(known, items)));
  const now = deps.clock.now();
  const day = wallClockAt(now, timeZone).day;
  const placed: (Omit<ParcelToLand, 'buildingId' | 'room'> & Placement)[] = items.map((p) => ({
    ...p,
    ...place(p),
  }));
  const rows = placed.map((p) => ({
    communityId,
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
  let ids: string[];
  try {
    ids = await deps.db.transaction(async (tx) => {
      const inserted = await tx.insert(parcels).values(rows).returning({ id: parcels.id });
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: auditAs.action,
        targetType: 'parcel',
        targetId: inserted.length === 1 ? inserted[0]!.id : null,
        params: { count: rows.length, unassigned, ...auditAs.params },
      });
      await publishLive(tx, {
        communityId,
        type: PARCELS_RECEIVED,
        data: { day, count: rows.length, buildingIds: [...new Set(placed.map((p) => p.buildingId))] },
        coalesceKey: 'bins',
      });
      return inserted.map((r) => r.id);
    });
  } catch (err) {
    // Another volunteer recorded the same waybill a moment ago: name it, as the check above would have.
    if (isUniqueViolation(err)) await refuseRecorded(deps, communityId, waybills, timeZone);
    throw err;
  }
  const landed = await listParcelRows(deps.db, communityId, { ids, limit: ids.length });
  const list: TParcel[] = landed.map(presentParcel);
  return { day, count: ids.length, unassigned, parcels: list };
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
