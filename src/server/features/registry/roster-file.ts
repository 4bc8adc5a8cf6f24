import ExcelJS from 'exceljs';
import { parseCsv } from '../../../domain/roster/csv.ts';
import { type CellValue, RosterFileError } from '../../../domain/roster/index.ts';
import { ROSTER_FILE_MAX_BYTES } from '../../../shared/roster-codes.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary: legacy .xls, and also any password-protected .xlsx (Office wraps
// the encrypted package in one), so both get the same advice.
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// A zip holding a workbook names this part in its (uncompressed) directory.
const WORKBOOK_PART = Buffer.from('xl/workbook');
const MB = 1024 * 1024;

/**
 * The cells of the first sheet with data in an uploaded roster, row by row from row 1, so that
 * indices match Excel's row numbers. The type is told by content, since people rename files
 * freely and WPS saves under odd names. Throws RosterFileError for anything unusable.
 */
export async function readRosterFile(data: Buffer, fileName: string): Promise<CellValue[][]> {
  if (data.length === 0) throw new RosterFileError('FILE_EMPTY', { fileName });
  if (data.length > ROSTER_FILE_MAX_BYTES) {
    throw new RosterFileError('FILE_TOO_LARGE', {
      fileName,
      limitMb: ROSTER_FILE_MAX_BYTES / MB,
      sizeMb: Math.ceil(data.length / MB),
    });
  }
  if (startsWith(data, CFB_MAGIC)) throw new RosterFileError('FILE_ENCRYPTED', { fileName });
  if (startsWith(data, ZIP_MAGIC)) {
    // .docx, .ods and zipped photos are zips too.
    if (!data.includes(WORKBOOK_PART)) throw new RosterFileError('FILE_NOT_SPREADSHEET', { fileName });
    return readXlsx(data, fileName);
  }
  const text = decodeText(data);
  if (text === null) throw new RosterFileError('FILE_NOT_SPREADSHEET', { fileName });
  return trimRows(parseCsv(text));
}

const startsWith = (data: Buffer, magic: Buffer) => data.subarray(0, magic.length).equals(magic);

/**
 * Text as Excel and WPS save it: UTF-16 with a BOM ("Unicode text"), UTF-8 with or without a
 * BOM, or, from Chinese Windows, GBK (read as its superset GB18030). Null for binary content.
 */
function decodeText(data: Buffer): string | null {
  let text: string;
  if (data[0] === 0xff && data[1] === 0xfe) text = new TextDecoder('utf-16le').decode(data);
  else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be').decode(data);
  else {
    // TextDecoder drops a UTF-8 BOM by itself.
    text = new TextDecoder('utf-8').decode(data);
    if (text.includes('\ufffd')) text = new TextDecoder('gb18030').decode(data);
  }
  return looksLikeText(text) ? text : null;
}

function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 8192);
  // PDF, HTML and XML (some systems save an HTML table as .xls) are text, but not a table we can read.
  if (/^\s*(%PDF|<)/.test(sample)) return false;
  let strange = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return false;
    // Tab, line breaks and form feed occur in text; other control codes and undecodable bytes do not.
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0xfffd) strange++;
  }
  return strange <= sample.length / 100;
}

async function readXlsx(data: Buffer, fileName: string): Promise<CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global Buffer (an ArrayBuffer), which Node's generic Buffer does not match.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new RosterFileError('FILE_UNREADABLE', { fileName });
  }
  // Staff hide old sheets rather than delete them: a visible sheet is the one they mean.
  const sheets = [...workbook.worksheets].sort(
    (a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'),
  );
  for (const sheet of sheets) {
    const rows = trimRows(readSheet(sheet));
    if (rows.length > 0) return rows;
  }
  return [];
}

function readSheet(sheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range keeps its value on the master cell only; the others read as empty
      // (exceljs would repeat the master's value, which would invent data in every row of a merge).
      cells[columnNumber - 1] = cell.type === ExcelJS.ValueType.Merge ? null : toCellValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  return Array.from(rows, (row) => row ?? []);
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // Formulas: the result Excel cached when the file was saved; we never recalculate.
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result ?? null);
  if ('hyperlink' in value) return toCellValue(value.text as ExcelJS.CellValue);
  return null;
}

const isEmpty = (cell: CellValue) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Drops trailing empty cells of each row and trailing empty rows. */
function trimRows(rows: CellValue[][]): CellValue[][] {
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && isEmpty(row[end - 1] ?? null)) end--;
    return end === row.length ? row : row.slice(0, end);
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
  return trimmed;
}
