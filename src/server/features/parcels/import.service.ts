import { RosterFileError } from '../../../domain/roster/index.ts';
import { wallClockAt } from '../../../domain/shifts/zoned-time.ts';
import {
  normaliseWaybill,
  PARCEL_IMPORT_OUTCOMES,
  PARCEL_SHEET_MAX_ROWS,
  type TParcelImportResult,
  type TParcelImportRow,
  WAYBILL_PATTERN,
} from '../../../shared/api/parcels.ts';
import { AppError } from '../../platform/app-error.ts';
import type { Actor, AppDeps } from '../../platform/context.ts';
import { readRosterFile } from '../registry/roster-file.ts';
import { landParcels, type ParcelToLand } from './intake.service.ts';
import { makePlacer } from './parcel-placement.ts';
import { readParcelSheet, type SheetRow } from './parcel-sheet.ts';
import { buildingsOf, communityTimeZone, recordedWaybills } from './parcels.repository.ts';
import { authorizeParcelWork } from './parcels-access.ts';

export interface UploadedSheet {
  data: Buffer;
  fileName: string;
}

/**
 * importParcels: a courier's sheet, judged row by row. A dry run only reports; otherwise every row that
 * can land lands in one transaction through landParcels. Rows already recorded are skipped, so importing
 * the same sheet twice lands its parcels once.
 */
export async function importParcels(
  deps: AppDeps,
  actor: Actor,
  file: UploadedSheet,
  options: { dryRun: boolean },
): Promise<TParcelImportResult> {
  const role = await authorizeParcelWork(deps, actor, 'parcels.import');
  const communityId = actor.communityId!;
  const fileName = file.fileName.slice(0, 200);
  const cells = await readRosterFile(file.data, fileName).catch((err) => {
    if (err instanceof RosterFileError) throw new AppError(err.code, err.params);
    throw err;
  });
  const sheet = readParcelSheet(cells);
  if (!sheet) throw new AppError('PARCEL_SHEET_NO_WAYBILL_COLUMN', { fileName });
  if (sheet.length > PARCEL_SHEET_MAX_ROWS)
    throw new AppError('PARCEL_SHEET_TOO_LONG', { fileName, rows: sheet.length, max: PARCEL_SHEET_MAX_ROWS });

  const rows = await judgeRows(deps, communityId, sheet);
  const counts = Object.fromEntries(
    PARCEL_IMPORT_OUTCOMES.map((o) => [o, rows.filter((r) => r.outcome === o).length]),
  ) as TParcelImportResult['counts'];
  const usable = rows.length - counts.invalid - counts.repeated;
  // A sheet with every row already recorded is a re-import, not a mistake; one with nothing valid is.
  if (usable === 0) throw new AppError('PARCEL_SHEET_NO_USABLE_ROW', { fileName, invalid: counts.invalid });
  const result = { fileName, rows, counts };
  if (options.dryRun) return { ...result, committed: false, landed: 0 };

  const toLand: ParcelToLand[] = rows
    .filter((r) => r.outcome === 'ok' || r.outcome === 'unassigned')
    .map((r) => ({
      waybill: r.waybill,
      buildingCode: r.buildingCode ?? undefined,
      room: r.room ?? undefined,
      phoneTail: r.phoneTail ?? undefined,
      source: 'import',
    }));
  if (toLand.length === 0) return { ...result, committed: true, landed: 0 };
  const landed = await landParcels(deps, actor, role, toLand, {
    action: 'parcels.import',
    params: { file: fileName },
  });
  return { ...result, committed: true, landed: landed.count };
}

/** Each row's outcome: invalid fields first, then a repeat of an earlier line, then the record. */
async function judgeRows(deps: AppDeps, communityId: string, sheet: SheetRow[]): Promise<TParcelImportRow[]> {
  const firstLine = new Map<string, number>();
  const judged: TParcelImportRow[] = sheet.map((row) => {
    const waybill = row.waybill ? normaliseWaybill(row.waybill) : null;
    const base = {
      line: row.line,
      waybill: waybill ?? row.waybill,
      buildingCode: row.building,
      room: row.room,
      phoneTail: row.phoneTail,
    };
    if (!waybill || !WAYBILL_PATTERN.test(waybill)) return { ...base, outcome: 'invalid', detail: 'waybill' };
    if (row.phoneTail !== null && !/^\d{4}$/.test(row.phoneTail))
      return { ...base, outcome: 'invalid', detail: 'phoneTail' };
    const earlier = firstLine.get(waybill);
    if (earlier !== undefined) return { ...base, outcome: 'repeated', detail: String(earlier) };
    firstLine.set(waybill, row.line);
    return { ...base, outcome: 'ok', detail: null };
  });

  const candidates = judged.filter((r) => r.outcome === 'ok');
  const timeZone = await communityTimeZone(deps.db, communityId);
  const recorded = new Map(
    (
      await recordedWaybills(
        deps.db,
        communityId,
        candidates.map((r) => r.waybill!),
      )
    ).map((p) => [p.waybill!, p]),
  );
  // Only the building matters here: a room unknown to the registry still lands in the building's bin.
  const buildings = await buildingsOf(deps.db, communityId);
  const codeOf = new Map(buildings.map((b) => [b.id, b.code]));
  const place = makePlacer(buildings, []);
  for (const row of candidates) {
    const earlier = recorded.get(row.waybill!);
    if (earlier) {
      const at = wallClockAt(earlier.receivedAt, timeZone);
      row.outcome = 'recorded';
      row.detail = `${at.day} ${at.time} ${earlier.buildingCode ?? '—'}`;
      continue;
    }
    const { buildingId } = place({ buildingCode: row.buildingCode ?? undefined });
    if (buildingId === null) {
      row.outcome = 'unassigned';
      row.detail = row.buildingCode;
    } else {
      // the building as the registry names it: "12号楼" on the sheet is building 12
      row.buildingCode = codeOf.get(buildingId)!;
    }
  }
  return judged;
}
