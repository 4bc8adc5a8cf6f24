// The round report (getRoundReport, exportRoundReport) and the "what if" simulator's ready-made input
// (getRoundSimulationInput), issue 6 items 6 and 7.
import { z } from 'zod';
import { ZUuid } from './common.ts';
import { ZRoundSimulationInput } from './round-simulation.ts';

/**
 * What one HTTP simulation may take: far below the CLI's limits (round-simulation.ts), because it runs
 * in the server's request loop and the "what if" page asks three at a time.
 */
export const HTTP_SIMULATION_LIMITS = { residents: 50_000, buildings: 2_000 } as const;

/** getRoundSimulationInput: the community's compound as a simulator input, with names for the page. */
export const ZRoundSimulationDraft = z.object({
  input: ZRoundSimulationInput,
  /** fixedSplit's keys are gate codes; these are their names as residents know them */
  gates: z.array(z.object({ key: z.string(), name: z.string(), residents: z.number().int() })),
  residents: z.number().int(),
});
export type TRoundSimulationDraft = z.infer<typeof ZRoundSimulationDraft>;

const ZLaneRow = z.object({
  /** the lane's number as the scanning phone set it; null: tubes opened at a gate without a lane */
  lane: z.number().int().nullable(),
  gates: z.array(z.object({ gateId: ZUuid, name: z.string(), samples: z.number().int() })),
  samples: z.number().int(),
  /** samples ÷ the round's hours (start to end); null when the round has no span yet */
  perHour: z.number().nullable(),
  /** samples in each hour from the start: [0] is start…start+60 min */
  hourly: z.array(z.number().int()),
  idleMinutes: z.number().int(),
});

const ZRoundSummary = z.object({
  roundId: ZUuid,
  title: z.string(),
  startsAt: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  tested: z.number().int(),
  lanes: z.number().int(),
  /** lane samples ÷ (the round's lanes × its hours): comparable between rounds */
  perLaneHour: z.number().nullable(),
});
export type TRoundSummary = z.infer<typeof ZRoundSummary>;

export const ZRoundReport = z.object({
  round: ZRoundSummary.extend({ status: z.string(), pooling: z.number().int() }),
  tested: z.object({ lane: z.number().int(), home: z.number().int(), total: z.number().int() }),
  lanes: z.array(ZLaneRow),
  idleLaneMinutes: z.number().int(),
  queues: z.array(
    z.object({
      gateId: ZUuid,
      name: z.string(),
      crowdLimit: z.number().int(),
      longest: z.number().int(),
      /** when the longest queue was first reported; null when nobody reported this gate's queue */
      at: z.string().nullable(),
    }),
  ),
  switches: z.array(z.object({ at: z.string(), from: z.string(), to: z.string(), lanes: z.number().int() })),
  /** earlier rounds of the community (by start), latest first, at most 10 */
  earlier: z.array(ZRoundSummary),
});
export type TRoundReport = z.infer<typeof ZRoundReport>;

export const ROUND_REPORT_DESCRIPTION = [
  'The round report. start/end: started_at and finished_at when set, else the first and last sample.',
  'tested: residents sampled at a lane and at home. lanes: one row per lane number (tubes opened at a',
  'gate without a lane number make a row with lane null), samples per gate, per hour of the round and',
  'on average. idleMinutes: the span from start to end is cut into whole minutes from the start (the last',
  'may be partial; a sample at the very end counts in the last minute); a lane’s idle minutes are those',
  'in which it recorded no sample. Lanes 1…(round lanes) are listed even when they recorded nothing (then',
  'every minute is idle). idleLaneMinutes is their sum. queues: the longest reported queue per gate against',
  'its crowd limit. switches: the lane moves applied. earlier: the community’s rounds that started',
  'before this one, with duration, residents tested and samples per lane-hour.',
].join(' ');

export const ZRoundReportParams = z.object({ communityId: ZUuid, roundId: ZUuid });
