import type { CellValue } from './types.ts';

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Full-width ASCII (１２０３, ＡＢ, －, （）) and the ideographic space → plain ASCII.
 * Chinese input methods produce these; only this block is mapped (not full NFKC) so that
 * nothing else in a name or note changes, and a second pass changes nothing.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST)
      out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += ch;
  }
  return out;
}

// Zero-width characters and BOMs survive copy-paste from web pages and WeChat.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** A date cell as text, by its calendar date: readers create dates at UTC midnight. */
export const dateText = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));

/** Any cell as half-width text with whitespace runs collapsed and trimmed; '' for an empty cell. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v !== 'string') return String(v);
  return toHalfWidth(v).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The offending value as shown back to the user: long enough to find, short enough to read. */
export const excerpt = (text: string, max = 40) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

const HAN = '\\p{Script=Han}';
const SPACED_HAN_NAME = new RegExp(`^${HAN}+( ${HAN}+)+$`, 'u');

/**
 * Names as people typed them. Two-character Chinese names are often padded to line up
 * with three-character ones (张　三); the space is not part of the name, so it is removed
 * when the name is all Han characters. Latin names keep their single spaces.
 */
export function normalizeName(v: CellValue): string {
  const text = cellText(v);
  return SPACED_HAN_NAME.test(text) ? text.replace(/ /g, '') : text;
}
