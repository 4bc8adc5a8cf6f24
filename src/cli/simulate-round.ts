// `linli simulate-round --input round.json`: the testing-round simulator on any compound, so that a
// leader can try lanes, gates and policies before a round. Bad input is one line and exit code 2.
import { parseArgs } from 'node:util';
import { simulateRound } from '../domain/testing/index.ts';
import { ZRoundSimulationInput } from '../shared/api/round-simulation.ts';
import { BadInput, readJsonInput } from './json-input.ts';

const BAD_INPUT = 2;

function readRound(file: string) {
  const { notes: _notes, ...input } = readJsonInput(file, ZRoundSimulationInput);
  return input;
}

/** Runs the command; returns the exit code. */
export function simulateRoundCommand(args: string[], help: string): number {
  try {
    const { values } = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        input: { type: 'string', short: 'i' },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    if (!values.input) throw new BadInput("missing --input. Run 'linli simulate-round --help'.");
    const result = simulateRound(readRound(values.input));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    const parseError = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (err instanceof BadInput || parseError) {
      process.stderr.write(`linli simulate-round: ${(err as Error).message}\n`);
      return BAD_INPUT;
    }
    throw err;
  }
}
