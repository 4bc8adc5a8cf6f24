import { z } from 'zod';
import { ZUuid } from './common.ts';

/**
 * Live event: a gate's queue was reported or lanes moved between gates. Data: { roundId, gateId?,
 * queue? }. The gate phones and the live view refetch on it.
 */
export const TESTING_QUEUES = 'testing.queues';

/** The window the throughput counts over: the "last 10 minutes". */
export const THROUGHPUT_WINDOW_SECONDS = 600;

export const ZGateParams = z.object({ communityId: ZUuid, roundId: ZUuid, gateId: ZUuid });

/** recordQueueCount: the queue as counted (a typed number) or one tap of the big − / + buttons. */
export const ZRecordQueueCount = z.union([
  z.object({ queue: z.number().int().min(0).max(100000) }).strict(),
  z.object({ delta: z.number().int().min(-50).max(50) }).strict(),
]);
export type TRecordQueueCount = z.infer<typeof ZRecordQueueCount>;

export const ZGateQueue = z.object({
  gateId: ZUuid,
  queue: z.number().int(),
  queueAt: z.string().nullable(),
});
export type TGateQueue = z.infer<typeof ZGateQueue>;

export const ZLiveGate = z.object({
  gateId: ZUuid,
  name: z.string(),
  queue: z.number().int(),
  queueAt: z.string().nullable(),
  lanes: z.number().int(),
  crowdLimit: z.number().int(),
  /** residents sampled at this gate's lanes within the last 10 minutes */
  servedLast10Minutes: z.number().int(),
  /** residents of the gate's called (or, without a call-down, all) buildings not yet sampled */
  toCome: z.number().int(),
  /** this gate's forecast alone with its lanes as they are (null: people waiting but no lane) */
  remainingSeconds: z.number().nullable(),
});
export type TLiveGate = z.infer<typeof ZLiveGate>;

/** getLaneAdvice */
export const ZLaneAdvice = z.object({
  roundId: ZUuid,
  status: z.enum(['draft', 'published', 'running', 'finished']),
  switchSeconds: z.number().int(),
  gates: z.array(ZLiveGate),
  /** move one lane from → to now, or null to leave the lanes as they are */
  move: z.object({ fromGateId: ZUuid, toGateId: ZUuid, lanes: z.number().int() }).nullable(),
  remainingSeconds: z.number().nullable(),
  remainingAfterMoveSeconds: z.number().nullable(),
  perLanePerMinute: z.number(),
  /** where "toCome" came from: the published call-down, or every untested resident of the zones */
  forecastFrom: z.enum(['calls', 'zones']),
});
export type TLaneAdvice = z.infer<typeof ZLaneAdvice>;

/** applyLaneSwitch: the leader moves lanes (one by default) from one gate to another. */
export const ZApplyLaneSwitch = z
  .object({
    fromGateId: ZUuid,
    toGateId: ZUuid,
    lanes: z.number().int().min(1).max(50).default(1),
  })
  .strict()
  .refine((b) => b.fromGateId !== b.toGateId, { message: 'toGateId: another gate than fromGateId' });
export type TApplyLaneSwitch = z.input<typeof ZApplyLaneSwitch>;

export const ZLaneSwitch = z.object({
  id: z.number().int(),
  fromGateId: ZUuid,
  fromGate: z.string(),
  toGateId: ZUuid,
  toGate: z.string(),
  lanes: z.number().int(),
  appliedAt: z.string(),
  appliedBy: z.string().nullable(),
});
export type TLaneSwitch = z.infer<typeof ZLaneSwitch>;

export const ZAppliedLaneSwitch = z.object({
  laneSwitch: ZLaneSwitch,
  gates: z.array(z.object({ gateId: ZUuid, lanes: z.number().int() })),
});
export type TAppliedLaneSwitch = z.infer<typeof ZAppliedLaneSwitch>;

/** listLaneSwitches: the round's lane history, oldest first. */
export const ZLaneSwitchList = z.object({ items: z.array(ZLaneSwitch) });
export type TLaneSwitchList = z.infer<typeof ZLaneSwitchList>;
