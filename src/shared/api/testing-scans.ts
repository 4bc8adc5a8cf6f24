import { z } from 'zod';
import { ZUuid } from './common.ts';

/**
 * Live event: a sample landed in a round (or a tube closed). Data: { roundId, tubeId, tubeSamples,
 * roundSamples }. Coverage pages and lane phones refetch on it.
 */
export const TESTING_SAMPLES = 'testing.samples';

/**
 * A resident's personal code: 'LL' and 10 Crockford base32 characters (50 random bits), printed in a
 * QR code. Scanners and people type it in any case and with spaces; the server compares it normalised.
 */
export const PERSONAL_CODE_PATTERN = /^LL[0-9A-HJKMNP-TV-Z]{10}$/;
export const normalisePersonalCode = (raw: string) => raw.replace(/[\s-]+/g, '').toUpperCase();
export const ZPersonalCode = z.string().max(64).transform(normalisePersonalCode).pipe(z.string().min(1));

/** A tube's barcode as printed by the lab: letters, digits and '-', compared without spaces, any case. */
export const normaliseTubeBarcode = (raw: string) => raw.replace(/\s+/g, '').toUpperCase();
export const ZTubeBarcode = z
  .string()
  .max(80)
  .transform(normaliseTubeBarcode)
  .pipe(z.string().regex(/^[A-Z0-9-]{4,40}$/, { message: 'barcode: 4–40 letters, digits or "-"' }));

export const ZRoundParams = z.object({ communityId: ZUuid, roundId: ZUuid });
export const ZTubeParams = z.object({ communityId: ZUuid, roundId: ZUuid, tubeId: ZUuid });

export const ZTube = z.object({
  id: ZUuid,
  roundId: ZUuid,
  barcode: z.string(),
  /** the lane's gate; null for a door-to-door team */
  gateId: ZUuid.nullable(),
  lane: z.number().int().nullable(),
  capacity: z.number().int(),
  samples: z.number().int(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TTube = z.infer<typeof ZTube>;

/** The phone's id for one offline action (a scan, or opening a tube): a replay gets the first answer. */
export const ZClientKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientKey: 8–64 letters, digits, "-" or "_"' });

/**
 * openTube: the tube's barcode scanned at a lane (gate + lane), or by a door-to-door team (no gate).
 * `clientKey` (optional): a phone that opened the tube offline sends it later, maybe more than once.
 */
export const ZOpenTube = z
  .object({
    barcode: ZTubeBarcode,
    gateId: ZUuid.nullable().optional(),
    lane: z.number().int().min(1).max(50).nullable().optional(),
    clientKey: ZClientKey.optional(),
  })
  .strict();
export type TOpenTube = z.input<typeof ZOpenTube>;

/**
 * recordSample: the resident by personal code (scanned or typed) or by id (found by building/room/name);
 * `clientKey` is the phone's id for this scan, so a replay after a signal loss lands once and gets the
 * first answer again; `sampledAt` is when the phone scanned it (it may send later).
 */
export const ZRecordSample = z
  .object({
    code: ZPersonalCode.optional(),
    residentId: ZUuid.optional(),
    clientKey: ZClientKey,
    sampledAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.residentId === undefined), {
    message: 'either code or residentId',
    path: ['code'],
  });
export type TRecordSample = z.input<typeof ZRecordSample>;

export const ZSampledResident = z.object({
  id: ZUuid,
  name: z.string(),
  buildingCode: z.string(),
  room: z.string(),
});

export const ZRecordedSample = z.object({
  sampleId: ZUuid,
  resident: ZSampledResident,
  sampledAt: z.string(),
  tube: ZTube,
  /** true when this sample filled the tube: it is closed now, open a new one */
  tubeFull: z.boolean(),
});
export type TRecordedSample = z.infer<typeof ZRecordedSample>;

/** findResidentsForSampling: by building (code as typed: 12, 12号楼), room and part of a name. */
export const ZSamplingResidentQuery = z
  .object({
    building: z.string().trim().max(20).optional(),
    room: z.string().trim().max(20).optional(),
    q: z.string().trim().max(40).optional(),
  })
  .refine((f) => Boolean(f.building || f.q), { message: 'a building or a name', path: ['building'] });
export type TSamplingResidentQuery = z.input<typeof ZSamplingResidentQuery>;

export const ZSamplingResident = z.object({
  id: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  name: z.string(),
  /** the decade only (195*), as the registry shows it to those who may not see more */
  birthYear: z.string().nullable(),
  flags: z.array(z.string()),
  /** already sampled in this round: when, and into which tube */
  sampledAt: z.string().nullable(),
  tubeBarcode: z.string().nullable(),
});
export type TSamplingResident = z.infer<typeof ZSamplingResident>;
export const ZSamplingResidents = z.object({ residents: z.array(ZSamplingResident) });

/** The rounds a lane can scan into (published or running), with their gates. */
export const ZLaneSetup = z.object({
  rounds: z.array(
    z.object({
      id: ZUuid,
      title: z.string(),
      status: z.enum(['published', 'running']),
      pooling: z.number().int(),
      lanes: z.number().int(),
      startsAt: z.string(),
      gates: z.array(z.object({ gateId: ZUuid, name: z.string(), lanes: z.number().int() })),
    }),
  ),
});
export type TLaneSetup = z.infer<typeof ZLaneSetup>;

export const ZCodeHolder = z.object({
  residentId: ZUuid,
  name: z.string(),
  personalCode: z.string(),
});
export const ZHouseholdCodes = z.object({
  householdId: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  residents: z.array(ZCodeHolder),
});
export type THouseholdCodes = z.infer<typeof ZHouseholdCodes>;

/** getMyTestingCodes: my household's members with their codes (null: the account has no household). */
export const ZMyTestingCodes = z.object({ household: ZHouseholdCodes.nullable() });
export type TMyTestingCodes = z.infer<typeof ZMyTestingCodes>;

/** printHouseholdCodeCards: a building's households (all, or only those without any app account). */
export const ZCodeCardsQuery = z.object({
  buildingId: ZUuid,
  withoutAccount: z
    .enum(['1', 'true', '0', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export const ZCodeCards = z.object({
  buildingCode: z.string(),
  households: z.array(ZHouseholdCodes),
});
export type TCodeCards = z.infer<typeof ZCodeCards>;
