import { and, eq } from 'drizzle-orm';
import type { TCreateResident, TUpdateResident } from '../../../shared/api/registry.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { residents } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import * as buildingsRepo from './buildings.repository.ts';
import { clearRelayOf } from './buildings.repository.ts';
import { registryActions } from './registry.policy.ts';
import { presentResident } from './registry.presenter.ts';
import { ownHouseholdOnly } from './registry.service.ts';
import * as repo from './residents.repository.ts';

export async function getResident(deps: AppDeps, actor: Actor, id: string, reveal?: boolean) {
  authorize(actor, registryActions['registry.view']);
  const communityId = actor.communityId!;
  const { rows } = await repo.listResidents(
    deps.db,
    communityId,
    { id, onlyHouseholdsOf: ownHouseholdOnly(actor) },
    { limit: 1, offset: 0 },
  );
  const row = rows[0];
  if (!row) throw notFound('resident');
  let full = false;
  if (reveal) {
    const role = authorize(actor, registryActions['registry.reveal']);
    await audit(deps.db, {
      communityId,
      account: actor.account,
      role,
      action: 'resident.reveal',
      targetType: 'resident',
      targetId: id,
      params: { count: 1, scope: row.name },
    });
    full = true;
  }
  return presentResident(row, full);
}

export async function createResident(deps: AppDeps, actor: Actor, input: TCreateResident) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  const [building] = await buildingsRepo.listBuildings(deps.db, communityId, { id: input.buildingId });
  if (!building) throw new AppError('UNKNOWN_BUILDING', {}, [{ path: 'body.buildingId', message: '' }]);
  const id = await deps.db
    .transaction(async (tx) => {
      const householdId = await repo.ensureHousehold(tx, communityId, input.buildingId, input.room);
      const [created] = await tx
        .insert(residents)
        .values({
          communityId,
          householdId,
          name: input.name,
          sex: input.sex ?? null,
          birthYear: input.birthYear ?? null,
          mobile: input.mobile ?? null,
          flags: input.flags ?? [],
          note: input.note ?? null,
        })
        .returning({ id: residents.id });
      await repo.refreshHouseholdSizes(tx, communityId, [householdId]);
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'resident.create',
        targetType: 'resident',
        targetId: created!.id,
        params: { name: input.name, building: building.code, room: input.room },
      });
      return created!.id;
    })
    .catch((err) => {
      if (isUniqueViolation(err)) {
        throw new AppError('RESIDENT_EXISTS', { name: input.name, room: input.room }, [
          { path: 'body.name', message: '' },
        ]);
      }
      throw err;
    });
  return presentResident((await repo.findResident(deps.db, communityId, id))!, true);
}

export async function updateResident(deps: AppDeps, actor: Actor, id: string, input: TUpdateResident) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  const existing = await repo.findResident(deps.db, communityId, id);
  if (!existing) throw notFound('resident');
  if (Object.keys(input).length === 0) return presentResident(existing, true);
  await deps.db
    .transaction(async (tx) => {
      await tx
        .update(residents)
        .set(input)
        .where(and(eq(residents.communityId, communityId), eq(residents.id, id)));
      await audit(tx, {
        communityId,
        account: actor.account,
        role,
        action: 'resident.update',
        targetType: 'resident',
        targetId: id,
        params: { name: input.name ?? existing.name, building: existing.buildingCode, room: existing.room },
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) {
        throw new AppError('RESIDENT_EXISTS', { name: input.name ?? '', room: existing.room }, [
          { path: 'body.name', message: '' },
        ]);
      }
      throw err;
    });
  return presentResident((await repo.findResident(deps.db, communityId, id))!, true);
}

export async function deleteResident(deps: AppDeps, actor: Actor, id: string) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  await deps.db.transaction(async (tx) => {
    const existing = await repo.findResident(tx, communityId, id);
    if (!existing) throw notFound('resident');
    await clearRelayOf(tx, communityId, id);
    await tx.delete(residents).where(and(eq(residents.communityId, communityId), eq(residents.id, id)));
    await repo.refreshHouseholdSizes(tx, communityId, [existing.householdId]);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'resident.delete',
      targetType: 'resident',
      targetId: id,
      params: { name: existing.name, building: existing.buildingCode, room: existing.room },
    });
  });
}
