import type {
  TBuildingDetail,
  THouseholdQuery,
  TResidentQuery,
  TSitePlan,
  TUpdateBuilding,
} from '../../../shared/api/registry.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import * as buildingsRepo from './buildings.repository.ts';
import * as householdsRepo from './households.repository.ts';
import { registryActions } from './registry.policy.ts';
import { presentBuilding, presentHousehold, presentResident } from './registry.presenter.ts';
import * as residentsRepo from './residents.repository.ts';

/** A resident who holds no other role sees only their own household. */
export const ownHouseholdOnly = (actor: Actor) =>
  actor.roles.every((r) => r === 'resident') ? actor.account.id : undefined;

/** Full numbers only when asked for and allowed, and every such view goes into the audit log. */
async function mayReveal(
  deps: AppDeps,
  actor: Actor,
  reveal: boolean | undefined,
  count: number,
  scope: string,
) {
  if (!reveal) return false;
  const role = authorize(actor, registryActions['registry.reveal']);
  await audit(deps.db, {
    communityId: actor.communityId!,
    account: actor.account,
    role,
    action: 'resident.reveal',
    targetType: 'resident',
    params: { count, scope },
  });
  return true;
}

export async function listZones(deps: AppDeps, actor: Actor): Promise<TSitePlan> {
  authorize(actor, registryActions['registry.view']);
  const { zoneRows, gateRows } = await buildingsRepo.listZonesAndGates(deps.db, actor.communityId!);
  const points = await buildingsRepo.listBuildings(deps.db, actor.communityId!, {});
  const xs = [...points.map((b) => b.x), ...gateRows.map((g) => g.x), 100];
  const ys = [...points.map((b) => b.y), ...gateRows.map((g) => g.y), 100];
  // 30 m of margin leaves room for the building and gate labels at the edges.
  return {
    zones: zoneRows,
    gates: gateRows,
    bounds: { width: Math.max(...xs) + 30, height: Math.max(...ys) + 30 },
  };
}

export async function listBuildings(deps: AppDeps, actor: Actor, filter: { zoneId?: string; q?: string }) {
  authorize(actor, registryActions['registry.view']);
  const rows = await buildingsRepo.listBuildings(deps.db, actor.communityId!, filter);
  return { items: rows.map(presentBuilding) };
}

export async function getBuilding(
  deps: AppDeps,
  actor: Actor,
  id: string,
  reveal?: boolean,
): Promise<TBuildingDetail> {
  authorize(actor, registryActions['registry.view']);
  const communityId = actor.communityId!;
  const [row] = await buildingsRepo.listBuildings(deps.db, communityId, { id });
  if (!row) throw notFound('building');
  const onlyHouseholdsOf = ownHouseholdOnly(actor);
  const page = { limit: 500, offset: 0 };
  const hh = await householdsRepo.listHouseholds(
    deps.db,
    communityId,
    { buildingId: id, onlyHouseholdsOf },
    page,
  );
  const rs = await residentsRepo.listResidents(
    deps.db,
    communityId,
    { buildingId: id, onlyHouseholdsOf },
    page,
  );
  const full = await mayReveal(deps, actor, reveal, rs.rows.length, `building ${row.code}`);
  return {
    ...presentBuilding(row),
    householdList: hh.rows.map((h) => presentHousehold(h, full)),
    residentList: rs.rows.map((r) => presentResident(r, full)),
  };
}

export async function updateBuilding(deps: AppDeps, actor: Actor, id: string, input: TUpdateBuilding) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  if (input.zoneId && !(await buildingsRepo.zoneExists(deps.db, communityId, input.zoneId))) {
    throw new AppError('UNKNOWN_ZONE', {}, [{ path: 'body.zoneId', message: '' }]);
  }
  await deps.db.transaction(async (tx) => {
    const updated = await buildingsRepo.updateBuilding(tx, communityId, id, input);
    if (!updated) throw notFound('building');
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'building.update',
      targetType: 'building',
      targetId: id,
      params: { building: updated.code, changes: Object.keys(input).join(', ') },
    });
  });
  const [row] = await buildingsRepo.listBuildings(deps.db, communityId, { id });
  return presentBuilding(row!);
}

export async function setRelayContact(deps: AppDeps, actor: Actor, id: string, residentId: string | null) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const resident = residentId ? await residentsRepo.findResident(tx, communityId, residentId) : null;
    if (residentId && !resident) throw notFound('resident');
    if (resident && resident.buildingId !== id) throw new AppError('RELAY_NOT_IN_BUILDING');
    const updated = await buildingsRepo.updateBuilding(tx, communityId, id, { relayResidentId: residentId });
    if (!updated) throw notFound('building');
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: resident ? 'building.relay' : 'building.relay_cleared',
      targetType: 'building',
      targetId: id,
      params: { building: updated.code, name: resident?.name ?? '' },
    });
  });
  const [row] = await buildingsRepo.listBuildings(deps.db, communityId, { id });
  return presentBuilding(row!);
}

export async function listHouseholds(deps: AppDeps, actor: Actor, query: THouseholdQuery) {
  authorize(actor, registryActions['registry.view']);
  const { reveal, limit, offset, ...filter } = query;
  const page = await householdsRepo.listHouseholds(
    deps.db,
    actor.communityId!,
    { ...filter, onlyHouseholdsOf: ownHouseholdOnly(actor) },
    { limit, offset },
  );
  const full = await mayReveal(deps, actor, reveal, page.rows.length, 'household list');
  return { items: page.rows.map((h) => presentHousehold(h, full)), total: page.total };
}

export async function listResidents(deps: AppDeps, actor: Actor, query: TResidentQuery) {
  authorize(actor, registryActions['registry.view']);
  const { reveal, limit, offset, ...filter } = query;
  const page = await residentsRepo.listResidents(
    deps.db,
    actor.communityId!,
    { ...filter, onlyHouseholdsOf: ownHouseholdOnly(actor) },
    { limit, offset },
  );
  const full = await mayReveal(deps, actor, reveal, page.rows.length, 'resident list');
  return { items: page.rows.map((r) => presentResident(r, full)), total: page.total };
}
