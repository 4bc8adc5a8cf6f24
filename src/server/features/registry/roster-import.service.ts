import { parseRoster, RosterFileError } from '../../../domain/roster/index.ts';
import { type ImportRecord, planRosterImport } from '../../../domain/roster-plan.ts';
import type { TImportPreview, TImportResult } from '../../../shared/api/registry.ts';
import { rosterProblemMessage } from '../../../shared/i18n/roster-messages.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { RosterField } from '../../../shared/roster-codes.ts';
import { AppError, notFound } from '../../platform/app-error.ts';
import { audit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { registryActions } from './registry.policy.ts';
import { readRosterFile } from './roster-file.ts';
import * as repo from './roster-import.repository.ts';

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
interface Payload {
  records: ImportRecord[];
  fieldsPresent: RosterField[];
}

/** The year ages are counted from: the community's current year by the server's clock. */
const referenceYear = (deps: AppDeps) => deps.clock.now().getUTCFullYear();

function asAppError(err: unknown): never {
  if (err instanceof RosterFileError) throw new AppError(err.code, err.params);
  throw err;
}

export async function previewRosterImport(
  deps: AppDeps,
  actor: Actor,
  file: { data: Buffer; fileName: string },
  locale: Locale,
): Promise<TImportPreview> {
  authorize(actor, registryActions['registry.import']);
  const communityId = actor.communityId!;
  const rows = await readRosterFile(file.data, file.fileName).catch(asAppError);
  let parsed: ReturnType<typeof parseRoster>;
  try {
    parsed = parseRoster(rows, { referenceYear: referenceYear(deps) });
  } catch (err) {
    asAppError(err);
  }
  const plan = planRosterImport(
    parsed.records,
    parsed.fieldsPresent,
    await repo.loadSnapshot(deps.db, communityId),
  );
  const now = deps.clock.now();
  await repo.pruneExpired(deps.db, communityId, now);
  const importId = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS);
  const payload: Payload = { records: parsed.records, fieldsPresent: parsed.fieldsPresent };
  const fileName = file.fileName.slice(0, 200);
  await repo.insertImport(deps.db, {
    communityId,
    id: importId,
    accountId: actor.account.id,
    fileName,
    payload,
    createdAt: now,
    expiresAt,
  });
  const message = (p: { row: number; code: string; params: Record<string, string | number> }) => ({
    row: p.row,
    code: p.code,
    message: rosterProblemMessage(locale, p.code as never, { row: p.row, ...p.params }),
  });
  return {
    importId,
    expiresAt: expiresAt.toISOString(),
    fileName,
    rows: parsed.records.length + parsed.rejected.length + parsed.merged.length,
    accepted: parsed.records.length,
    rejected: parsed.rejected.map(message),
    merged: parsed.merged.map(message),
    householdsToCreate: plan.newHouseholds.length,
    householdsToUpdate: plan.householdsUpdated,
    residentsToCreate: plan.newResidents.length,
    residentsToUpdate: plan.updatedResidents.length,
    unchanged: plan.unchanged,
    newBuildings: plan.newBuildings,
    columns: parsed.columns,
    sample: parsed.records
      .slice(0, 20)
      .map((r) => ({ row: r.row, building: r.building, room: r.room, name: r.name, flags: r.flags })),
  };
}

/** All rows in one transaction, or none; a second commit of the same preview changes nothing. */
export async function commitRosterImport(
  deps: AppDeps,
  actor: Actor,
  importId: string,
): Promise<TImportResult> {
  const role = authorize(actor, registryActions['registry.import']);
  const communityId = actor.communityId!;
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const claimed = await repo.claimImport(tx, communityId, importId, now);
    if (!claimed) return null;
    const payload = claimed.payload as Payload;
    // Planned again against the registry as it is now: it may have changed since the preview.
    const snapshot = await repo.loadSnapshot(tx, communityId);
    const plan = planRosterImport(payload.records, payload.fieldsPresent, snapshot);
    await repo.applyPlan(tx, communityId, plan, snapshot);
    const counts: TImportResult = {
      buildingsCreated: plan.newBuildings.length,
      householdsCreated: plan.newHouseholds.length,
      householdsUpdated: plan.householdsUpdated,
      residentsCreated: plan.newResidents.length,
      residentsUpdated: plan.updatedResidents.length,
      unchanged: plan.unchanged,
    };
    await repo.saveResult(tx, communityId, importId, counts);
    await audit(tx, {
      communityId,
      account: actor.account,
      role,
      action: 'roster.import',
      targetType: 'roster',
      targetId: importId,
      params: { file: claimed.fileName, created: counts.residentsCreated, updated: counts.residentsUpdated },
    });
    return counts;
  });
  if (result) return result;
  const existing = await repo.findImport(deps.db, communityId, importId);
  if (!existing) throw notFound('import');
  if (existing.committedAt) throw new AppError('IMPORT_ALREADY_COMMITTED');
  throw new AppError('IMPORT_EXPIRED');
}
