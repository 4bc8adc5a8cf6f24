export { parseBuildingCode, parseRoom } from './address.ts';
export { parseBirthYear } from './birth-year.ts';
export { parseFlags } from './flags.ts';
export { parseRoster } from './parse-roster.ts';
export { parseMobile, parseSex } from './person.ts';
export { toHalfWidth } from './text.ts';
export type {
  CellValue,
  ParsedRoster,
  RosterField,
  RosterFileProblem,
  RosterProblemCode,
  RosterRecord,
  RowProblem,
} from './types.ts';
export { RosterFileError } from './types.ts';
