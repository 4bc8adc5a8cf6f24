// `linli simulate-round --input round.json`: the testing-round simulator on any compound, so that a
// leader can try lanes, gates and policies before a round. Bad input is one line and exit code 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { core } from 'zod';
import { simulateRound } from '../domain/testing/index.ts';
import { ZRoundSimulationInput } from '../shared/api/round-simulation.ts';

const BAD_INPUT = 2;

class BadInput extends Error {}

/** `buildings[3].walkSeconds: must be a number of seconds, got "3"` (and how many more problems). */
function describeIssues(issues: core.$ZodIssue[]): string {
  const issue = issues[0]!;
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${path ? `${path}: ` : ''}${issue.message}${more}`;
}

function readRound(file: string) {
  const name = file === '-' ? 'stdin' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new BadInput(`cannot read ${name}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BadInput(`${name} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ZRoundSimulationInput.safeParse(json);
  if (!parsed.success) throw new BadInput(`${name}: ${describeIssues(parsed.error.issues)}`);
  const { notes: _notes, ...input } = parsed.data;
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
