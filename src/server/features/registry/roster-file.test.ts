import { describe, expect, it } from 'vitest';
import { parseRoster, RosterFileError } from '../../../domain/roster/index.ts';
import { readRosterFile } from './roster-file.ts';
import {
  buildRosterCsv,
  buildRosterXlsx,
  encodeGbk,
  generateRosterRows,
  ROSTER_HEADER,
} from './test-rosters.ts';

const REFERENCE = { referenceYear: 2022 };

async function fileProblem(data: Buffer, name = 'x.xlsx') {
  const error = await readRosterFile(data, name).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RosterFileError))
    throw new Error(`expected a RosterFileError, got ${String(error)}`);
  return error.code;
}

describe('readRosterFile with parseRoster', () => {
  it('reads a messy xlsx: merged title, blank rows, full width, ages, formulas, dates, merges', async () => {
    const file = await buildRosterXlsx({
      title: '歌林春天小区居民花名册（2022年4月）',
      header: ['楼号', '室号', '姓名', '性别', '出生日期', '年龄', '联系电话', '特殊人群', '备注', ''],
      rows: [
        ['１２号楼', '１２０３', '张伟', '男', null, 45, '138 1234 5678', null, null],
        [null],
        ['12栋', '12-03', '赵敏', '女', new Date(Date.UTC(1987, 4, 6)), null, '+86 139-0000-1111', '孕妇'],
        ['7号', '301室', '孙阿婆', '女', null, { formula: '2022-1934', result: 88 }, null, '独居、听障 耳背'],
        [
          '7',
          '301',
          '孙阿婆',
          null,
          null,
          null,
          13600002222,
          '慢病、胰岛素',
          { richText: [{ text: '需' }, { text: '代购' }] },
        ],
        ['8', '101', '钱老伯', '男', 20525, null, { text: '13500001111', hyperlink: 'tel:13500001111' }],
        [null, '102', '钱阿姨', '女', { error: '#N/A' }],
        ['9', '天台', '无名氏'],
        [],
      ],
      // 8号楼 written once for two rows, as committees do: the second row has no building of its own.
      merges: [[8, 1, 9, 1]],
    });
    const rows = await readRosterFile(file, '名册.xlsx');
    expect(rows[0]).toEqual(['歌林春天小区居民花名册（2022年4月）']);
    expect(rows[1]).toHaveLength(9);
    expect(rows).toHaveLength(10);
    expect(rows[5]?.[5]).toBe(88);
    expect(rows[5]?.[1]).toBe('301室');

    const roster = parseRoster(rows, REFERENCE);
    expect(roster.headerRow).toBe(2);
    expect(roster.records).toEqual([
      expect.objectContaining({
        row: 3,
        building: '12',
        room: '1203',
        birthYear: 1977,
        mobile: '13812345678',
      }),
      expect.objectContaining({
        row: 5,
        building: '12',
        room: '1203',
        name: '赵敏',
        birthYear: 1987,
        flags: ['pregnant'],
      }),
      {
        row: 6,
        building: '7',
        room: '301',
        name: '孙阿婆',
        sex: 'F',
        birthYear: 1934,
        mobile: '13600002222',
        flags: ['elderly_alone', 'hearing_impaired', 'chronic_medication'],
        note: '胰岛素；需代购',
      },
      expect.objectContaining({ row: 8, building: '8', birthYear: 1956, mobile: '13500001111' }),
    ]);
    expect(roster.merged).toMatchObject([{ row: 7, params: { intoRow: 6 } }]);
    expect(roster.rejected).toMatchObject([
      { row: 9, code: 'BUILDING_UNREADABLE', params: { value: '' } },
      { row: 10, code: 'ROOM_UNREADABLE', params: { value: '天台' } },
    ]);
  });

  it('reads the first sheet that has data', async () => {
    const file = await buildRosterXlsx({
      header: ['楼号', '室号', '姓名'],
      rows: [['1', '101', '甲']],
      emptyFirstSheet: true,
    });
    expect(await readRosterFile(file, 'a.xlsx')).toEqual([
      ['楼号', '室号', '姓名'],
      ['1', '101', '甲'],
    ]);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const csv = buildRosterCsv(
      ['楼号', '室号', '姓名', '特殊人群'],
      [['12', '12-03', '张三', '独居,耳背'], [], ['13', '1301', null, null]],
      'utf8-bom',
    );
    const rows = await readRosterFile(csv, 'roster.txt');
    expect(rows).toEqual([
      ['楼号', '室号', '姓名', '特殊人群'],
      ['12', '12-03', '张三', '独居,耳背'],
      [],
      ['13', '1301'],
    ]);
    const roster = parseRoster(rows, REFERENCE);
    expect(roster.records[0]).toMatchObject({ room: '1203', flags: ['elderly_alone', 'hearing_impaired'] });
    expect(roster.rejected).toMatchObject([{ row: 4, code: 'NAME_MISSING' }]);
  });

  it('reads a GBK CSV as saved by Chinese Excel', async () => {
    // The header typed out byte by byte, so the test does not rest on the test encoder alone.
    const header = Buffer.from('c2a5bac5 2c cad2bac5 2c d0d5c3fb 0d0a'.replace(/ /g, ''), 'hex');
    expect(encodeGbk('楼号,室号,姓名\r\n')).toEqual(header);
    const csv = Buffer.concat([header, encodeGbk('12号楼,1203室,张三\r\n12,1204,"李四"\r\n')]);
    const rows = await readRosterFile(csv, 'roster.csv');
    expect(rows[0]).toEqual(['楼号', '室号', '姓名']);
    expect(parseRoster(rows, REFERENCE).records.map((r) => [r.building, r.room, r.name])).toEqual([
      ['12', '1203', '张三'],
      ['12', '1204', '李四'],
    ]);
  });

  it('reads tab-separated UTF-16 text ("Unicode text" from Excel)', async () => {
    const text = '\ufeff楼号\t室号\t姓名\r\n3\t302\t王五\r\n';
    const rows = await readRosterFile(Buffer.from(text, 'utf16le'), 'roster.txt');
    expect(rows).toEqual([
      ['楼号', '室号', '姓名'],
      ['3', '302', '王五'],
    ]);
  });

  it('gives each unusable file its own problem', async () => {
    expect(await fileProblem(Buffer.alloc(0))).toBe('FILE_EMPTY');
    expect(await fileProblem(Buffer.alloc(11 * 1024 * 1024, 0x41), 'huge.csv')).toBe('FILE_TOO_LARGE');
    expect(await fileProblem(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'photo.xlsx')).toBe(
      'FILE_NOT_SPREADSHEET',
    );
    expect(await fileProblem(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'scan.pdf')).toBe(
      'FILE_NOT_SPREADSHEET',
    );
    expect(
      await fileProblem(Buffer.from('<html><table><tr><td>楼号</td></tr></table></html>'), 'x.xls'),
    ).toBe('FILE_NOT_SPREADSHEET');
    expect(await fileProblem(Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'))).toBe(
      'FILE_ENCRYPTED',
    );
    expect(
      await fileProblem(Buffer.concat([Buffer.from('PK\x03\x04word/document.xml'), Buffer.alloc(100)])),
    ).toBe('FILE_NOT_SPREADSHEET');
    expect(
      await fileProblem(Buffer.concat([Buffer.from('PK\x03\x04xl/workbook.xml'), Buffer.alloc(100)])),
    ).toBe('FILE_UNREADABLE');
  });
});

describe('generateRosterRows', () => {
  it('makes a 6,000-resident roster over 125 buildings that parses completely', () => {
    const rows = generateRosterRows(6000, 42);
    expect(rows[0]).toEqual(ROSTER_HEADER);
    expect(rows).toHaveLength(6001);
    expect(generateRosterRows(6000, 42)).toEqual(rows);
    const roster = parseRoster(rows, REFERENCE);
    expect(roster.rejected).toEqual([]);
    expect(roster.merged).toEqual([]);
    expect(roster.records).toHaveLength(6000);
    expect(new Set(roster.records.map((r) => r.building)).size).toBe(125);
    const households = new Set(roster.records.map((r) => `${r.building}-${r.room}`)).size;
    expect(households).toBeGreaterThan(1900);
    expect(households).toBeLessThan(2500);
    expect(roster.records.filter((r) => r.flags.length > 0).length).toBeGreaterThan(300);
  });

  it('survives a round trip through xlsx in reasonable time', async () => {
    const [header, ...data] = generateRosterRows(6000, 7);
    const file = await buildRosterXlsx({ title: '花名册', header: header as string[], rows: data });
    const started = performance.now();
    const roster = parseRoster(await readRosterFile(file, 'big.xlsx'), REFERENCE);
    expect(roster.records).toHaveLength(6000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
