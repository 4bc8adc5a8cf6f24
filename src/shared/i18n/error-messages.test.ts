import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';
import { errorMessage } from './error-messages.ts';

describe('error messages', () => {
  const codes = Object.keys(ERROR_STATUS) as ErrorCode[];

  it('exist in both languages for every code, with no placeholder left unfilled', () => {
    const params = {
      seconds: 30,
      what: 'community',
      method: 'GET',
      url: '/x',
      slug: 's',
      username: 'u',
      limit: '1 KB',
      type: 't',
      reason: 'r',
      requestId: 'id',
    };
    for (const code of codes) {
      const zh = errorMessage('zh-CN', code, params);
      const en = errorMessage('en', code, params);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(`${zh}${en}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('names the thing that was not found in the right language', () => {
    expect(errorMessage('zh-CN', 'NOT_FOUND', { what: 'community' })).toBe('找不到该小区。');
    expect(errorMessage('en', 'NOT_FOUND', { what: 'community' })).toBe('The community was not found.');
  });

  it('says how long to wait when rate-limited', () => {
    expect(errorMessage('en', 'RATE_LIMITED', { seconds: 42 })).toBe(
      'Too many attempts. Please try again in 42 s.',
    );
  });
});
