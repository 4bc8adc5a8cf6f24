import { VULNERABILITY_FLAGS } from '../../shared/registry.ts';
import { NOTE_SEPARATOR } from './row.ts';
import type { RosterRecord, RowProblem } from './types.ts';

/**
 * The same person listed twice (same building, room and name) becomes one record at the
 * first row. Later rows only fill what the first left blank, except flags and notes, which
 * add up so that no need written down anywhere is lost.
 */
export function mergeDuplicates(candidates: readonly RosterRecord[]): {
  records: RosterRecord[];
  merged: RowProblem[];
} {
  const firstByKey = new Map<string, RosterRecord>();
  const records: RosterRecord[] = [];
  const merged: RowProblem[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.building}\u0000${candidate.room}\u0000${candidate.name}`;
    const first = firstByKey.get(key);
    if (!first) {
      const copy = { ...candidate, flags: [...candidate.flags] };
      firstByKey.set(key, copy);
      records.push(copy);
      continue;
    }
    first.sex ??= candidate.sex;
    first.birthYear ??= candidate.birthYear;
    first.mobile ??= candidate.mobile;
    first.flags = VULNERABILITY_FLAGS.filter((f) => first.flags.includes(f) || candidate.flags.includes(f));
    first.note = mergeNotes(first.note, candidate.note);
    const { row, building, room, name } = candidate;
    merged.push({ row, code: 'DUPLICATE_MERGED', params: { row, intoRow: first.row, building, room, name } });
  }
  return { records, merged };
}

function mergeNotes(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const parts = a.split(NOTE_SEPARATOR);
  for (const part of b.split(NOTE_SEPARATOR)) if (!parts.includes(part)) parts.push(part);
  return parts.join(NOTE_SEPARATOR);
}
