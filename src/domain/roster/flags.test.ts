import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VULNERABILITY_FLAGS, type VulnerabilityFlag } from '../../shared/registry.ts';
import { parseFlags } from './flags.ts';

describe('parseFlags', () => {
  it.each<[string, VulnerabilityFlag[]]>([
    ['独居老人', ['elderly_alone']],
    ['空巢独居、耳背', ['elderly_alone', 'hearing_impaired']],
    ['高龄,听障', ['elderly', 'hearing_impaired']],
    ['80岁以上，卧床', ['elderly', 'mobility_impaired']],
    ['轮椅；失能', ['mobility_impaired']],
    ['孕期/怀孕', ['pregnant']],
    ['婴儿 幼儿', ['infant']],
    ['残障', ['disabled']],
    ['聋 听力障碍', ['hearing_impaired']],
    ['elderly_alone, Disabled', ['elderly_alone', 'disabled']],
    ['残疾人、独居', ['elderly_alone', 'disabled']],
  ])('reads %j', (input, flags) => {
    expect(parseFlags(input)).toEqual({ flags, unknown: [] });
  });

  it('keeps the specific medicine or illness for the note', () => {
    expect(parseFlags('独居、胰岛素')).toEqual({
      flags: ['elderly_alone', 'chronic_medication'],
      unknown: ['胰岛素'],
    });
    expect(parseFlags('慢病(糖尿病)')).toEqual({ flags: ['chronic_medication'], unknown: ['糖尿病'] });
    expect(parseFlags('高血压 慢病用药')).toEqual({ flags: ['chronic_medication'], unknown: ['高血压'] });
  });

  it('returns unknown words once, in order', () => {
    expect(parseFlags('低保、独居、需代购、低保')).toEqual({
      flags: ['elderly_alone'],
      unknown: ['低保', '需代购'],
    });
  });

  it.each([null, '', '无', 'N/A', '-', '  '])('finds nothing in %j', (input) => {
    expect(parseFlags(input)).toEqual({ flags: [], unknown: [] });
  });

  it('gives exactly the flags of any join of known words with any separators', () => {
    const words: [string, VulnerabilityFlag][] = [
      ['独居', 'elderly_alone'],
      ['独居老人', 'elderly_alone'],
      ['高龄老人', 'elderly'],
      ['耳背', 'hearing_impaired'],
      ['行动不便', 'mobility_impaired'],
      ['慢性病', 'chronic_medication'],
      ['孕妇', 'pregnant'],
      ['婴幼儿', 'infant'],
      ['残疾', 'disabled'],
      ['elderly', 'elderly'],
    ];
    const separator = fc.constantFrom('、', ',', '，', ';', '；', '/', ' ', '　', ' 、 ');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }),
        separator,
        (picked, sep) => {
          const { flags, unknown } = parseFlags(picked.map(([word]) => word).join(sep));
          const expected = VULNERABILITY_FLAGS.filter((flag) => picked.some(([, f]) => f === flag));
          expect(flags).toEqual(expected);
          expect(unknown).toEqual([]);
        },
      ),
    );
  });
});
