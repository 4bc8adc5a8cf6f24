import {
  PARCELS_STATUS,
  type TConfirmPickup,
  type TMyParcels,
  type TPickup,
  type TPickupQuery,
  waybillTail,
} from '../../../shared/api/parcel-rides.ts';
import { readTogether } from '../../db/read-together.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize, type PolicyRole } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { publishLive } from '../../platform/live-events.ts';
import { myHouseholds, myParcelsSince, myRelayBuildings } from './my-parcels.repository.ts';
import { parcelActions } from './parcels.policy.ts';
import { inParcelsGroup } from './parcels.repository.ts';
import {
  lastPickedUpWithCode,
  markPickedUp,
  type PickupParcelRow,
  parcelsByIds,
  waitingWithCode,
} from './pickup.repository.ts';
import { presentRideParcel } from './ride.presenter.ts';
import { buildingWithRelay } from './ride.repository.ts';

/** Picked-up parcels stay on a household's list this long, so "where is my parcel?" has an answer. */
const MY_PARCELS_HISTORY_DAYS = 7;

const presentPickupParcel = (p: PickupParcelRow) => ({
  ...presentRideParcel(p),
  buildingCode: p.buildingCode,
  room: p.room,
});

/**
 * Who may hand parcels over by code at a building: coordinators and committee staff, the parcels
 * group's leaders and volunteers, and the building's own relay contact (楼组长).
 */
async function authorizePickupDesk(deps: AppDeps, actor: Actor, buildingId: string) {
  const role = authorize(actor, parcelActions['parcels.pickup']);
  const communityId = actor.communityId!;
  const building = await buildingWithRelay(deps.db, communityId, buildingId);
  if (!building) throw new AppError('UNKNOWN_BUILDING');
  const { roles } = actor;
  const desk = (as: PolicyRole) => ({ role: as, building });
  if (roles.includes('coordinator')) return desk('coordinator');
  if (roles.includes('staff')) return desk('staff');
  const crew = roles.includes('leader') || roles.includes('volunteer');
  if (crew && (await inParcelsGroup(deps.db, communityId, actor.account.id))) return desk(role);
  if (building.relayAccountId === actor.account.id) return desk('resident');
  throw new AppError('FORBIDDEN');
}

/** The parcels a building and code name; after their pickup, the same parcels as picked up. */
async function parcelsForCode(
  deps: AppDeps,
  communityId: string,
  building: { id: string; code: string },
  code: string,
) {
  const waiting = await waitingWithCode(deps.db, communityId, building.id, code);
  if (waiting.length > 0) return waiting;
  const taken = await lastPickedUpWithCode(deps.db, communityId, building.id, code);
  if (taken.length > 0) return taken;
  throw new AppError('PICKUP_CODE_UNKNOWN', { building: building.code, code });
}

/** findPickupParcels: what a code stands for, before handing it over. Nothing is written. */
export async function findPickupParcels(deps: AppDeps, actor: Actor, query: TPickupQuery): Promise<TPickup> {
  const { building } = await authorizePickupDesk(deps, actor, query.buildingId);
  const found = await parcelsForCode(deps, actor.communityId!, building, query.code);
  return {
    buildingId: building.id,
    buildingCode: building.code,
    code: query.code,
    parcels: found.map(presentPickupParcel),
  };
}

/**
 * confirmPickup: a household confirms its own parcels, or the pickup desk (volunteer, staff, relay
 * contact) hands over a code's parcels. Confirming again answers the same and changes nothing.
 */
export async function confirmPickup(deps: AppDeps, actor: Actor, body: TConfirmPickup): Promise<TPickup> {
  return body.by === 'code' ? pickupByCode(deps, actor, body) : pickupOwn(deps, actor, body.parcelIds);
}

async function pickupByCode(deps: AppDeps, actor: Actor, body: { buildingId: string; code: string }) {
  const { role, building } = await authorizePickupDesk(deps, actor, body.buildingId);
  const communityId = actor.communityId!;
  const found = await parcelsForCode(deps, communityId, building, body.code);
  await recordPickup(deps, actor, role, found, {
    action: 'parcels.pickup',
    params: { building: building.code },
  });
  const parcels = await parcelsByIds(
    deps.db,
    communityId,
    found.map((p) => p.id),
  );
  return {
    buildingId: building.id,
    buildingCode: building.code,
    code: body.code,
    parcels: parcels.map(presentPickupParcel),
  };
}

async function pickupOwn(deps: AppDeps, actor: Actor, parcelIds: string[] | undefined) {
  const role = authorize(actor, parcelActions['parcels.mine']);
  const communityId = actor.communityId!;
  const homes = await myHouseholds(deps.db, communityId, actor.account.id);
  if (homes.length === 0) throw new AppError('NO_HOUSEHOLD');
  const ids = parcelIds ? [...new Set(parcelIds)] : null;
  const mine = ids
    ? (await parcelsByIds(deps.db, communityId, ids)).filter((p) => homes.some((h) => h.id === p.householdId))
    : (await myParcelsSince(deps.db, communityId, actor.account.id, deps.clock.now())).filter(
        (p) => p.status === 'delivered',
      );
  // Another household's parcel is answered as unknown: its existence is not ours to tell.
  if (ids && mine.length < ids.length) throw notFound('parcel');
  const early = mine.find((p) => p.status === 'waiting' || p.status === 'on_run');
  if (early) throw new AppError('PARCEL_NOT_DELIVERED', { waybill: waybillTail(early.waybill) ?? '—' });
  if (mine.length === 0) throw new AppError('NOTHING_TO_PICK_UP');
  await recordPickup(deps, actor, role, mine, { action: 'parcels.pickup_self', params: {} });
  const parcels = await parcelsByIds(
    deps.db,
    communityId,
    mine.map((p) => p.id),
  );
  const buildingCodes = [...new Set(parcels.map((p) => p.buildingCode))];
  return {
    buildingId: buildingCodes.length === 1 ? parcels[0]!.buildingId : null,
    buildingCode: buildingCodes.length === 1 ? (buildingCodes[0] ?? null) : null,
    code: null,
    parcels: parcels.map(presentPickupParcel),
  };
}

/** Marks what still waits as picked up, in one transaction with its audit entry and live event. */
async function recordPickup(
  deps: AppDeps,
  actor: Actor,
  role: PolicyRole,
  parcels: readonly PickupParcelRow[],
  auditAs: { action: string; params: Record<string, string> },
) {
  const waiting = parcels.filter((p) => p.status === 'delivered').map((p) => p.id);
  if (waiting.length === 0) return;
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const changed = await markPickedUp(tx, communityId, waiting, deps.clock.now(), actor.account.id);
    if (changed.length === 0) return;
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: auditAs.action,
      targetType: 'parcel',
      targetId: changed.length === 1 ? changed[0]!.id : null,
      params: { count: changed.length, ...auditAs.params },
    });
    await publishLive(tx, {
      communityId,
      type: PARCELS_STATUS,
      data: { buildingId: changed[0]!.buildingId },
      coalesceKey: 'status',
    });
  });
}

/** listMyParcels: the signed-in person's household parcels, only theirs, and the buildings they relay for. */
export async function listMyParcels(deps: AppDeps, actor: Actor): Promise<TMyParcels> {
  authorize(actor, parcelActions['parcels.mine']);
  const communityId = actor.communityId!;
  const since = new Date(deps.clock.now().getTime() - MY_PARCELS_HISTORY_DAYS * 24 * 3600_000);
  const accountId = actor.account.id;
  const [homes, rows, relayBuildings] = await readTogether(deps.db, deps.dbKind, [
    myHouseholds(deps.db, communityId, accountId),
    myParcelsSince(deps.db, communityId, accountId, since),
    myRelayBuildings(deps.db, communityId, accountId),
  ]);
  return {
    households: homes.map((h) => ({ id: h.id, buildingCode: h.buildingCode, room: h.room })),
    parcels: rows.map((p) => ({
      ...presentPickupParcel(p),
      receivedAt: p.receivedAt.toISOString(),
      pickupCode: p.status === 'delivered' ? p.pickupCode : null,
    })),
    relayBuildings,
  };
}
