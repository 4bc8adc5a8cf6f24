import { describe, expect, it } from 'vitest';
import { findHeaderRow, matchHeaderRow, normalizeHeader } from './headers.ts';

const fieldsOf = (cells: string[]) => [...matchHeaderRow(cells, 1).fields.values()];

describe('header matching', () => {
  it('ignores case, spaces, full width, required marks and notes in brackets', () => {
    expect(normalizeHeader(' Room No. ')).toBe('roomno');
    expect(normalizeHeader('*姓名（户主）')).toBe('姓名');
    expect(normalizeHeader('ＢＵＩＬＤＩＮＧ')).toBe('building');
  });

  it('recognises Chinese and English headers', () => {
    expect(
      fieldsOf(['楼号', '室号', '姓名', '性别', '出生年月', '联系电话', '户籍', '特殊人群', '备注']),
    ).toEqual(['building', 'room', 'name', 'sex', 'birthYear', 'mobile', 'registration', 'flags', 'note']);
    expect(fieldsOf(['Building', 'Room', 'Name', 'Gender', 'Age', 'Phone', 'Flags', 'Remarks'])).toEqual([
      'building',
      'room',
      'name',
      'sex',
      'age',
      'mobile',
      'flags',
      'note',
    ]);
  });

  it('recognises longer headers by a known word, but prefers an exact one', () => {
    expect(fieldsOf(['序号', '所在楼栋', '门牌号码', '居民姓名', '手机号码（本人）'])).toEqual([
      'building',
      'room',
      'name',
      'mobile',
    ]);
    const match = matchHeaderRow(['楼长姓名', '楼', '室', '姓名'], 1);
    expect([...match.fields]).toEqual([
      [1, 'building'],
      [2, 'room'],
      [3, 'name'],
    ]);
  });

  it('does not read one-letter words or short English inside other headers', () => {
    expect(fieldsOf(['楼长', 'language', '室内面积'])).toEqual([]);
  });
});

describe('findHeaderRow', () => {
  it('passes over titles and finds the header lower down', () => {
    const rows = [
      ['歌林春天小区居民花名册（2022年4月）'],
      [],
      ['填表人：王芳'],
      ['楼号', '室号', '姓名', '电话'],
    ];
    expect(findHeaderRow(rows)?.row).toBe(4);
  });

  it('does not look beyond the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => ['请如实填写']), ['楼号', '室号', '姓名']];
    expect(findHeaderRow(rows)).toBeNull();
  });
});
