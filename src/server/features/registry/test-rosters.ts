// Builders of roster files for tests and the benchmark: messy on purpose, as committees make them.
import ExcelJS from 'exceljs';
import { createRandom, type Random } from '../../../domain/random.ts';
import type { CellValue } from '../../../domain/roster/index.ts';

/** A formula cell as Excel saves it: the formula and the result it last calculated. */
export interface XlsxFormula {
  formula: string;
  result: string | number | boolean | Date;
}
export type XlsxCell =
  | CellValue
  | XlsxFormula
  | { richText: { text: string }[] }
  | { text: string; hyperlink: string }
  | { error: '#N/A' | '#REF!' | '#VALUE!' | '#DIV/0!' };

export interface RosterXlsxOptions {
  /** a title row above the header, merged across the header's width */
  title?: string;
  header: string[];
  rows: XlsxCell[][];
  /** extra merged ranges, 1-based sheet coordinates [top, left, bottom, right] */
  merges?: [number, number, number, number][];
  /** an empty sheet before the roster, as when staff add a cover sheet */
  emptyFirstSheet?: boolean;
}

export async function buildRosterXlsx(options: RosterXlsxOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.emptyFirstSheet) workbook.addWorksheet('说明');
  const sheet = workbook.addWorksheet('花名册');
  if (options.title !== undefined) {
    sheet.addRow([options.title]);
    sheet.mergeCells(1, 1, 1, Math.max(options.header.length, 1));
  }
  sheet.addRow(options.header);
  for (const row of options.rows) sheet.addRow(row as ExcelJS.CellValue[]);
  for (const [top, left, bottom, right] of options.merges ?? []) sheet.mergeCells(top, left, bottom, right);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gbk';

const csvField = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV as Excel saves it: CRLF line ends; UTF-8 with a BOM, or GBK from Chinese Windows. */
export function buildRosterCsv(
  header: string[],
  rows: (string | number | null)[][],
  encoding: CsvEncoding = 'utf8',
): Buffer {
  const text = `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'gbk') return encodeGbk(text);
  return Buffer.from(encoding === 'utf8-bom' ? `\ufeff${text}` : text, 'utf8');
}

let gbkTable: Map<string, Buffer> | null = null;

/**
 * Node can decode GBK but not encode it, so the table is built by decoding every two-byte
 * sequence once. Good enough for tests; characters outside GBK throw.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, bytes);
      }
    }
  }
  const table = gbkTable;
  return Buffer.concat(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, 'latin1');
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      return bytes;
    }),
  );
}

// The benchmark roster: Gelin Chuntian's 125 buildings and ~2.73 residents per household
// (6,000 residents in 2,194 households), with the spellings committees actually use mixed in.
// Every row is valid and every person distinct, so a parse must accept exactly `count` records.
const BUILDINGS = 125;
const ROOMS_PER_FLOOR = 2;
const HOUSEHOLD_SIZES = [1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5] as const;
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉志鹏宇浩然欣怡子涵梓轩'];
const FLAG_WORDS = ['慢病', '高血压', '糖尿病、胰岛素', '行动不便', '耳背', '残疾'];

export const ROSTER_HEADER = ['楼号', '室号', '姓名', '性别', '出生年月', '联系电话', '特殊人群', '备注'];

export function generateRosterRows(count: number, seed: number): CellValue[][] {
  const random = createRandom(seed);
  const referenceYear = 2022;
  const households: CellValue[][][] = [];
  let residents = 0;
  for (let index = 0; residents < count; index++) {
    const building = (index % BUILDINGS) + 1;
    const slot = Math.floor(index / BUILDINGS);
    const room = (Math.floor(slot / ROOMS_PER_FLOOR) + 1) * 100 + (slot % ROOMS_PER_FLOOR) + 1;
    const size = Math.min(random.pick(HOUSEHOLD_SIZES), count - residents);
    households.push(household(random, building, room, size, referenceYear));
    residents += size;
  }
  // Committees list a building's households together.
  households.sort((a, b) => Number(a[0]![0]) - Number(b[0]![0]));
  const rows = households
    .flat()
    .map((row) => [
      messyBuilding(random, Number(row[0])),
      messyRoom(random, Number(row[1])),
      ...row.slice(2),
    ]);
  return [ROSTER_HEADER, ...rows];
}

function household(
  random: Random,
  building: number,
  room: number,
  size: number,
  referenceYear: number,
): CellValue[][] {
  const surname = random.pick(SURNAMES);
  const names = new Set<string>();
  const rows: CellValue[][] = [];
  while (rows.length < size) {
    const name = `${random.chance(0.8) ? surname : random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.6) ? random.pick(GIVEN) : ''}`;
    if (names.has(name)) continue;
    names.add(name);
    const age = rows.length === 0 ? random.int(25, 92) : random.int(0, 85);
    const sex = random.chance(0.5) ? '男' : '女';
    const flags: string[] = [];
    if (age >= 80) flags.push(random.pick(['高龄', '80岁以上']));
    if (size === 1 && age >= 65) flags.push('独居老人');
    if (age <= 3) flags.push('婴幼儿');
    if (sex === '女' && age >= 22 && age <= 38 && random.chance(0.05)) flags.push('孕妇');
    if (age >= 50 && random.chance(0.15)) flags.push(random.pick(FLAG_WORDS));
    const phone = age >= 18 && random.chance(0.75) ? messyMobile(random) : null;
    const note = random.chance(0.03) ? random.pick(['人户分离', '租户', '子女在外地']) : null;
    const flagText = flags.length > 0 ? flags.join(random.pick(['、', '，', ' '])) : null;
    rows.push([building, room, name, sex, messyBirth(random, referenceYear - age), phone, flagText, note]);
  }
  return rows;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function messyBuilding(random: Random, n: number): CellValue {
  return random.pick<CellValue>([
    String(n),
    String(n),
    String(n),
    n,
    `${n}号楼`,
    `${n}栋`,
    `${n}号`,
    fullWidth(`${n}号楼`),
  ]);
}

function messyRoom(random: Random, room: number): CellValue {
  const floor = Math.floor(room / 100);
  const unit = String(room % 100).padStart(2, '0');
  return random.pick<CellValue>([
    String(room),
    String(room),
    room,
    `${floor}-${unit}`,
    `${room}室`,
    fullWidth(String(room)),
  ]);
}

function messyMobile(random: Random): CellValue {
  const digits = `1${random.int(3, 9)}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  return random.pick<CellValue>([
    digits,
    digits,
    Number(digits),
    `${a} ${b} ${c}`,
    `${a}-${b}-${c}`,
    `+86 ${digits}`,
  ]);
}

function messyBirth(random: Random, year: number): CellValue {
  const month = random.int(1, 12);
  return random.pick<CellValue>([
    year,
    year,
    String(year),
    `${year}年${month}月`,
    `${year}-${String(month).padStart(2, '0')}`,
    `${year}.${month}`,
    new Date(Date.UTC(year, month - 1, random.int(1, 28))),
  ]);
}
