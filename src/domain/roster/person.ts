import { cellText } from './text.ts';
import type { CellValue } from './types.ts';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// What people put between digit groups, and around the country code: (+86) 138-1234-5678.
const DIGIT_GROUPING = /[\s\-–—.()]/g;

/**
 * An 11-digit mainland mobile, with any grouping and country prefix (+86, 0086, 86) removed.
 * Landlines, masked numbers (138****5678) and two numbers in one cell are 'invalid': they
 * cannot be called or texted reliably, and the message asks to move them to the note.
 */
export function parseMobile(v: CellValue): string | null | 'invalid' {
  if (typeof v === 'number') return parseMobile(Number.isInteger(v) ? String(v) : 'x');
  const text = cellText(v);
  if (text === '') return null;
  const digits = text.replace(DIGIT_GROUPING, '').replace(/^(?:\+86|0086|86)(?=\d{11}$)/, '');
  return MAINLAND_MOBILE.test(digits) ? digits : 'invalid';
}

const SEX_WORDS: Record<string, 'M' | 'F'> = {
  男: 'M',
  男性: 'M',
  男士: 'M',
  m: 'M',
  male: 'M',
  女: 'F',
  女性: 'F',
  女士: 'F',
  f: 'F',
  female: 'F',
};

export function parseSex(v: CellValue): 'M' | 'F' | null | 'invalid' {
  const text = cellText(v).replace(/ /g, '').toLowerCase();
  if (text === '') return null;
  return SEX_WORDS[text] ?? 'invalid';
}
