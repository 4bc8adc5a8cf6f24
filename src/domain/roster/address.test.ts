import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBuildingCode, parseRoom } from './address.ts';
import { toFullWidth } from './test-support.ts';

describe('parseBuildingCode', () => {
  it.each([
    ['12', '12'],
    [12, '12'],
    ['12号', '12'],
    ['12号楼', '12'],
    ['12栋', '12'],
    ['12幢', '12'],
    ['１２号楼', '12'],
    [' 12 ', '12'],
    ['第12栋', '12'],
    ['12#', '12'],
    ['12 号楼', '12'],
    ['012', '12'],
    ['12a', '12A'],
    ['12A号楼', '12A'],
    ['Bldg 12', '12'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseBuildingCode(input)).toBe(expected);
  });

  it.each([null, '', '楼', '十二号楼', '12-1203', 0, 12.5, '0号楼', true, '12号楼1203室'])(
    'refuses %j',
    (input) => {
      expect(parseBuildingCode(input)).toBeNull();
    },
  );

  it('reads any number with any decoration, full-width or padded', () => {
    const decorations = ['', '号', '号楼', '栋', '幢', '#', '座', '号栋'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(...decorations),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000', '  '),
        (n, decoration, ordinal, fullWidth, pad) => {
          let text = `${ordinal ? '第' : ''}${n}${decoration}`;
          if (fullWidth) text = toFullWidth(text);
          expect(parseBuildingCode(`${pad}${text}${pad}`)).toBe(String(n));
        },
      ),
    );
  });
});

describe('parseRoom', () => {
  it.each([
    ['1203', '1203'],
    [1203, '1203'],
    ['12-03', '1203'],
    ['1203室', '1203'],
    ['１２０３', '1203'],
    ['12－03', '1203'],
    ['12-3', '1203'],
    ['12—03', '1203'],
    ['2-1', '201'],
    ['12楼3室', '1203'],
    ['0101', '101'],
    [12.03, '1203'],
    [' 1203 室 ', '1203'],
    ['1203a', '1203A'],
    ['501号', '501'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseRoom(input)).toBe(expected);
  });

  it.each([null, '', '室', '2-1203', '12-1203', '0', '12-0', '一二零三', 123456, -5, '1203/1204'])(
    'refuses %j',
    (input) => {
      expect(parseRoom(input)).toBeNull();
    },
  );

  it('gives back a canonical room unchanged, as text or as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), (n) => {
        expect(parseRoom(String(n))).toBe(String(n));
        expect(parseRoom(n)).toBe(String(n));
        expect(parseRoom(parseRoom(String(n)))).toBe(String(n));
      }),
    );
  });

  it('joins any floor and unit written apart, padding the unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('-', '－', '—', '_', '.'),
        fc.boolean(),
        (floor, unit, dash, padUnit) => {
          const written = `${floor}${dash}${padUnit ? String(unit).padStart(2, '0') : unit}`;
          expect(parseRoom(written)).toBe(`${floor}${String(unit).padStart(2, '0')}`);
        },
      ),
    );
  });
});
