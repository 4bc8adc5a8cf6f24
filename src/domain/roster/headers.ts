import type { RosterField } from '../../shared/roster-codes.ts';
import { cellText } from './text.ts';
import type { CellValue } from './types.ts';

/** How many rows from the top may hold titles and notes before the header. */
export const HEADER_SCAN_ROWS = 20;
export const REQUIRED_FIELDS: readonly RosterField[] = ['building', 'room', 'name'];

// Keys are compared after normalizeHeader. Order inside a field does not matter.
const ALIASES: Record<RosterField, readonly string[]> = {
  building: ['楼号', '楼栋', '楼', '幢', '栋', '楼栋号', '楼幢', '幢号', '栋号', 'building', 'bldg'],
  room: ['室号', '房号', '房间', '门牌', '房间号', '门牌号', '室', 'room', 'roomno', 'roomnumber'],
  name: ['姓名', '名字', '居民姓名', 'name', 'fullname'],
  sex: ['性别', 'sex', 'gender'],
  birthYear: [
    '出生年份',
    '出生年月',
    '出生日期',
    '出生年',
    '生日',
    'birthyear',
    'birth',
    'dateofbirth',
    'dob',
  ],
  age: ['年龄', 'age'],
  mobile: [
    '联系电话',
    '联系方式',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    'mobile',
    'phone',
    'tel',
    'telephone',
  ],
  registration: ['户籍', '人户分离', '户籍情况', '户籍地', 'registration'],
  flags: ['特殊人群', '重点人群', '人群类别', '特殊情况', 'flags'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'],
};

// Words long enough to be recognised inside a longer header (联系电话（本人）, 户主姓名);
// short ones (楼, age) would match far too much (楼长姓名, language).
const CONTAINED_MIN_LENGTH = { han: 2, latin: 5 };

/** Header text compared loosely: half-width, lower case, no spaces, required-marks or (notes). */
export function normalizeHeader(v: CellValue): string {
  return cellText(v)
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:_.#]/g, '');
}

/** 2 for an exact alias, 1 for an alias inside the header, 0 for no match. */
function matchScore(header: string, alias: string): number {
  if (header === alias) return 2;
  const isLatin = /^[a-z]+$/.test(alias);
  const minLength = isLatin ? CONTAINED_MIN_LENGTH.latin : CONTAINED_MIN_LENGTH.han;
  return alias.length >= minLength && header.includes(alias) ? 1 : 0;
}

export interface HeaderMatch {
  row: number;
  /** column index (0-based) → field */
  fields: Map<number, RosterField>;
}

/** Each field goes to the column that names it best; on a tie, the leftmost. */
export function matchHeaderRow(cells: readonly CellValue[], row: number): HeaderMatch {
  const best = new Map<RosterField, { column: number; score: number }>();
  cells.forEach((cell, column) => {
    const header = normalizeHeader(cell);
    if (header === '') return;
    for (const [field, aliases] of Object.entries(ALIASES) as [RosterField, readonly string[]][]) {
      const score = Math.max(...aliases.map((alias) => matchScore(header, alias)));
      if (score > (best.get(field)?.score ?? 0)) best.set(field, { column, score });
    }
  });
  const byColumn = new Map<number, { field: RosterField; score: number }>();
  for (const [field, { column, score }] of best) {
    // One column names one field: 出生年月 should not also count as something else.
    const taken = byColumn.get(column);
    if (!taken || score > taken.score) byColumn.set(column, { field, score });
  }
  const fields = new Map(
    [...byColumn].sort(([a], [b]) => a - b).map(([column, { field }]) => [column, field]),
  );
  return { row, fields };
}

export const missingRequired = (match: HeaderMatch) =>
  REQUIRED_FIELDS.filter((field) => ![...match.fields.values()].includes(field));

/**
 * The header is the row among the first HEADER_SCAN_ROWS that names the most fields and names
 * all required ones. Titles above it (小区居民花名册) name at most one and are passed over.
 * Returns the best row even if incomplete, so that the caller can say what is missing.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const score = (m: HeaderMatch) => (missingRequired(m).length === 0 ? 100 : 0) + m.fields.size;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, index) => {
    const match = matchHeaderRow(cells, index + 1);
    if (match.fields.size > 0 && (!best || score(match) > score(best))) best = match;
  });
  return best;
}
