import type { CellValue } from '../../../domain/roster/index.ts';

/** The columns of a courier sheet we read; anything else on the sheet is ignored. */
export type SheetColumn = 'waybill' | 'building' | 'room' | 'phoneTail';

/** Header words couriers and committees use, compared without spaces, case or punctuation. */
const HEADER_WORDS: Record<SheetColumn, readonly string[]> = {
  waybill: [
    '运单号',
    '运单编号',
    '快递单号',
    '单号',
    'waybill',
    'waybillno',
    'waybillnumber',
    'trackingnumber',
  ],
  building: ['楼栋', '楼号', '楼栋号', '栋', 'building', 'buildingno', 'buildingcode'],
  room: ['房号', '房间号', '室号', '门牌号', 'room', 'roomno'],
  phoneTail: ['手机尾号', '电话尾号', '尾号', '手机后四位', 'phonetail', 'phonelast4', 'tail'],
};

/** Couriers put a title or a date above the header: look for it in the first rows only. */
const HEADER_SEARCH_ROWS = 10;

export interface SheetRow {
  /** the row number as the spreadsheet shows it (1-based) */
  line: number;
  waybill: string | null;
  building: string | null;
  room: string | null;
  phoneTail: string | null;
}

const headerKey = (cell: CellValue) =>
  typeof cell === 'string' ? cell.toLowerCase().replace(/[\s_\-.:：()（）#]/g, '') : '';

/** The column of each field in a header row, or null when the row has no waybill column. */
function columnsOf(row: readonly CellValue[]): Partial<Record<SheetColumn, number>> | null {
  const columns: Partial<Record<SheetColumn, number>> = {};
  row.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const [column, words] of Object.entries(HEADER_WORDS) as [SheetColumn, readonly string[]][]) {
      if (columns[column] === undefined && words.includes(key)) columns[column] = index;
    }
  });
  return columns.waybill === undefined ? null : columns;
}

/** A cell as text. Numbers come from Excel, which stores long waybills and "0123" tails as numbers. */
function text(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Excel turns the tail "0123" into the number 123; put the zeros back. */
function phoneTailText(cell: CellValue | undefined): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 10_000)
    return String(cell).padStart(4, '0');
  return text(cell);
}

/**
 * The parcel rows of a courier sheet: the header is the first of the top rows naming a waybill
 * column; blank rows below it are skipped. Null when no header is found.
 */
export function readParcelSheet(rows: readonly CellValue[][]): SheetRow[] | null {
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => columnsOf(row) !== null);
  if (headerIndex < 0) return null;
  const columns = columnsOf(rows[headerIndex]!)!;
  const cell = (row: readonly CellValue[], column: SheetColumn) =>
    columns[column] === undefined ? undefined : row[columns[column]];
  const parcels: SheetRow[] = [];
  rows.slice(headerIndex + 1).forEach((row, offset) => {
    const parcel = {
      line: headerIndex + offset + 2,
      waybill: text(cell(row, 'waybill')),
      building: text(cell(row, 'building')),
      room: text(cell(row, 'room')),
      phoneTail: phoneTailText(cell(row, 'phoneTail')),
    };
    if (parcel.waybill || parcel.building || parcel.room || parcel.phoneTail) parcels.push(parcel);
  });
  return parcels;
}
