import { cellText } from './text.ts';
import type { CellValue } from './types.ts';

// 12号楼, 第12栋, 12幢, 12#, 12座, Bldg 12, No.12: decorations around the number only.
const BUILDING = /^(?:第|no\.?|bldg\.?|building)?(\d{1,4})([a-z])?(?:号楼|号栋|号幢|#楼|号|楼|栋|幢|座|#)?$/i;

/** A building as its canonical code: digits without leading zeros, plus an optional letter (12A). */
export function parseBuildingCode(v: CellValue): string | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 9999 ? String(v) : null;
  const match = BUILDING.exec(cellText(v).replace(/ /g, ''));
  if (!match) return null;
  const number = Number(match[1]);
  if (number === 0) return null;
  return `${number}${(match[2] ?? '').toUpperCase()}`;
}

// Dashes people type between floor and unit: ASCII, full-width (already mapped), en/em dash, underscore, dot.
const FLOOR_UNIT = /^(\d{1,2})\s*[-–—_.楼层]\s*(\d{1,2})(?:室|号|房)?$/;
const PLAIN_ROOM = /^(\d{1,5})([a-z])?(?:室|号|房|号房)?$/i;

/**
 * A room as its canonical number, e.g. '1203'. Floor and unit written apart (12-03, 12-3,
 * 12楼3室) are joined with the unit padded to two digits, because that is how the doors are
 * numbered; leading zeros (0101) are dropped so that a text cell and a number cell agree.
 * Anything with more structure (2-1203: unit and room? building and room?) is refused
 * rather than guessed.
 */
export function parseRoom(v: CellValue): string | null {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v >= 1 && v <= 99999 ? String(v) : null;
    // Excel turns a typed 12.03 into the number 12.03.
    return parseRoom(String(v));
  }
  const text = cellText(v).replace(/ /g, '');
  const floorUnit = FLOOR_UNIT.exec(text);
  if (floorUnit) {
    const floor = Number(floorUnit[1]);
    const unit = Number(floorUnit[2]);
    return floor >= 1 && unit >= 1 ? `${floor}${String(unit).padStart(2, '0')}` : null;
  }
  const plain = PLAIN_ROOM.exec(text);
  if (!plain) return null;
  const number = Number(plain[1]);
  return number >= 1 ? `${number}${(plain[2] ?? '').toUpperCase()}` : null;
}
