import { cellText } from './text.ts';
import type { CellValue } from './types.ts';

const FIRST_YEAR = 1900;
const MAX_AGE = 120;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug is baked into this origin).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const FIRST_SERIAL = 10_000;

// 1956年, 1956-03, 1956/03/12, 1956年3月, 1956年3月12日, 1956-03-12 00:00:00
const YEAR_FIRST =
  /^(\d{4})(?:(?:年|[-./])(\d{1,2})(?:(?:月|[-./])(\d{1,2})日?|月)?)?(?:年|\s\d{1,2}:\d{2}(?::\d{2})?)?$/;
// 3/12/1956 or 12.3.1956, as English and German Excel write dates into CSV.
const YEAR_LAST = /^\d{1,2}[-./]\d{1,2}[-./](\d{4})$/;
// 19560312, 195603
const COMPACT = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?$/;
// 70岁, 70周岁, 1岁半
const AGE_YEARS = /^(\d{1,3}(?:\.\d+)?)(?:周?岁)?半?$/;
// 6个月, 18月
const AGE_MONTHS = /^(\d{1,3})个?月$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

const plausible = (year: number, referenceYear: number) =>
  Number.isInteger(year) && year >= FIRST_YEAR && year <= referenceYear;

const yearFromAge = (age: number, referenceYear: number): number | 'invalid' =>
  age >= 0 && age <= MAX_AGE ? referenceYear - Math.floor(age) : 'invalid';

function yearFromNumber(n: number, referenceYear: number): number | 'invalid' {
  const whole = Math.floor(n);
  if (plausible(whole, referenceYear)) return whole;
  const compact = COMPACT.exec(String(whole));
  if (compact) return Number(compact[1]);
  // A birth date typed into a cell without a date format shows as its serial number. Four
  // digits are always taken for a year (2050 is a typo, not 1905), so serials start at
  // 10000 (May 1927): older residents' dates must be given some other way.
  if (whole >= FIRST_SERIAL) return new Date(EXCEL_EPOCH_MS + whole * DAY_MS).getUTCFullYear();
  return 'invalid';
}

function yearFromAgeText(text: string, referenceYear: number): number | 'invalid' {
  // Someone who wrote 1956 into the age column meant the year.
  if (NUMBER.test(text) && Number(text) >= FIRST_YEAR) return yearFromNumber(Number(text), referenceYear);
  const months = AGE_MONTHS.exec(text);
  if (months) return yearFromAge(Number(months[1]) / 12, referenceYear);
  const years = AGE_YEARS.exec(text);
  return years ? yearFromAge(Number(years[1]), referenceYear) : 'invalid';
}

function yearFromBirthText(text: string, referenceYear: number): number | 'invalid' {
  if (NUMBER.test(text)) return yearFromNumber(Number(text), referenceYear);
  if (/岁|月$/.test(text) && !/^\d{4}/.test(text)) return yearFromAgeText(text, referenceYear);
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    const month = Number(yearFirst[2] ?? 1);
    const day = Number(yearFirst[3] ?? 1);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? Number(yearFirst[1]) : 'invalid';
  }
  const yearLast = YEAR_LAST.exec(text);
  return yearLast ? Number(yearLast[1]) : 'invalid';
}

/**
 * The year of birth from a birth-date column (years, dates in many spellings, Excel dates and
 * serial numbers) or from an age column (70, 70岁, 6个月), as of referenceYear. Only years
 * from 1900 to referenceYear are plausible; anything else is 'invalid', an empty cell null.
 */
export function parseBirthYear(
  v: CellValue,
  kind: 'birthYear' | 'age',
  referenceYear: number,
): number | null | 'invalid' {
  let year: number | 'invalid';
  if (v === null) return null;
  if (v instanceof Date) year = Number.isNaN(v.getTime()) ? 'invalid' : v.getUTCFullYear();
  else if (typeof v === 'boolean') year = 'invalid';
  else if (typeof v === 'number') {
    year =
      kind === 'age' && v < FIRST_YEAR ? yearFromAge(v, referenceYear) : yearFromNumber(v, referenceYear);
  } else {
    const text = cellText(v).replace(/\s*([年月日岁周个\-./])\s*/g, '$1');
    if (text === '') return null;
    year = kind === 'age' ? yearFromAgeText(text, referenceYear) : yearFromBirthText(text, referenceYear);
  }
  return year !== 'invalid' && plausible(year, referenceYear) ? year : 'invalid';
}
