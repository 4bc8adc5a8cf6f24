import { parseCsv } from './roster/csv.ts';
import type { RowProblem } from './roster/index.ts';
import { parseBuildingCode, toHalfWidth } from './roster/index.ts';

export interface PositionRow {
  row: number;
  building: string;
  x: number;
  y: number;
}

const LIMIT = 10_000;

function metres(value: unknown): number | null {
  const text = toHalfWidth(String(value ?? ''))
    .trim()
    .replace(/m$|米$/i, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Math.abs(n) <= LIMIT ? n : null;
}

/** Reads a CSV of `building,x,y` (a header row is optional); the last line for a building wins. */
export function parsePositions(csvText: string): { positions: PositionRow[]; rejected: RowProblem[] } {
  const rows = parseCsv(csvText.replace(/^\uFEFF/, ''));
  const byBuilding = new Map<string, PositionRow>();
  const rejected: RowProblem[] = [];
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const [b, x, y] = cells;
    const building = parseBuildingCode(b ?? null);
    const px = metres(x);
    const py = metres(y);
    if (index === 0 && (building === null || px === null)) return; // a header row
    if (building === null) {
      rejected.push({
        row,
        code: 'BUILDING_UNREADABLE',
        params: { row, value: String(b ?? '').slice(0, 40) },
      });
    } else if (px === null || py === null) {
      rejected.push({
        row,
        code: 'POSITION_UNREADABLE',
        params: { row, value: `${x ?? ''},${y ?? ''}`.slice(0, 40) },
      });
    } else {
      byBuilding.set(building, { row, building, x: px, y: py });
    }
  });
  return { positions: [...byBuilding.values()], rejected };
}
