import { describe, expect, it } from 'vitest';
import { LOCALES } from '../roles.ts';
import { ROSTER_FILE_PROBLEMS, ROSTER_PROBLEM_CODES } from '../roster-codes.ts';
import { rosterProblemMessage } from './roster-messages.ts';

const params = {
  row: 5,
  value: '12-1203',
  column: '备注',
  limit: 200,
  intoRow: 3,
  building: '12',
  room: '1203',
  name: '张三',
  fileName: '花名册.xlsx',
  missing: 'room,name',
  rejected: 4,
};

describe('roster problem messages', () => {
  const codes = [...ROSTER_PROBLEM_CODES, ...ROSTER_FILE_PROBLEMS];

  it('exist in both languages for every code, with no placeholder left unfilled', () => {
    for (const code of codes) {
      for (const p of [params, { ...params, value: '', rejected: 0 }]) {
        const zh = rosterProblemMessage('zh-CN', code, p);
        const en = rosterProblemMessage('en', code, p);
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
        expect(en).toMatch(/[A-Za-z]{3}/);
        // English templates add no Chinese of their own; only the user's values may bring some.
        expect(
          rosterProblemMessage('en', code, { ...p, value: 'x', column: 'c', name: 'n', fileName: 'f' }),
        ).not.toMatch(/[\u4e00-\u9fff]/);
        expect(en).not.toBe(zh);
        expect(`${zh}${en}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('explains a room it cannot read with an example', () => {
    expect(rosterProblemMessage('zh-CN', 'ROOM_UNREADABLE', { row: 7, value: '十二楼' })).toBe(
      '第7行：看不懂室号“十二楼”，请写成 1203 这样的数字。',
    );
    expect(rosterProblemMessage('en', 'ROOM_UNREADABLE', { row: 7, value: '十二楼' })).toBe(
      'Row 7: cannot read the room "十二楼"; write it like 1203.',
    );
  });

  it('suspects merged cells behind an empty building', () => {
    expect(rosterProblemMessage('zh-CN', 'BUILDING_UNREADABLE', { row: 9, value: '' })).toContain(
      '合并单元格',
    );
    expect(rosterProblemMessage('en', 'BUILDING_UNREADABLE', { row: 9, value: '' })).toContain('merged');
  });

  it('names the missing headers in the reader’s language', () => {
    expect(rosterProblemMessage('zh-CN', 'NO_HEADER_ROW', { missing: 'room,name' })).toContain(
      '缺少：室号、姓名。',
    );
    expect(rosterProblemMessage('en', 'NO_HEADER_ROW', { missing: 'room' })).toContain('Missing: room.');
  });

  it('states the size limit and what to do with a protected or old workbook', () => {
    for (const locale of LOCALES) {
      expect(rosterProblemMessage(locale, 'FILE_TOO_LARGE')).toContain('10 MB');
      expect(rosterProblemMessage(locale, 'FILE_ENCRYPTED', params)).toMatch(/\.xls\b.*\.xlsx.*\.csv/);
    }
  });
});
