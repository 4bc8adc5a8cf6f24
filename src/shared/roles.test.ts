import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLocale } from './roles.ts';

describe('pickLocale', () => {
  it('is zh-CN unless English comes before any Chinese', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('en', 'en-US', 'zh', 'zh-CN', 'zh-TW', 'fr', 'de;q=0.5', '*', '')),
        (tags) => {
          const header = tags.join(',');
          const first = tags
            .map((t) => t.split(';')[0]!.toLowerCase())
            .find((t) => t.startsWith('zh') || t.startsWith('en'));
          expect(pickLocale(header)).toBe(first?.startsWith('en') ? 'en' : 'zh-CN');
        },
      ),
    );
  });

  it('takes the first candidate that names a language we speak', () => {
    expect(pickLocale(undefined, 'fr', 'en')).toBe('en');
    expect(pickLocale('en-GB', 'zh-CN')).toBe('en');
    expect(pickLocale(null, '')).toBe('zh-CN');
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(fc.property(fc.string(), (s) => ['zh-CN', 'en'].includes(pickLocale(s))));
  });
});
