import type { VulnerabilityFlag } from '../../shared/registry.ts';
import type { RosterField, RosterFileProblem, RosterProblemCode } from '../../shared/roster-codes.ts';

export type { RosterField, RosterFileProblem, RosterProblemCode };

/** A cell as the file reader hands it over: formulas already replaced by their cached result. */
export type CellValue = string | number | boolean | Date | null;

export interface RosterRecord {
  /** 1-based row number in the sheet as the user sees it in Excel */
  row: number;
  /** canonical code, e.g. '12' */
  building: string;
  /** canonical, e.g. '1203' */
  room: string;
  name: string;
  sex: 'M' | 'F' | null;
  birthYear: number | null;
  /** canonical 11-digit mainland mobile, e.g. '13812345678' */
  mobile: string | null;
  flags: VulnerabilityFlag[];
  /** unrecognised flag words, the registration column, the 备注 column, joined with '；' */
  note: string | null;
}

/** params always carry `row` too, so a message can be rendered from params alone. */
export interface RowProblem {
  row: number;
  code: RosterProblemCode;
  params: Record<string, string | number>;
}

export interface ParsedRoster {
  /** 1-based */
  headerRow: number;
  /** recognised columns, in sheet order */
  columns: { header: string; field: RosterField }[];
  /** accepted rows, duplicates already merged */
  records: RosterRecord[];
  /** rows not imported: one entry per row, with the first problem found */
  rejected: RowProblem[];
  /** code DUPLICATE_MERGED, params { intoRow } */
  merged: RowProblem[];
  /** which fields the sheet has: an absent column must not erase stored data */
  fieldsPresent: RosterField[];
}

export class RosterFileError extends Error {
  constructor(
    readonly code: RosterFileProblem,
    readonly params: Record<string, string | number> = {},
    /** for NO_VALID_ROWS: why each row was refused, since no ParsedRoster is returned */
    readonly problems: readonly RowProblem[] = [],
  ) {
    super(`${code}${Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'RosterFileError';
  }
}
