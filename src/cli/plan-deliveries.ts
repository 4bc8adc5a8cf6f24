// `linli plan-deliveries --input instance.json`: the delivery-run planner on any compound, so that
// its plans can be checked outside the app. Bad input is a one-line message and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { planDeliveryRuns } from '../domain/parcels/index.ts';
import { BadInput, readJsonInput } from './json-input.ts';

const BAD_INPUT = 2;
const MAX_STOPS = 2000; // the distance matrix grows with the square of the stops

/** "missing", or what was expected and what came: the message of a wrong or absent field. */
const expecting =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'missing' : `must be ${expected}, got ${shown(issue.input)}`;
const shown = (value: unknown) => {
  const text = typeof value === 'number' ? String(value) : JSON.stringify(value); // Infinity, not null
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const metres = () => z.number({ error: expecting('a number of metres') });
const wholeNumber = (least: number) =>
  z
    .number({ error: expecting('a number') })
    .int({ error: expecting('a whole number') })
    .min(least, { error: expecting(least === 0 ? 'zero or more' : `${least} or more`) });

const ZInstance = z
  .object(
    {
      depot: z.object({ x: metres(), y: metres() }, { error: expecting('an object {"x": …, "y": …}') }),
      vehicleCapacity: wholeNumber(1),
      stops: z
        .array(
          z.object(
            {
              buildingId: z.string({ error: expecting('a text') }).min(1, { error: expecting('a text') }),
              x: metres(),
              y: metres(),
              parcels: wholeNumber(0),
            },
            { error: expecting('an object {"buildingId", "x", "y", "parcels"}') },
          ),
          { error: expecting('a list') },
        )
        .max(MAX_STOPS, `at most ${MAX_STOPS} stops`),
    },
    { error: expecting('an object {"depot", "vehicleCapacity", "stops"}') },
  )
  .superRefine((instance, ctx) => {
    const seen = new Set<string>();
    instance.stops.forEach((stop, i) => {
      if (stop.parcels > instance.vehicleCapacity)
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'parcels'],
          message: `building ${stop.buildingId} has ${stop.parcels} parcels, more than a vehicle carries (${instance.vehicleCapacity}); a stop is never split`,
        });
      if (seen.has(stop.buildingId))
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'buildingId'],
          message: `building ${stop.buildingId} is listed twice`,
        });
      seen.add(stop.buildingId);
    });
  });

const readInstance = (file: string) => readJsonInput(file, ZInstance);

/** Runs the command; returns the exit code. */
export function planDeliveries(args: string[], help: string): number {
  try {
    const { values } = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        input: { type: 'string', short: 'i' },
        iterations: { type: 'string' },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    if (!values.input) throw new BadInput("missing --input. Run 'linli plan-deliveries --help'.");
    const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
    if (iterations !== undefined && !(Number.isInteger(iterations) && iterations >= 0))
      throw new BadInput('--iterations must be a whole number');
    const instance = readInstance(values.input);
    const started = process.hrtime.bigint();
    const plan = planDeliveryRuns(instance, { iterations });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const output = {
      routes: plan.routes.map(({ stops, load, distance }) => ({ stops, load, distance })),
      totalDistance: plan.totalDistance,
      seconds: Math.round(seconds * 1000) / 1000,
    };
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (err) {
    const parseError = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (err instanceof BadInput || err instanceof RangeError || parseError) {
      process.stderr.write(`linli plan-deliveries: ${(err as Error).message}\n`);
      return BAD_INPUT;
    }
    throw err;
  }
}
