import type { RosterField, RosterProblemCode } from '../../shared/roster-codes.ts';
import { ROSTER_CELL_MAX_LENGTH, ROSTER_NAME_MAX_LENGTH } from '../../shared/roster-codes.ts';
import { parseBuildingCode, parseRoom } from './address.ts';
import { parseBirthYear } from './birth-year.ts';
import { parseFlags } from './flags.ts';
import { parseMobile, parseSex } from './person.ts';
import { cellText, excerpt, normalizeName } from './text.ts';
import type { CellValue, RosterRecord, RowProblem } from './types.ts';

export interface RosterColumn {
  index: number;
  header: string;
  field: RosterField;
}

export type RowResult = { record: RosterRecord } | { problem: RowProblem };

export const NOTE_SEPARATOR = '；';

/** Reads one data row; the first problem found refuses the whole row. */
export function readRow(
  cells: readonly CellValue[],
  row: number,
  columns: readonly RosterColumn[],
  referenceYear: number,
): RowResult {
  const column = (field: RosterField) => columns.find((c) => c.field === field);
  const cell = (field: RosterField): CellValue => {
    const c = column(field);
    return c ? (cells[c.index] ?? null) : null;
  };
  const problem = (code: RosterProblemCode, params: Record<string, string | number> = {}): RowResult => ({
    problem: { row, code, params: { row, ...params } },
  });
  const shown = (field: RosterField) => excerpt(cellText(cell(field)));

  for (const c of columns) {
    const text = cellText(cells[c.index] ?? null);
    if ([...text].length > ROSTER_CELL_MAX_LENGTH) {
      return problem('VALUE_TOO_LONG', {
        column: c.header,
        value: excerpt(text),
        limit: ROSTER_CELL_MAX_LENGTH,
      });
    }
  }
  const building = parseBuildingCode(cell('building'));
  if (building === null) return problem('BUILDING_UNREADABLE', { value: shown('building') });
  const room = parseRoom(cell('room'));
  if (room === null) return problem('ROOM_UNREADABLE', { value: shown('room') });
  const name = normalizeName(cell('name'));
  if (name === '') return problem('NAME_MISSING');
  if ([...name].length > ROSTER_NAME_MAX_LENGTH) {
    return problem('NAME_TOO_LONG', { value: excerpt(name), limit: ROSTER_NAME_MAX_LENGTH });
  }
  const sex = parseSex(cell('sex'));
  if (sex === 'invalid') return problem('SEX_UNREADABLE', { value: shown('sex') });

  // A birth column is more precise than an age; the age only fills in where it is blank or unreadable.
  const fromBirth = parseBirthYear(cell('birthYear'), 'birthYear', referenceYear);
  const fromAge = parseBirthYear(cell('age'), 'age', referenceYear);
  const birthYear = typeof fromBirth === 'number' ? fromBirth : typeof fromAge === 'number' ? fromAge : null;
  if (birthYear === null && (fromBirth === 'invalid' || fromAge === 'invalid')) {
    const field = fromBirth === 'invalid' ? 'birthYear' : 'age';
    return problem('BIRTH_YEAR_UNREADABLE', { value: shown(field), column: column(field)!.header });
  }

  const mobile = parseMobile(cell('mobile'));
  if (mobile === 'invalid') return problem('MOBILE_UNREADABLE', { value: shown('mobile') });

  const { flags, unknown } = parseFlags(cell('flags'));
  const noteParts = [unknown.join('、'), registrationNote(column('registration'), cell('registration'))];
  noteParts.push(cellText(cell('note')));
  const note = noteParts.filter((part) => part !== '').join(NOTE_SEPARATOR);
  return {
    record: { row, building, room, name, sex, birthYear, mobile, flags, note: note === '' ? null : note },
  };
}

// A tick column (人户分离: 是/否) says nothing in its own words: a yes becomes the header's
// words and a no becomes nothing, while written-out text (人户分离, 外省户籍) is kept as it is.
const YES = new Set(['是', '有', 'y', 'yes', '√', '✓', '1']);
const NO = new Set(['否', '无', '不是', 'n', 'no', '×', '0', '-']);

function registrationNote(column: RosterColumn | undefined, value: CellValue): string {
  const text = cellText(value);
  if (NO.has(text.toLowerCase())) return '';
  return column && YES.has(text.toLowerCase()) ? column.header : text;
}
