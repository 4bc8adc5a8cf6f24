import { describe, expect, it } from 'vitest';
import { formatCount, groupName } from './format.ts';

describe('formatCount', () => {
  it('groups digits only from five digits on', () => {
    expect(formatCount(2194, 'zh-CN')).toBe('2194');
    expect(formatCount(40000, 'en')).toBe('40,000');
  });
});

describe('groupName', () => {
  it('translates the default groups and keeps custom names', () => {
    expect(groupName({ key: 'parcels', name: '快递组' }, 'en')).toBe('Parcels');
    expect(groupName({ key: 'parcels', name: '快递一组' }, 'en')).toBe('快递一组');
    expect(groupName({ key: 'parcels', name: '快递组' }, 'zh-CN')).toBe('快递组');
  });
});
