import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse-roster.ts';
import { type CellValue, RosterFileError } from './types.ts';

const REFERENCE = { referenceYear: 2022 };

function fileError(run: () => unknown): RosterFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof RosterFileError) return error;
    throw error;
  }
  throw new Error('expected a RosterFileError');
}

describe('parseRoster', () => {
  const messy: CellValue[][] = [
    ['歌林春天小区居民花名册（2022年4月）', null, null, null, null, null, null, null],
    [],
    ['序号', '楼号', '室号', '姓名', '性别', '年龄', '联系电话', '特殊人群', '人户分离', '备注', null, null],
    [1, '12号楼', '12-03', '张　三', '男', '80岁', '138 1234 5678', '独居、耳背', null, null, null],
    [2, '１２栋', '１２０３室', '李四', '女', 78, '+86 139-8765-4321', null, '是', '女儿在外地'],
    [3, null, null, null, null, null, null, null, null, null, null, null],
    [4, '12', '1203', '张三', null, null, null, '慢病、胰岛素', null, '药快用完'],
    [5, null, '1204', '王五', '男', 40, null],
    [6, '13', '13楼', '赵六'],
    [7, '13', '1301', '钱七', '男', 40, '12345'],
    [8, '13', '1302', '', '女'],
    [],
    [9, '13', '1302', '孙八', '?'],
    [10, '13', '1303', '周九', '女', '七十'],
    [11, '13', '1304', '吴十', null, null, null, null, null, 'x'.repeat(201)],
    [12, 'Bldg 14', 1401, '郑十一', 'F', 30, 13512345678, null, null, null, null, null],
  ];

  it('reads a messy sheet: titles, blank rows, full width, ages, duplicates, rejections', () => {
    const roster = parseRoster(messy, REFERENCE);
    expect(roster.headerRow).toBe(3);
    expect(roster.columns.map((c) => c.field)).toEqual([
      'building',
      'room',
      'name',
      'sex',
      'age',
      'mobile',
      'flags',
      'registration',
      'note',
    ]);
    expect(roster.fieldsPresent).toContain('age');
    expect(roster.records).toEqual([
      {
        row: 4,
        building: '12',
        room: '1203',
        name: '张三',
        sex: 'M',
        birthYear: 1942,
        mobile: '13812345678',
        flags: ['elderly_alone', 'hearing_impaired', 'chronic_medication'],
        note: '胰岛素；药快用完',
      },
      {
        row: 5,
        building: '12',
        room: '1203',
        name: '李四',
        sex: 'F',
        birthYear: 1944,
        mobile: '13987654321',
        flags: [],
        note: '人户分离；女儿在外地',
      },
      {
        row: 16,
        building: '14',
        room: '1401',
        name: '郑十一',
        sex: 'F',
        birthYear: 1992,
        mobile: '13512345678',
        flags: [],
        note: null,
      },
    ]);
    expect(roster.merged).toEqual([
      {
        row: 7,
        code: 'DUPLICATE_MERGED',
        params: { row: 7, intoRow: 4, building: '12', room: '1203', name: '张三' },
      },
    ]);
    expect(roster.rejected.map((p) => [p.row, p.code, p.params.value])).toEqual([
      [8, 'BUILDING_UNREADABLE', ''],
      [9, 'ROOM_UNREADABLE', '13楼'],
      [10, 'MOBILE_UNREADABLE', '12345'],
      [11, 'NAME_MISSING', undefined],
      [13, 'SEX_UNREADABLE', '?'],
      [14, 'BIRTH_YEAR_UNREADABLE', '七十'],
      [15, 'VALUE_TOO_LONG', `${'x'.repeat(39)}…`],
    ]);
    expect(roster.rejected.find((p) => p.code === 'VALUE_TOO_LONG')?.params.column).toBe('备注');
  });

  it('skips rows that only carry a pre-filled serial number, and repeated headers', () => {
    const roster = parseRoster(
      [
        ['序号', '楼号', '室号', '姓名'],
        [1, '1', '101', '甲'],
        [2],
        [3, null, ''],
        ['序号', '楼号', '室号', '姓名'],
        [4, '2', '201', '乙'],
      ],
      REFERENCE,
    );
    expect(roster.records.map((r) => r.row)).toEqual([2, 6]);
    expect(roster.rejected).toEqual([]);
  });

  it('prefers a birth column to an age column, and falls back to the age', () => {
    const roster = parseRoster(
      [
        ['楼号', '室号', '姓名', '出生日期', '年龄'],
        ['1', '101', '甲', new Date(Date.UTC(1950, 0, 1)), 60],
        ['1', '101', '乙', null, 60],
        ['1', '101', '丙', '不详', 60],
      ],
      REFERENCE,
    );
    expect(roster.records.map((r) => r.birthYear)).toEqual([1950, 1962, 1962]);
  });

  it('turns a tick under a registration header into words and drops a no', () => {
    const rows = [
      ['楼号', '室号', '姓名', '人户分离'],
      ['1', '101', '甲', '是'],
      ['1', '101', '乙', '否'],
      ['1', '101', '丙', '外省户籍'],
    ];
    expect(parseRoster(rows, REFERENCE).records.map((r) => r.note)).toEqual(['人户分离', null, '外省户籍']);
  });

  it('reports names over 50 characters', () => {
    const roster = parseRoster(
      [
        ['楼号', '室号', '姓名'],
        ['1', '101', '名'.repeat(51)],
        ['1', '102', '甲'],
      ],
      REFERENCE,
    );
    expect(roster.rejected).toMatchObject([{ row: 2, code: 'NAME_TOO_LONG', params: { limit: 50 } }]);
  });

  it('merges duplicates: later values fill blanks, flags add up, the first value wins', () => {
    const roster = parseRoster(
      [
        ['楼号', '室号', '姓名', '电话', '特殊人群', '性别'],
        ['1', '101', '甲', null, '独居', '男'],
        ['1', '101', '甲', '13812345678', '听障', '女'],
        ['1', '101', '甲', '13900000000', '独居', null],
      ],
      REFERENCE,
    );
    expect(roster.records).toMatchObject([
      { row: 2, mobile: '13812345678', flags: ['elderly_alone', 'hearing_impaired'], sex: 'M' },
    ]);
    expect(roster.merged.map((p) => [p.row, p.params.intoRow])).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });

  it('says which headers are missing when there is no header row', () => {
    const error = fileError(() => parseRoster([['标题'], ['楼号', '姓名'], ['1', '甲']], REFERENCE));
    expect(error.code).toBe('NO_HEADER_ROW');
    expect(error.params).toEqual({ missing: 'room' });
    expect(fileError(() => parseRoster([], REFERENCE)).params).toEqual({ missing: 'building,room,name' });
  });

  it('refuses a sheet whose every row is rejected, and one without data rows', () => {
    const error = fileError(() =>
      parseRoster(
        [
          ['楼号', '室号', '姓名'],
          ['?', '101', '甲'],
          ['1', '?', '乙'],
        ],
        REFERENCE,
      ),
    );
    expect(error.code).toBe('NO_VALID_ROWS');
    expect(error.params).toEqual({ rejected: 2 });
    expect(error.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(fileError(() => parseRoster([['楼号', '室号', '姓名'], [], []], REFERENCE)).code).toBe(
      'NO_VALID_ROWS',
    );
  });
});
