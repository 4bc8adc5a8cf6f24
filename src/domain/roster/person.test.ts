import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMobile, parseSex } from './person.ts';
import { toFullWidth } from './test-support.ts';

describe('parseMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['(+86) 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    [8613812345678, '13812345678'],
    ['008613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseMobile(input)).toBe(expected);
  });

  it.each([null, '', '  '])('treats %j as no phone', (input) => {
    expect(parseMobile(input)).toBeNull();
  });

  it.each([
    '021-12345678',
    '138****5678',
    '1381234567',
    '23812345678',
    '13812345678/13987654321',
    '无',
    '1.38123E+10',
    12345,
    true,
  ])('refuses %j', (input) => {
    expect(parseMobile(input)).toBe('invalid');
  });

  it('reads back any mobile written with spaces, dashes, a country code or full-width digits', () => {
    const mobile = fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    const gap = fc.constantFrom('', ' ', '-', '  ', ' - ');
    fc.assert(
      fc.property(
        mobile,
        fc.array(gap, { minLength: 11, maxLength: 11 }),
        fc.constantFrom('', '+86', '+86 ', '86', '0086 ', '(+86)'),
        fc.boolean(),
        (number, gaps, prefix, fullWidth) => {
          const written = prefix + [...number].map((digit, i) => digit + gaps[i]).join('');
          expect(parseMobile(fullWidth ? toFullWidth(written) : written)).toBe(number);
        },
      ),
    );
  });
});

describe('parseSex', () => {
  it.each([
    ['男', 'M'],
    ['女', 'F'],
    ['M', 'M'],
    ['f', 'F'],
    ['Male', 'M'],
    ['FEMALE', 'F'],
    ['男性', 'M'],
    ['女性', 'F'],
    [' 女 ', 'F'],
    ['Ｍ', 'M'],
  ])('reads %j as %j', (input, expected) => {
    expect(parseSex(input)).toBe(expected);
  });

  it('treats an empty cell as unknown and anything else as unreadable', () => {
    expect(parseSex(null)).toBeNull();
    expect(parseSex('')).toBeNull();
    expect(parseSex('男女')).toBe('invalid');
    expect(parseSex(1)).toBe('invalid');
  });
});
