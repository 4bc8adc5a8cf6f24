// Reading a command's JSON input file (or stdin) against a zod schema, for the CLI's planning and
// simulation commands: one readable line for the first problem, which the command prints before exit 2.
import { readFileSync } from 'node:fs';
import type { core, z } from 'zod';

/** Bad input: the command prints the message on stderr and exits with code 2. */
export class BadInput extends Error {}

/** `stops[3].x: must be a number of metres, got "3"` for the first problem (and how many more). */
export function describeIssues(issues: core.$ZodIssue[]): string {
  const issue = issues[0]!;
  const path = issue.path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${path ? `${path}: ` : ''}${issue.message}${more}`;
}

/** The file ('-' for stdin) read, parsed as JSON and checked by the schema; BadInput otherwise. */
export function readJsonInput<S extends z.ZodType>(file: string, schema: S): z.output<S> {
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
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BadInput(`${name}: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}
