import { z } from 'zod';
import { ZUuid, zText } from './common.ts';

/** The most parcels one request may record: a courier's van at the gate, not the whole day. */
export const PARCELS_PER_REQUEST = 500;

export const PARCEL_STATUSES = ['waiting', 'on_run', 'delivered', 'picked_up', 'left_over'] as const;
export const ZParcelStatus = z.enum(PARCEL_STATUSES);
export const ZParcelSource = z.enum(['scan', 'typed', 'batch', 'import']);

/** Waybills as couriers print them differ only in case and spacing: " sf 1234 5678 " is SF12345678. */
export const normaliseWaybill = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();
export const WAYBILL_PATTERN = /^[A-Z0-9-]{6,40}$/;

export const ZWaybill = z
  .string()
  .max(80)
  .transform(normaliseWaybill)
  .pipe(z.string().regex(WAYBILL_PATTERN, { message: 'waybill: 6–40 letters, digits or "-"' }));

/** One parcel as recorded at the gate: the building by id (buttons) or by code (typed / sheet). */
export const ZParcelIntake = z.object({
  waybill: ZWaybill.optional(),
  buildingId: ZUuid.optional(),
  buildingCode: zText(20).optional(),
  room: zText(20).optional(),
  phoneTail: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: 'phoneTail: the last 4 digits' })
    .optional(),
  source: z.enum(['scan', 'typed']),
});
export type TParcelIntake = z.infer<typeof ZParcelIntake>;

/** receiveParcels: parcels one by one (scanned or typed), or "N parcels for building X" without waybills. */
export const ZReceiveParcels = z.union([
  z.object({ parcels: z.array(ZParcelIntake).min(1).max(PARCELS_PER_REQUEST) }).strict(),
  z
    .object({
      batch: z.object({ buildingId: ZUuid, count: z.number().int().min(1).max(PARCELS_PER_REQUEST) }),
    })
    .strict(),
]);
export type TReceiveParcels = z.infer<typeof ZReceiveParcels>;

export const ZParcel = z.object({
  id: ZUuid,
  waybill: z.string().nullable(),
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  householdId: ZUuid.nullable(),
  phoneTail: z.string().nullable(),
  status: ZParcelStatus,
  source: ZParcelSource,
  /** Why a parcel is unassigned (the building or room as typed), shown on the unassigned bin. */
  note: z.string().nullable(),
  day: z.string(),
  receivedAt: z.string(),
});
export type TParcel = z.infer<typeof ZParcel>;

export const ZReceivedParcels = z.object({
  day: z.string(),
  count: z.number().int(),
  unassigned: z.number().int(),
  parcels: z.array(ZParcel),
});
export type TReceivedParcels = z.infer<typeof ZReceivedParcels>;

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day: YYYY-MM-DD' });

export const ZParcelQuery = z.object({
  day: ZDay.optional(),
  buildingId: z.union([ZUuid, z.literal('unassigned')]).optional(),
  status: ZParcelStatus.optional(),
  /** part of a waybill, any case */
  q: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TParcelQuery = z.input<typeof ZParcelQuery>;

export const ZParcelList = z.object({ parcels: z.array(ZParcel) });
export type TParcelList = z.infer<typeof ZParcelList>;

/** A building's bin: parcels still waiting there; `buildingId` null is the unassigned bin. */
export const ZParcelBin = z.object({
  buildingId: ZUuid.nullable(),
  buildingCode: z.string().nullable(),
  waiting: z.number().int(),
  oldestReceivedAt: z.string().nullable(),
});
export type TParcelBin = z.infer<typeof ZParcelBin>;

export const ZParcelBinsQuery = z.object({ day: ZDay.optional() });
export const ZParcelBins = z.object({
  /** The community's local day the figures of `receivedToday` count. */
  day: z.string(),
  receivedToday: z.number().int(),
  waiting: z.number().int(),
  unassigned: ZParcelBin,
  buildings: z.array(ZParcelBin),
});
export type TParcelBins = z.infer<typeof ZParcelBins>;

/** Live event: parcels landed in some bins; bins pages refetch (several within a moment arrive as one). */
export const PARCELS_RECEIVED = 'parcels.received';

/** The most rows one courier sheet may carry: a day's deliveries for the compound, with room to spare. */
export const PARCEL_SHEET_MAX_ROWS = 3000;

/**
 * What happens to one row of a courier sheet: 'ok' lands in its building's bin, 'unassigned' lands in the
 * unassigned bin (building not known); 'invalid', 'repeated' (the waybill is on an earlier line of the
 * sheet) and 'recorded' (already in the community's record) are skipped.
 */
export const PARCEL_IMPORT_OUTCOMES = ['ok', 'unassigned', 'invalid', 'repeated', 'recorded'] as const;
export type ParcelImportOutcome = (typeof PARCEL_IMPORT_OUTCOMES)[number];

/** importParcels: a courier's sheet row by row; `dryRun` previews and writes nothing. */
export const ZParcelImportRow = z.object({
  /** the row number in the sheet, as the spreadsheet shows it */
  line: z.number().int(),
  waybill: z.string().nullable(),
  buildingCode: z.string().nullable(),
  room: z.string().nullable(),
  phoneTail: z.string().nullable(),
  outcome: z.enum(PARCEL_IMPORT_OUTCOMES),
  /**
   * invalid: the field at fault ('waybill' or 'phoneTail'); repeated: the earlier line;
   * recorded: when and where it landed ("2026-04-09 08:00 12"); unassigned: the building as typed.
   */
  detail: z.string().nullable(),
});
export type TParcelImportRow = z.infer<typeof ZParcelImportRow>;
export const ZParcelImportQuery = z.object({
  dryRun: z
    .enum(['1', 'true', '0', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export const ZParcelImportResult = z.object({
  fileName: z.string(),
  /** false for a preview; true once the rows that can land have landed */
  committed: z.boolean(),
  /** parcels written by this request (0 for a preview, and for a sheet already imported) */
  landed: z.number().int(),
  rows: z.array(ZParcelImportRow),
  counts: z.object({
    ok: z.number().int(),
    unassigned: z.number().int(),
    invalid: z.number().int(),
    repeated: z.number().int(),
    recorded: z.number().int(),
  }),
});
export type TParcelImportResult = z.infer<typeof ZParcelImportResult>;

/**
 * Why a parcel is unassigned or has no household, stored in `parcels.note` as `kind:what was typed`
 * so that each reader sees it in their own language (web: parcels.note.<kind>).
 */
export const PARCEL_NOTE_KINDS = ['unknown_building', 'unknown_room', 'no_building'] as const;
export type ParcelNoteKind = (typeof PARCEL_NOTE_KINDS)[number];
export const parcelNote = (kind: ParcelNoteKind, typed = '') => `${kind}:${typed}`;
export function readParcelNote(note: string | null): { kind: ParcelNoteKind | null; typed: string } | null {
  if (!note) return null;
  const at = note.indexOf(':');
  const kind = at < 0 ? note : note.slice(0, at);
  const typed = at < 0 ? '' : note.slice(at + 1);
  return (PARCEL_NOTE_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as ParcelNoteKind, typed }
    : { kind: null, typed: note };
}
