import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBirthYear } from './birth-year.ts';

const REFERENCE_YEAR = 2022;
const birth = (v: Parameters<typeof parseBirthYear>[0]) => parseBirthYear(v, 'birthYear', REFERENCE_YEAR);
const age = (v: Parameters<typeof parseBirthYear>[0]) => parseBirthYear(v, 'age', REFERENCE_YEAR);

describe('parseBirthYear from a birth column', () => {
  it.each([
    [1956, 1956],
    ['1956', 1956],
    ['1956年', 1956],
    ['1956-03', 1956],
    ['1956.3', 1956],
    [1956.03, 1956],
    ['1956/03/12', 1956],
    ['1956年3月', 1956],
    ['1956年03月12日', 1956],
    ['1956 年 3 月', 1956],
    ['1956-03-12 00:00:00', 1956],
    ['１９５６年', 1956],
    ['3/12/1956', 1956],
    ['19560312', 1956],
    [19560312, 1956],
    [195603, 1956],
    [new Date(Date.UTC(1956, 2, 12)), 1956],
    [20525, 1956],
    ['20525', 1956],
    ['66岁', 1956],
  ])('reads %j as %j', (input, expected) => {
    expect(birth(input)).toBe(expected);
  });

  it('reads an Excel serial number as the year of that date', () => {
    // 1 Jan 1956 is serial 20455; 31 Dec 1956 is 20820.
    expect(birth(20455)).toBe(1956);
    expect(birth(20820)).toBe(1956);
    expect(birth(20821)).toBe(1957);
  });

  it.each([null, '', ' '])('treats %j as unknown', (input) => {
    expect(birth(input)).toBeNull();
  });

  it.each([
    '56',
    70,
    1899,
    2023,
    '2050',
    '1956-13',
    '1956年13月',
    '不详',
    true,
    'abc1956',
    '1956-03-40',
    5000,
  ])('refuses %j', (input) => {
    expect(birth(input)).toBe('invalid');
  });

  it('keeps every plausible year, given as a number, text or date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: REFERENCE_YEAR }),
        fc.integer({ min: 0, max: 11 }),
        (year, month) => {
          expect(birth(year)).toBe(year);
          expect(birth(`${year}年${month + 1}月`)).toBe(year);
          expect(birth(new Date(Date.UTC(year, month, 15)))).toBe(year);
          const serial = Math.round((Date.UTC(year, month, 15) - Date.UTC(1899, 11, 30)) / 86_400_000);
          if (serial >= 10_000) expect(birth(serial)).toBe(year);
        },
      ),
    );
  });
});

describe('parseBirthYear from an age column', () => {
  it.each([
    [70, 1952],
    ['70', 1952],
    ['70岁', 1952],
    ['70 周岁', 1952],
    ['1岁半', 2021],
    ['6个月', 2022],
    ['18个月', 2021],
    [0, 2022],
    ['1956', 1956],
  ])('reads %j as %j', (input, expected) => {
    expect(age(input)).toBe(expected);
  });

  it.each([-1, 121, '七十', '70多', true])('refuses %j', (input) => {
    expect(age(input)).toBe('invalid');
  });

  it('gives the reference year minus the age', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (years) => {
        expect(age(years)).toBe(REFERENCE_YEAR - years);
        expect(age(`${years}岁`)).toBe(REFERENCE_YEAR - years);
      }),
    );
  });
});
