import { parsePositions } from '../../../domain/site-plan-positions.ts';
import { rosterProblemMessage } from '../../../shared/i18n/roster-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import { AppError } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { buildingIdsByCode, updateBuilding } from './buildings.repository.ts';
import { registryActions } from './registry.policy.ts';

/** Site-plan positions from a CSV of building,x,y: every readable line, in one transaction. */
export async function importBuildingPositions(deps: AppDeps, actor: Actor, csv: string, locale: Locale) {
  const role = authorize(actor, registryActions['registry.edit']);
  const communityId = actor.communityId!;
  const { positions, rejected } = parsePositions(csv);
  const ids = await buildingIdsByCode(deps.db, communityId);
  const known = positions.filter((p) => ids.has(p.building));
  for (const p of positions) {
    if (!ids.has(p.building))
      rejected.push({ row: p.row, code: 'BUILDING_NOT_FOUND', params: { row: p.row, value: p.building } });
  }
  if (known.length === 0) throw new AppError('NO_VALID_ROWS', { rejected: rejected.length });
  await deps.db.transaction(async (tx) => {
    for (const p of known) await updateBuilding(tx, communityId, ids.get(p.building)!, { x: p.x, y: p.y });
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'building.positions',
      targetType: 'building',
      params: { count: known.length },
    });
  });
  return {
    updated: known.length,
    rejected: rejected
      .sort((a, b) => a.row - b.row)
      .map((p) => ({ row: p.row, code: p.code, message: rosterProblemMessage(locale, p.code, p.params) })),
  };
}
