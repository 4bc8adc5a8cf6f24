import { z } from 'zod';
import { isCalendarDay, ZUuid, zText } from './common.ts';
import { ZFlag } from './registry.ts';

export { TESTING_SAMPLES } from './testing-scans.ts';
/** Live event published when a round is created or its door-to-door list changes. */
export const TESTING_ROUND = 'testing.round';

/** The volunteer group that runs the testing site (src/shared/groups.ts). */
export const TESTING_GROUP_KEY = 'testing';

export const TESTING_POOLINGS = [1, 5, 10, 20] as const;
export const ZTestingPooling = z.union([z.literal(1), z.literal(5), z.literal(10), z.literal(20)]);
export const ROUND_STATUSES = ['draft', 'published', 'running', 'finished'] as const;
export const HOME_VISIT_REASONS = ['vulnerable', 'missing'] as const;

/** The planning assumptions the call-down plan and lane advice use, with the story's figures as defaults. */
export const DEFAULT_ASSUMPTIONS = {
  serviceMeanSeconds: 12.6,
  serviceSdSeconds: 4,
  switchSeconds: 60,
  callIntervalSeconds: 180,
} as const;

export const ZRoundAssumptions = z.object({
  serviceMeanSeconds: z.number().min(3).max(600).default(DEFAULT_ASSUMPTIONS.serviceMeanSeconds),
  serviceSdSeconds: z.number().min(0).max(600).default(DEFAULT_ASSUMPTIONS.serviceSdSeconds),
  switchSeconds: z.number().int().min(0).max(3600).default(DEFAULT_ASSUMPTIONS.switchSeconds),
  callIntervalSeconds: z.number().int().min(0).max(3600).default(DEFAULT_ASSUMPTIONS.callIntervalSeconds),
});
export type TRoundAssumptions = z.infer<typeof ZRoundAssumptions>;

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day: YYYY-MM-DD' })
  .refine(isCalendarDay, {
    message: 'day: not a calendar day',
  });
const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time: HH:MM' });

/** createTestingRound: the date and start time are the community's wall clock. */
export const ZCreateTestingRound = z.object({
  title: zText(80),
  day: ZDay,
  startTime: ZTimeOfDay,
  lanes: z.number().int().min(1).max(50),
  pooling: ZTestingPooling.default(10),
  /** every gate of the community once: lanes there (summing to `lanes`) and the most people allowed to wait */
  gates: z
    .array(
      z.object({
        gateId: ZUuid,
        lanes: z.number().int().min(0).max(50),
        crowdLimit: z.number().int().min(1).max(10000),
      }),
    )
    .min(1)
    .max(20),
  /** zones whose residents use another gate than their usual one this round */
  zones: z
    .array(z.object({ zoneId: ZUuid, gateId: ZUuid }))
    .max(100)
    .default([]),
  shiftId: ZUuid.nullable().default(null),
  assumptions: ZRoundAssumptions.default(DEFAULT_ASSUMPTIONS),
});
export type TCreateTestingRound = z.input<typeof ZCreateTestingRound>;
export type TCreateTestingRoundParsed = z.output<typeof ZCreateTestingRound>;

export const ZRoundFigures = z.object({
  /** residents in the registry (nobody is flagged as away, so everyone is expected) */
  expected: z.number().int(),
  tested: z.number().int(),
  /** residents on the door-to-door list */
  homeVisits: z.number().int(),
});
export type TRoundFigures = z.infer<typeof ZRoundFigures>;

export const ZTestingRound = z.object({
  id: ZUuid,
  title: z.string(),
  status: z.enum(ROUND_STATUSES),
  startsAt: z.string(),
  /** the start on the community's wall clock */
  day: z.string(),
  startTime: z.string(),
  pooling: z.number().int(),
  lanes: z.number().int(),
  assumptions: z.object({
    serviceMeanSeconds: z.number(),
    serviceSdSeconds: z.number(),
    switchSeconds: z.number().int(),
    callIntervalSeconds: z.number().int(),
  }),
  shift: z.object({ id: ZUuid, title: z.string().nullable(), startsAt: z.string() }).nullable(),
  gates: z.array(
    z.object({
      gateId: ZUuid,
      name: z.string(),
      lanes: z.number().int(),
      crowdLimit: z.number().int(),
      queue: z.number().int(),
    }),
  ),
  zones: z.array(z.object({ zoneId: ZUuid, name: z.string(), gateId: ZUuid })),
  figures: ZRoundFigures,
  createdAt: z.string(),
});
export type TTestingRound = z.infer<typeof ZTestingRound>;

export const ZTestingRoundList = z.object({ items: z.array(ZTestingRound) });
export type TTestingRoundList = z.infer<typeof ZTestingRoundList>;

export const ZRoundParams = z.object({ communityId: ZUuid, roundId: ZUuid });

export const ZRoundCoverageQuery = z.object({
  buildingId: ZUuid.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRoundCoverageQuery = z.input<typeof ZRoundCoverageQuery>;
export type TRoundCoverageQueryParsed = z.output<typeof ZRoundCoverageQuery>;

const ZHomeVisitReason = z.enum(HOME_VISIT_REASONS);

/** A resident not yet tested; vulnerable residents come first. */
export const ZMissingResident = z.object({
  residentId: ZUuid,
  name: z.string(),
  buildingId: ZUuid,
  buildingCode: z.string(),
  room: z.string(),
  flags: z.array(ZFlag),
  /** on the door-to-door list already, and why */
  homeVisit: ZHomeVisitReason.nullable(),
});
export type TMissingResident = z.infer<typeof ZMissingResident>;

export const ZHomeVisit = z.object({
  residentId: ZUuid,
  name: z.string(),
  buildingCode: z.string(),
  room: z.string(),
  flags: z.array(ZFlag),
  reason: ZHomeVisitReason,
  addedAt: z.string(),
  /** sampled in this round, and where (a visit may find the resident already tested at a lane) */
  sampledAt: z.string().nullable(),
  sampledPlace: z.enum(['lane', 'home']).nullable(),
});
export type THomeVisit = z.infer<typeof ZHomeVisit>;

export const ZBuildingCoverage = z.object({
  buildingId: ZUuid,
  buildingCode: z.string(),
  expected: z.number().int(),
  tested: z.number().int(),
});

/** getRoundCoverage */
export const ZRoundCoverage = z.object({
  roundId: ZUuid,
  overall: z.object({ expected: z.number().int(), tested: z.number().int() }),
  buildings: z.array(ZBuildingCoverage),
  missing: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(ZMissingResident),
  }),
  homeVisits: z.array(ZHomeVisit),
});
export type TRoundCoverage = z.infer<typeof ZRoundCoverage>;

/** sendToDoorToDoor: residents still missing go on the door-to-door list (again: no change). */
export const ZSendToDoorToDoor = z.object({ residentIds: z.array(ZUuid).min(1).max(500) });
export type TSendToDoorToDoor = z.infer<typeof ZSendToDoorToDoor>;
export const ZSentToDoorToDoor = z.object({
  added: z.number().int(),
  alreadyListed: z.number().int(),
  homeVisits: z.number().int(),
});
export type TSentToDoorToDoor = z.infer<typeof ZSentToDoorToDoor>;
