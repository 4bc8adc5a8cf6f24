// The call-down plan (叫号, issue 6 item 2): when each building is called to which gate, proposed by
// the simulator, adjusted by the leader, published, and told to each building at its time.
import { z } from 'zod';
import { ZUuid } from './common.ts';

/** One building's call: its residents who come down (the door-to-door list stays home). */
export const ZPlannedCall = z.object({
  buildingId: ZUuid,
  buildingCode: z.string(),
  callAt: z.string(),
  /** the time on the community's wall clock, HH:MM */
  callTime: z.string(),
  /** residents asked to come down */
  residents: z.number().int(),
  /** residents of the building on the door-to-door list, told that a team comes to their door */
  homeVisits: z.number().int(),
  /** differs from Linli's proposal for the registry as it is now (moved by the leader) */
  adjusted: z.boolean(),
  /** when the building was told (null until its call time has come in a published round) */
  notifiedAt: z.string().nullable(),
});
export type TPlannedCall = z.infer<typeof ZPlannedCall>;

export const ZCallDownGate = z.object({
  gateId: ZUuid,
  name: z.string(),
  crowdLimit: z.number().int(),
  /** lanes Linli suggests at this gate at the start (it moves lanes as the lines change) */
  startLanes: z.number().int(),
  /** the longest line expected under Linli's proposal */
  expectedMaxQueue: z.number().int(),
  calls: z.array(ZPlannedCall),
});
export type TCallDownGate = z.infer<typeof ZCallDownGate>;

/** getCallDownPlan, planCallDown, adjustCallDown, publishCallDown */
export const ZCallDownPlan = z.object({
  roundId: ZUuid,
  status: z.enum(['draft', 'published', 'running', 'finished']),
  publishedAt: z.string().nullable(),
  startsAt: z.string(),
  /** the round's day on the community's wall clock: adjusted call times stay on it */
  day: z.string(),
  /** figures of Linli's proposal (every swab taking the mean time), null before any plan */
  expected: z
    .object({
      makespanSeconds: z.number(),
      lowerBoundSeconds: z.number(),
      residents: z.number().int(),
    })
    .nullable(),
  gates: z.array(ZCallDownGate),
});
export type TCallDownPlan = z.infer<typeof ZCallDownPlan>;

const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time: HH:MM' });

/**
 * adjustCallDown: move one building's call to another time on the round's day (community wall
 * clock), or swap its call time with another building's.
 */
export const ZAdjustCallDown = z.union([
  z.object({ buildingId: ZUuid, callTime: ZLocalTime }).strict(),
  z.object({ buildingId: ZUuid, swapWithBuildingId: ZUuid }).strict(),
]);
export type TAdjustCallDown = z.infer<typeof ZAdjustCallDown>;
