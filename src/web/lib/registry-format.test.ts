import { describe, expect, it } from 'vitest';
import { compareCodes, roomLabel, toHalfWidth } from './registry-format.ts';

describe('registry labels', () => {
  it('says an address the way staff do, in each language', () => {
    expect(roomLabel('12', '1203', 'zh-CN')).toBe('12号楼 1203室');
    expect(roomLabel('12', '1203', 'en')).toBe('Bldg 12, Rm 1203');
  });

  it('sorts building codes as numbers', () => {
    expect(['10', '2', '12A', '1', '12'].sort(compareCodes)).toEqual(['1', '2', '10', '12', '12A']);
  });

  it('turns full-width digits from a Chinese keyboard into ASCII', () => {
    expect(toHalfWidth('１２０３')).toBe('1203');
    expect(toHalfWidth('１３８\u3000１２３４')).toBe('138 1234');
  });
});
