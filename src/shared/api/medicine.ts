import { z } from 'zod';
import { ZUuid, zText } from './common.ts';
import { ZFlag } from './registry.ts';

/** Live event published when a request is created, triaged, moved on or escalated. */
export const MEDICINE_REQUESTS = 'medicine.requests';

// The same lists as src/domain/medicine (shared does not import domain; the server checks they agree).
export const MEDICINE_REQUEST_STATUSES = [
  'requested',
  'triaged',
  'assigned',
  'purchasing',
  'delivered',
  'confirmed',
  'cancelled',
  'unavailable',
] as const;
export const MEDICINE_URGENCIES = ['critical', 'high', 'normal'] as const;
export const MEDICINE_PAYMENTS = ['yes', 'no', 'on_delivery'] as const;
export const MEDICINE_INTAKES = ['app', 'proxy', 'written'] as const;
export const DEADLINE_STATES = ['ok', 'near', 'overdue'] as const;
/** Kinds of life-critical medicine on the maintained list (src/domain/medicine/critical-medicine-list.ts). */
export const CRITICAL_MEDICINE_CATEGORIES = [
  'insulin',
  'anticoagulant',
  'antiepileptic',
  'immunosuppressant',
  'heart_failure',
  'angina',
  'dialysis',
  'oxygen',
] as const;
export type TCriticalMedicineCategory = (typeof CRITICAL_MEDICINE_CATEGORIES)[number];

export const ZMedicineStatus = z.enum(MEDICINE_REQUEST_STATUSES);
export const ZMedicineUrgency = z.enum(MEDICINE_URGENCIES);
export const ZMedicinePayment = z.enum(MEDICINE_PAYMENTS);
export const ZDeadlineState = z.enum(DEADLINE_STATES);
export type TMedicineStatus = z.infer<typeof ZMedicineStatus>;
export type TMedicineUrgency = z.infer<typeof ZMedicineUrgency>;

/** Optional free text: empty or blank means "not given". */
const zOptionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), zText(max).optional());

/**
 * createMedicineRequest. A resident asks for someone of their own household; the medicine group,
 * coordinators and staff ask on a resident's behalf (`written`: answers from the written conversation).
 */
export const ZCreateMedicineRequest = z.object({
  residentId: ZUuid,
  drugName: zText(100),
  strength: zOptionalText(60),
  /** as said: "2盒", "30 tablets" */
  quantity: zText(60),
  /** the usual hospital or pharmacy */
  source: zOptionalText(100),
  /** days the current supply lasts; null (or absent) when nobody knows */
  supplyDaysLeft: z.number().min(0).max(365).nullable().default(null),
  chronic: z.boolean().default(false),
  payment: ZMedicinePayment,
  note: zOptionalText(500),
  /** the request came from the written conversation (only on someone's behalf) */
  written: z.boolean().default(false),
});
export type TCreateMedicineRequest = z.input<typeof ZCreateMedicineRequest>;
export type TCreateMedicineRequestParsed = z.output<typeof ZCreateMedicineRequest>;

export const ZMedicineRequestParams = z.object({ communityId: ZUuid, requestId: ZUuid });

const ZBoolQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const ZMedicineRequestListQuery = z.object({
  status: z.enum(['open', 'finished', 'all']).default('open'),
  urgency: ZMedicineUrgency.optional(),
  /** only the requests assigned to me */
  mine: ZBoolQuery,
});

/** Who the medicine is for, as the list and the details show them. */
export const ZMedicineRecipient = z.object({
  residentId: ZUuid,
  name: z.string(),
  buildingCode: z.string(),
  room: z.string(),
  flags: z.array(ZFlag),
});

/** A row of listMedicineRequests: the work, not a view of the medical file (no notes, no history). */
export const ZMedicineRequestRow = z.object({
  id: ZUuid,
  householdId: ZUuid,
  recipient: ZMedicineRecipient,
  drugName: z.string(),
  strength: z.string().nullable(),
  quantity: z.string(),
  source: z.string().nullable(),
  sourceKey: z.string().nullable(),
  status: ZMedicineStatus,
  urgency: ZMedicineUrgency,
  deadlineAt: z.string(),
  deadlineState: ZDeadlineState,
  escalation: z.number().int(),
  assignedTo: ZUuid.nullable(),
  assignedToName: z.string().nullable(),
  tripId: ZUuid.nullable(),
  runsOutAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TMedicineRequestRow = z.infer<typeof ZMedicineRequestRow>;

export const ZMedicineRequestList = z.object({
  requests: z.array(ZMedicineRequestRow),
  timeZone: z.string(),
});
export type TMedicineRequestList = z.infer<typeof ZMedicineRequestList>;

export const ZMedicineRequestEvent = z.object({
  id: z.number().int(),
  fromStatus: ZMedicineStatus.nullable(),
  toStatus: ZMedicineStatus,
  reason: z.string().nullable(),
  at: z.string(),
  by: ZUuid.nullable(),
  byName: z.string().nullable(),
});

/** getMedicineRequest: everything, with the history and the photos' ids (each view is audited). */
export const ZMedicineRequestDetail = ZMedicineRequestRow.extend({
  intake: z.enum(MEDICINE_INTAKES),
  requestedBy: ZUuid.nullable(),
  supplyDaysLeft: z.number().nullable(),
  chronic: z.boolean(),
  payment: ZMedicinePayment,
  note: z.string().nullable(),
  /** rule key (critical_running_out, unknown_supply_critical, chronic_running_out, normal) or the leader's reason */
  urgencyReason: z.string(),
  urgencyOverridden: z.boolean(),
  matchedMedicine: z.string().nullable(),
  /** the kind of life-critical medicine it matched (insulin, anticoagulant, …) */
  matchedCategory: z.enum(CRITICAL_MEDICINE_CATEGORIES).nullable(),
  statusReason: z.string().nullable(),
  bought: z.string().nullable(),
  costCents: z.number().int().nullable(),
  substitution: z.string().nullable(),
  substitutionConfirmedAt: z.string().nullable(),
  daysSupplied: z.number().nullable(),
  nextRunsOutAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** the statuses this person may move the request to now */
  allowedNext: z.array(ZMedicineStatus),
  events: z.array(ZMedicineRequestEvent),
  attachments: z.array(z.object({ id: ZUuid, kind: z.string(), uploadedAt: z.string() })),
  timeZone: z.string(),
});
export type TMedicineRequestDetail = z.infer<typeof ZMedicineRequestDetail>;

/** triageMedicineRequest: the leader's urgency, with why. */
export const ZTriageMedicineRequest = z.object({
  urgency: ZMedicineUrgency,
  reason: zText(300),
});

/**
 * updateMedicineRequestStatus. `reason` for cancelled / unavailable; what was bought, the cost (fen)
 * and any substitution on the way to delivered; daysSupplied at delivery (for the care follow-up);
 * `acceptSubstitution` when the household confirms a delivery that had a substitution.
 */
export const ZUpdateMedicineRequestStatus = z.object({
  status: ZMedicineStatus,
  reason: zOptionalText(300),
  bought: zOptionalText(200),
  costCents: z.number().int().min(0).max(10_000_000).optional(),
  substitution: zOptionalText(300),
  daysSupplied: z.number().min(0).max(365).optional(),
  acceptSubstitution: z.boolean().optional(),
});
export type TUpdateMedicineRequestStatus = z.input<typeof ZUpdateMedicineRequestStatus>;
export type TUpdateMedicineRequestStatusParsed = z.output<typeof ZUpdateMedicineRequestStatus>;

/** The intake helper: residents to ask for, vulnerable first, found by building / room / name. */
export const ZMedicineResidentQuery = z.object({
  building: z.string().trim().max(20).optional(),
  room: z.string().trim().max(20).optional(),
  q: z.string().trim().max(40).optional(),
  /** only my own household (a volunteer asking for themselves) */
  mine: ZBoolQuery,
});
export const ZMedicineResidentChoice = ZMedicineRecipient.extend({
  householdId: ZUuid,
  /** birth year to the decade (195*), as the registry masks it for those who do not keep the roster */
  birthYear: z.string().nullable(),
  /** open requests for this resident now: to avoid asking twice */
  openRequests: z.number().int(),
});
export const ZMedicineResidentChoices = z.object({ residents: z.array(ZMedicineResidentChoice) });
export type TMedicineResidentChoice = z.infer<typeof ZMedicineResidentChoice>;
