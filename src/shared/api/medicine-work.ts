// The medicine group's work on requests: photos, assignment, trips, and the care follow-up (issue 7).
import { z } from 'zod';
import { ZUuid, zText } from './common.ts';
import { ZMedicineRecipient, ZMedicineStatus, ZMedicineUrgency } from './medicine.ts';

// ---- photos (uploadMedicineAttachment, getMedicineAttachment)

export const MEDICINE_ATTACHMENT_KINDS = [
  'prescription',
  'insurance_card',
  'box',
  'receipt',
  'delivery',
] as const;
export type TMedicineAttachmentKind = (typeof MEDICINE_ATTACHMENT_KINDS)[number];
/** What the household may add; the medicine group and coordinators add every kind. */
export const HOUSEHOLD_ATTACHMENT_KINDS: readonly TMedicineAttachmentKind[] = [
  'prescription',
  'insurance_card',
  'box',
];
export const MEDICINE_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const MEDICINE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The upload's kind travels in the query; the photo is the multipart body's one file. */
export const ZUploadMedicineAttachmentQuery = z.object({ kind: z.enum(MEDICINE_ATTACHMENT_KINDS) });
export const ZMedicineAttachmentParams = z.object({
  communityId: ZUuid,
  requestId: ZUuid,
  attachmentId: ZUuid,
});

export const ZMedicineAttachment = z.object({
  id: ZUuid,
  requestId: ZUuid,
  kind: z.enum(MEDICINE_ATTACHMENT_KINDS),
  mimeType: z.enum(MEDICINE_PHOTO_TYPES),
  /** size after the metadata was taken out */
  bytes: z.number().int(),
  uploadedAt: z.string(),
  /** the API path that serves it to a signed-in person allowed to see the request (never public) */
  path: z.string(),
});
export type TMedicineAttachment = z.infer<typeof ZMedicineAttachment>;

/** The API path of one photo, for <img src>: the browser sends the session cookie with it. */
export const medicineAttachmentPath = (communityId: string, requestId: string, attachmentId: string) =>
  `/api/communities/${communityId}/medicine-requests/${requestId}/attachments/${attachmentId}`;

// ---- assignment (listMedicineAssignees, assignMedicineRequests)

export const ZMedicineAssignee = z.object({
  accountId: ZUuid,
  name: z.string(),
  isLeader: z.boolean(),
  /** as registered: car, ebike, … — empty when they have none */
  vehicles: z.array(z.string()),
  /** requests assigned to them and not yet delivered */
  openRequests: z.number().int(),
});
export type TMedicineAssignee = z.infer<typeof ZMedicineAssignee>;
/** Volunteers with a vehicle first, then the least busy. */
export const ZMedicineAssigneeList = z.object({ assignees: z.array(ZMedicineAssignee) });

export const ZAssignMedicineRequests = z.object({
  requestIds: z
    .array(ZUuid)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'requestIds: each once' }),
  assigneeAccountId: ZUuid,
});
export type TAssignMedicineRequests = z.infer<typeof ZAssignMedicineRequests>;
export const ZAssignedMedicineRequests = z.object({
  assignee: ZMedicineAssignee,
  requestIds: z.array(ZUuid),
});

// ---- trips (planMedicineTrips, listMedicineTrips)

export const MEDICINE_TRIP_STATUSES = ['planned', 'started', 'done'] as const;
export const ZPlanMedicineTrips = z.object({
  /** the volunteer who drives (an approved member of the medicine group); optional */
  driverAccountId: ZUuid.nullable().default(null),
});
export type TPlanMedicineTrips = z.input<typeof ZPlanMedicineTrips>;

export const ZMedicineTripRequest = z.object({
  id: ZUuid,
  drugName: z.string(),
  strength: z.string().nullable(),
  quantity: z.string(),
  urgency: ZMedicineUrgency,
  status: ZMedicineStatus,
  deadlineAt: z.string(),
  payment: z.string(),
  recipient: ZMedicineRecipient,
  assignedToName: z.string().nullable(),
});
export const ZMedicineTrip = z.object({
  id: ZUuid,
  /** `any`: the requests that named no hospital or pharmacy */
  kind: z.enum(['source', 'any']),
  source: z.string().nullable(),
  sourceKey: z.string().nullable(),
  status: z.enum(MEDICINE_TRIP_STATUSES),
  driver: ZUuid.nullable(),
  driverName: z.string().nullable(),
  urgency: ZMedicineUrgency,
  /** the earliest deadline on the trip */
  deadlineAt: z.string(),
  createdAt: z.string(),
  requests: z.array(ZMedicineTripRequest),
});
export type TMedicineTrip = z.infer<typeof ZMedicineTrip>;
export const ZMedicineTripList = z.object({ trips: z.array(ZMedicineTrip), timeZone: z.string() });
export const ZMedicineTripListQuery = z.object({
  /** open: planned and started trips (the default); all: done ones too */
  status: z.enum(['open', 'all']).default('open'),
});

// ---- the care follow-up (listCareFollowUps, recordCareContact)

export const CARE_CONTACT_KINDS = ['call', 'visit', 'request', 'delivery'] as const;
export const ZCareFollowUpQuery = z.object({
  /** chronic medicines running out within this many days are listed */
  days: z.coerce.number().int().min(1).max(60).default(7),
});
export const ZCareFollowUp = z.object({
  resident: ZMedicineRecipient,
  /** the latest call, visit, request or delivery; null when nobody has been in touch */
  lastContact: z
    .object({
      kind: z.enum(CARE_CONTACT_KINDS),
      at: z.string(),
      byName: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  openRequests: z.array(
    z.object({
      id: ZUuid,
      drugName: z.string(),
      status: ZMedicineStatus,
      urgency: ZMedicineUrgency,
      deadlineAt: z.string(),
    }),
  ),
  /** delivered chronic medicines whose supply ends within `days` (or has ended) */
  runningOut: z.array(
    z.object({ requestId: ZUuid, drugName: z.string(), nextRunsOutAt: z.string(), reminded: z.boolean() }),
  ),
});
export type TCareFollowUp = z.infer<typeof ZCareFollowUp>;
/** Running out soonest first, then open needs, then those not contacted longest. */
export const ZCareFollowUpList = z.object({
  residents: z.array(ZCareFollowUp),
  days: z.number().int(),
  timeZone: z.string(),
});

export const ZRecordCareContact = z.object({
  residentId: ZUuid,
  kind: z.enum(['call', 'visit']),
  note: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    zText(500).optional(),
  ),
});
export type TRecordCareContact = z.input<typeof ZRecordCareContact>;
export type TRecordCareContactParsed = z.output<typeof ZRecordCareContact>;
export const ZCareContact = z.object({
  id: z.number().int(),
  residentId: ZUuid,
  kind: z.enum(CARE_CONTACT_KINDS),
  note: z.string().nullable(),
  at: z.string(),
});
