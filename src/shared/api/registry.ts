import { z } from 'zod';
import { VULNERABILITY_FLAGS } from '../registry.ts';
import { ZUuid, zText } from './common.ts';

export const ZFlag = z.enum(VULNERABILITY_FLAGS);
export const ZSex = z.enum(['M', 'F']);

export const ZGate = z.object({
  id: ZUuid,
  code: z.string(),
  name: z.string(),
  x: z.number(),
  y: z.number(),
});
export const ZZone = z.object({
  id: ZUuid,
  code: z.string(),
  name: z.string(),
  color: z.string(),
  gateId: ZUuid.nullable(),
  buildings: z.number().int(),
});
/** listZones: zones, gates and the extent of the site plan in metres. */
export const ZSitePlan = z.object({
  zones: z.array(ZZone),
  gates: z.array(ZGate),
  bounds: z.object({ width: z.number(), height: z.number() }),
});
export type TSitePlan = z.infer<typeof ZSitePlan>;

/**
 * Contact details as the caller may see them: full for staff and coordinators who asked to
 * reveal them (audited), masked (138****5678, 195*) for everyone else.
 */
export const ZContact = z.object({
  mobile: z.string().nullable(),
  birthYear: z.string().nullable(),
  masked: z.boolean(),
});

export const ZRelay = z.object({
  residentId: ZUuid,
  name: z.string(),
  room: z.string(),
  mobile: z.string().nullable(),
});

export const ZBuilding = z.object({
  id: ZUuid,
  code: z.string(),
  zoneId: ZUuid.nullable(),
  floors: z.number().int(),
  x: z.number(),
  y: z.number(),
  households: z.number().int(),
  residents: z.number().int(),
  vulnerable: z.number().int(),
  relay: ZRelay.nullable(),
});
export type TBuilding = z.infer<typeof ZBuilding>;
export const ZBuildingList = z.object({ items: z.array(ZBuilding) });
export const ZBuildingQuery = z.object({ zoneId: ZUuid.optional(), q: z.string().trim().max(50).optional() });

export const ZHousehold = z.object({
  id: ZUuid,
  buildingId: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  phone: z.string().nullable(),
  size: z.number().int(),
  residents: z.number().int(),
  note: z.string().nullable(),
});
export type THousehold = z.infer<typeof ZHousehold>;

export const ZResident = z.object({
  id: ZUuid,
  householdId: ZUuid,
  buildingId: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  name: z.string(),
  sex: ZSex.nullable(),
  mobile: z.string().nullable(),
  birthYear: z.string().nullable(),
  masked: z.boolean(),
  flags: z.array(ZFlag),
  note: z.string().nullable(),
  isRelay: z.boolean(),
});
export type TResident = z.infer<typeof ZResident>;

export const ZBuildingDetail = ZBuilding.extend({
  householdList: z.array(ZHousehold),
  residentList: z.array(ZResident),
});
export type TBuildingDetail = z.infer<typeof ZBuildingDetail>;

const ZPaging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ZHouseholdQuery = z.object({
  buildingId: ZUuid.optional(),
  zoneId: ZUuid.optional(),
  q: z.string().trim().max(50).optional(),
  reveal: ZBool.optional(),
  ...ZPaging,
});
export type THouseholdQuery = z.infer<typeof ZHouseholdQuery>;
export const ZHouseholdPage = z.object({ items: z.array(ZHousehold), total: z.number().int() });

export const ZResidentQuery = z.object({
  buildingId: ZUuid.optional(),
  zoneId: ZUuid.optional(),
  householdId: ZUuid.optional(),
  flag: ZFlag.optional(),
  /** only residents with any vulnerability flag */
  vulnerable: ZBool.optional(),
  /** name or room */
  q: z.string().trim().max(50).optional(),
  /** full mobile numbers and birth years (staff and coordinators; audited) */
  reveal: ZBool.optional(),
  ...ZPaging,
});
export type TResidentQuery = z.infer<typeof ZResidentQuery>;
export const ZResidentPage = z.object({ items: z.array(ZResident), total: z.number().int() });

const currentYear = new Date().getUTCFullYear();
export const ZMobile = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, { message: 'mobile number: 11 digits starting with 1' });
const residentFields = {
  name: zText(50),
  sex: ZSex.nullable().optional(),
  birthYear: z.number().int().min(1900).max(currentYear).nullable().optional(),
  mobile: ZMobile.nullable().optional(),
  flags: z.array(ZFlag).max(VULNERABILITY_FLAGS.length).optional(),
  note: z.string().trim().max(500).nullable().optional(),
};
export const ZRoom = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,10}$/, { message: 'room: digits such as 1203' });

/** A resident joins the household of a building and room, which is created if new. */
export const ZCreateResident = z.object({ buildingId: ZUuid, room: ZRoom, ...residentFields });
export type TCreateResident = z.infer<typeof ZCreateResident>;
export const ZUpdateResident = z.object(residentFields).partial();
export type TUpdateResident = z.infer<typeof ZUpdateResident>;

export const ZUpdateBuilding = z
  .object({
    zoneId: ZUuid.nullable(),
    floors: z.number().int().min(1).max(100),
    x: z.number().min(-10_000).max(10_000),
    y: z.number().min(-10_000).max(10_000),
  })
  .partial();
export type TUpdateBuilding = z.infer<typeof ZUpdateBuilding>;

export const ZSetRelay = z.object({ residentId: ZUuid.nullable() });

export const ZIdParams = z.object({ communityId: ZUuid, id: ZUuid });

/** A problem with one row of an uploaded sheet, as a code the UI can put in words. */
export const ZRowProblem = z.object({ row: z.number().int(), code: z.string(), message: z.string() });

export const ZImportPreview = z.object({
  importId: ZUuid,
  expiresAt: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.array(ZRowProblem),
  merged: z.array(ZRowProblem),
  householdsToCreate: z.number().int(),
  householdsToUpdate: z.number().int(),
  residentsToCreate: z.number().int(),
  residentsToUpdate: z.number().int(),
  unchanged: z.number().int(),
  newBuildings: z.array(z.string()),
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
  sample: z.array(
    z.object({
      row: z.number().int(),
      building: z.string(),
      room: z.string(),
      name: z.string(),
      flags: z.array(ZFlag),
    }),
  ),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZCommitImport = z.object({ importId: ZUuid });
export const ZImportResult = z.object({
  buildingsCreated: z.number().int(),
  householdsCreated: z.number().int(),
  householdsUpdated: z.number().int(),
  residentsCreated: z.number().int(),
  residentsUpdated: z.number().int(),
  unchanged: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZPositionsResult = z.object({ updated: z.number().int(), rejected: z.array(ZRowProblem) });
