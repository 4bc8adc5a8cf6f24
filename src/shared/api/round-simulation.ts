// The testing-round simulator's input (issue 6, item 7), shared by `linli simulate-round` and the
// HTTP operation `simulateRound`. Messages name what was expected and what came, so that a leader
// (or a script) can fix a round file from the first line of the error.
import { z } from 'zod';

/** Bounds on one request's work, not rules of the story (the story's compound has 6,145 residents). */
export const ROUND_SIMULATION_LIMITS = {
  lanes: 100,
  buildings: 5000,
  residentsPerBuilding: 10_000,
  residents: 200_000,
  seconds: 86_400,
} as const;

const shown = (value: unknown) => {
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
/** "missing", or what was expected and what came. */
const expecting =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'missing' : `must be ${expected}, got ${shown(issue.input)}`;

const seconds = (least: number) =>
  z
    .number({ error: expecting('a number of seconds') })
    .min(least, { error: expecting(`${least} seconds or more`) })
    .max(ROUND_SIMULATION_LIMITS.seconds, { error: expecting('at most a day (86400 seconds)') });
const wholeNumber = (least: number, most: number) =>
  z
    .number({ error: expecting('a number') })
    .int({ error: expecting('a whole number') })
    .min(least, { error: expecting(`${least} or more`) })
    .max(most, { error: expecting(`at most ${most}`) });
const gateName = z
  .string({ error: expecting('a gate name') })
  .min(1, { error: expecting('a gate name') })
  .max(40, { error: expecting('a gate name of at most 40 characters') });

export const ZRoundPolicy = z.enum(['fixed', 'tidal', 'planned'], {
  error: expecting('"fixed", "tidal" or "planned"'),
});

export const ZRoundBuilding = z.object(
  {
    id: z.string({ error: expecting('a text') }).min(1, { error: expecting('a text') }),
    gate: gateName,
    residents: wholeNumber(0, ROUND_SIMULATION_LIMITS.residentsPerBuilding),
    walkSeconds: seconds(0),
  },
  { error: expecting('an object {"id", "gate", "residents", "walkSeconds"}') },
);

export const ZRoundSimulationInput = z
  .object(
    {
      /** Free text beside the numbers (assumptions, sources): accepted and ignored. */
      notes: z.unknown().optional(),
      lanes: wholeNumber(1, ROUND_SIMULATION_LIMITS.lanes),
      serviceSeconds: z.object(
        {
          mean: seconds(1),
          sd: z
            .number({ error: expecting('a number of seconds') })
            .min(0, { error: expecting('zero or more') })
            .max(3600, { error: expecting('at most 3600 seconds') }),
        },
        { error: expecting('an object {"mean": …, "sd": …}') },
      ),
      switchSeconds: seconds(0),
      crowdLimit: wholeNumber(1, 100_000),
      callIntervalSeconds: seconds(0),
      fixedSplit: z.record(gateName, wholeNumber(0, ROUND_SIMULATION_LIMITS.lanes), {
        error: expecting('an object of lanes per gate, e.g. {"east": 3, "west": 3}'),
      }),
      buildings: z
        .array(ZRoundBuilding, { error: expecting('a list') })
        .min(1, { error: 'at least one building' })
        .max(ROUND_SIMULATION_LIMITS.buildings, {
          error: `at most ${ROUND_SIMULATION_LIMITS.buildings} buildings`,
        }),
      policy: ZRoundPolicy,
      seed: z
        .number({ error: expecting('a whole number') })
        .int({ error: expecting('a whole number') })
        .min(0, { error: expecting('zero or more') })
        .max(2 ** 32 - 1, { error: expecting('at most 4294967295') }),
    },
    { error: expecting('an object {"lanes", "serviceSeconds", "switchSeconds", "crowdLimit", …}') },
  )
  .superRefine((input, ctx) => {
    const gates = Object.keys(input.fixedSplit);
    if (gates.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['fixedSplit'],
        message: 'name at least one gate with its lanes',
      });
      return;
    }
    const split = gates.reduce((sum, g) => sum + input.fixedSplit[g]!, 0);
    if (split !== input.lanes)
      ctx.addIssue({
        code: 'custom',
        path: ['fixedSplit'],
        message: `the gates' lanes add up to ${split}, not the round's ${input.lanes} lanes`,
      });
    const seen = new Set<string>();
    const residentsAt = new Map<string, number>();
    let residents = 0;
    input.buildings.forEach((b, i) => {
      if (!(b.gate in input.fixedSplit))
        ctx.addIssue({
          code: 'custom',
          path: ['buildings', i, 'gate'],
          message: `building ${b.id} uses gate "${b.gate}", which is not among the gates of fixedSplit (${gates.map((g) => `"${g}"`).join(', ')})`,
        });
      if (seen.has(b.id))
        ctx.addIssue({
          code: 'custom',
          path: ['buildings', i, 'id'],
          message: `building ${b.id} is listed twice`,
        });
      seen.add(b.id);
      residentsAt.set(b.gate, (residentsAt.get(b.gate) ?? 0) + b.residents);
      residents += b.residents;
    });
    for (const gate of gates)
      if ((residentsAt.get(gate) ?? 0) > 0 && input.fixedSplit[gate] === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['fixedSplit', gate],
          message: `gate "${gate}" has residents to test but no lane`,
        });
    if (residents > ROUND_SIMULATION_LIMITS.residents)
      ctx.addIssue({
        code: 'custom',
        path: ['buildings'],
        message: `${residents} residents in all, more than the ${ROUND_SIMULATION_LIMITS.residents} one simulation takes`,
      });
  });
export type TRoundSimulationInput = z.infer<typeof ZRoundSimulationInput>;

export const ZRoundSimulationResult = z.object({
  makespanSeconds: z.number(),
  lowerBoundSeconds: z.number(),
  maxQueue: z.record(z.string(), z.number()),
  laneUtilization: z.number(),
  switches: z.number().int(),
  idleLaneSeconds: z.number(),
  residentsServed: z.number().int(),
  calls: z.array(z.object({ buildingId: z.string(), gate: z.string(), atSeconds: z.number() })),
  laneHistory: z.array(z.object({ atSeconds: z.number(), lanes: z.record(z.string(), z.number()) })),
});
export type TRoundSimulationResult = z.infer<typeof ZRoundSimulationResult>;
