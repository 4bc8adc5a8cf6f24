import type { RosterField } from '../../shared/roster-codes.ts';
import { findHeaderRow, missingRequired, normalizeHeader, REQUIRED_FIELDS } from './headers.ts';
import { mergeDuplicates } from './merge.ts';
import { type RosterColumn, readRow } from './row.ts';
import { cellText } from './text.ts';
import {
  type CellValue,
  type ParsedRoster,
  RosterFileError,
  type RosterRecord,
  type RowProblem,
} from './types.ts';

/**
 * Turns the cells of a roster sheet into residents. Titles above the header, blank rows and
 * columns that name nothing known are passed over; each row that cannot be read is refused
 * with its row number and reason, so that staff can fix the sheet and import again.
 * Throws NO_HEADER_ROW, or NO_VALID_ROWS when no row at all can be imported.
 */
export function parseRoster(rows: CellValue[][], options: { referenceYear: number }): ParsedRoster {
  const header = findHeaderRow(rows);
  const missing = header ? missingRequired(header) : REQUIRED_FIELDS;
  if (!header || missing.length > 0)
    throw new RosterFileError('NO_HEADER_ROW', { missing: missing.join(',') });

  const headerCells = rows[header.row - 1] ?? [];
  const columns: RosterColumn[] = [...header.fields].map(([index, field]) => ({
    index,
    field,
    header: cellText(headerCells[index] ?? null),
  }));
  const repeatsHeader = (cells: readonly CellValue[]) =>
    columns.every(
      (c) => normalizeHeader(cells[c.index] ?? null) === normalizeHeader(headerCells[c.index] ?? null),
    );

  const candidates: RosterRecord[] = [];
  const rejected: RowProblem[] = [];
  rows.slice(header.row).forEach((cells, offset) => {
    // Templates often number rows in advance (序号 1..200) with nothing else filled in.
    if (columns.every((c) => cellText(cells[c.index] ?? null) === '')) return;
    // Sheets printed per building repeat the header above each block.
    if (repeatsHeader(cells)) return;
    const result = readRow(cells, header.row + offset + 1, columns, options.referenceYear);
    if ('record' in result) candidates.push(result.record);
    else rejected.push(result.problem);
  });

  const { records, merged } = mergeDuplicates(candidates);
  if (records.length === 0)
    throw new RosterFileError('NO_VALID_ROWS', { rejected: rejected.length }, rejected);
  const fieldsPresent: RosterField[] = columns.map((c) => c.field);
  return {
    headerRow: header.row,
    columns: columns.map(({ header, field }) => ({ header, field })),
    records,
    rejected,
    merged,
    fieldsPresent,
  };
}
