import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFullWidth } from './test-support.ts';
import { cellText, excerpt, normalizeName, toHalfWidth } from './text.ts';

describe('toHalfWidth', () => {
  it('maps full-width digits, letters, punctuation and the ideographic space', () => {
    expect(toHalfWidth('１２０３')).toBe('1203');
    expect(toHalfWidth('１２－０３')).toBe('12-03');
    expect(toHalfWidth('ＡＢｃ（１）')).toBe('ABc(1)');
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
    expect(toHalfWidth('独居，高龄；听障')).toBe('独居,高龄;听障');
  });

  it('leaves Chinese text and the enumeration comma alone', () => {
    expect(toHalfWidth('歌林春天、12号楼。')).toBe('歌林春天、12号楼。');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s)),
    );
  });

  it('undoes full-width typing of any printable ASCII', () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(fc.property(printable, (s) => toHalfWidth(toFullWidth(s)) === s));
  });
});

describe('cellText', () => {
  it('trims, collapses whitespace and drops invisible characters', () => {
    expect(cellText('  12\u00a0号楼\u200b ')).toBe('12 号楼');
    expect(cellText(null)).toBe('');
    expect(cellText(1203)).toBe('1203');
    expect(cellText(new Date(Date.UTC(1956, 2, 12)))).toBe('1956-03-12');
  });
});

describe('normalizeName', () => {
  it('removes padding inside Chinese names but keeps spaces in Latin names', () => {
    expect(normalizeName('张\u3000三')).toBe('张三');
    expect(normalizeName(' 张  三 ')).toBe('张三');
    expect(normalizeName('John  Smith')).toBe('John Smith');
    expect(normalizeName('欧阳 Nana')).toBe('欧阳 Nana');
  });
});

describe('excerpt', () => {
  it('shortens long values to 40 characters', () => {
    expect(excerpt('短')).toBe('短');
    const shown = excerpt('长'.repeat(100));
    expect([...shown]).toHaveLength(40);
    expect(shown.endsWith('…')).toBe(true);
  });
});
