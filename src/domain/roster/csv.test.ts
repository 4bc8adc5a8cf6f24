import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quotes, delimiters and line breaks inside quotes, and CRLF', () => {
    const text =
      '楼号,室号,姓名,备注\r\n12,1203,张三,"独居,耳背"\r\n12,1204,"李""四""","第一行\r\n第二行"\r\n';
    expect(parseCsv(text)).toEqual([
      ['楼号', '室号', '姓名', '备注'],
      ['12', '1203', '张三', '独居,耳背'],
      ['12', '1204', '李"四"', '第一行\r\n第二行'],
    ]);
  });

  it('keeps blank lines as empty rows so that row numbers match Excel', () => {
    expect(parseCsv('a,b\n\n1,2\n,\n')).toEqual([['a', 'b'], [], ['1', '2'], [null, null]]);
    expect(parseCsv('a\rb')).toEqual([['a'], ['b']]);
  });

  it('unwraps Excel text-forcing formulas and keeps stray quotes', () => {
    expect(parseCsv('="0101",="13812345678",12"A\n')).toEqual([['0101', '13812345678', '12"A']]);
  });

  it('detects tab- and semicolon-separated text', () => {
    expect(detectDelimiter('楼号\t室号\t姓名\n1\t101\t甲')).toBe('\t');
    expect(detectDelimiter('楼号;室号;姓名')).toBe(';');
    expect(detectDelimiter('"a;b;c",x,y')).toBe(',');
    expect(parseCsv('楼号\t室号\n1\t101')).toEqual([
      ['楼号', '室号'],
      ['1', '101'],
    ]);
  });

  it('reads back any table written with RFC 4180 quoting', () => {
    const cell = fc.string({
      minLength: 1,
      unit: fc.constantFrom('a', '张', ',', '"', '\n', '\r\n', ' ', '1'),
    });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text, ',')).toEqual(rows);
      }),
    );
  });
});
