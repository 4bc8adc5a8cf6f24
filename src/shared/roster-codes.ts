// Codes of roster import problems. They live in shared (not in domain/roster) so that the
// messages in shared/i18n and the web can name them without importing the domain.

export const ROSTER_FIELDS = [
  'building',
  'room',
  'name',
  'sex',
  'birthYear',
  'age',
  'mobile',
  'registration',
  'flags',
  'note',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Problems of one row: the row is not imported (or, for DUPLICATE_MERGED, folded into another). */
export const ROSTER_PROBLEM_CODES = [
  'BUILDING_UNREADABLE',
  'ROOM_UNREADABLE',
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'MOBILE_UNREADABLE',
  'BIRTH_YEAR_UNREADABLE',
  'SEX_UNREADABLE',
  'VALUE_TOO_LONG',
  'DUPLICATE_MERGED',
  // site-plan positions (building,x,y)
  'POSITION_UNREADABLE',
  'BUILDING_NOT_FOUND',
] as const;
export type RosterProblemCode = (typeof ROSTER_PROBLEM_CODES)[number];

/** Problems of the whole file: nothing is imported. */
export const ROSTER_FILE_PROBLEMS = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_NOT_SPREADSHEET',
  'FILE_ENCRYPTED',
  'FILE_UNREADABLE',
  'NO_HEADER_ROW',
  'NO_VALID_ROWS',
] as const;
export type RosterFileProblem = (typeof ROSTER_FILE_PROBLEMS)[number];

export const ROSTER_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Longest text accepted in any imported cell, and in a name. */
export const ROSTER_CELL_MAX_LENGTH = 200;
export const ROSTER_NAME_MAX_LENGTH = 50;
