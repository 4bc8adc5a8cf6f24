import type { CellValue } from './types.ts';

const CANDIDATE_DELIMITERS = [',', '\t', ';'] as const;

/**
 * Comma for CSV, tab for Excel's "Unicode text", semicolon for CSV from European Excel:
 * whichever appears most in the first lines (outside quotes, roughly) wins.
 */
export function detectDelimiter(text: string): string {
  const head = text
    .split(/\r\n|\n|\r/, 20)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const count = head.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

// Excel writes ="0101" to keep a number as text (leading zeros, long phone numbers).
const FORCED_TEXT = /^="(.*)"$/s;

function finishField(raw: string): CellValue {
  const text = FORCED_TEXT.exec(raw)?.[1] ?? raw;
  return text === '' ? null : text;
}

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks; lines end
 * in CRLF, LF or CR. A stray quote inside an unquoted field is kept as text rather than
 * failing the file. Each record is one row, so row numbers match what Excel shows.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  const endField = () => {
    row.push(finishField(field));
    field = '';
    fieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row.length === 1 && row[0] === null ? [] : row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  // A final line without a line break is still a row; a final line break adds none.
  if (field !== '' || row.length > 0 || quoted) endRow();
  return rows;
}
