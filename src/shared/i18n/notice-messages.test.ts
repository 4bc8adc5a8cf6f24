import { describe, expect, it } from 'vitest';
import { formatInstant, noticeKinds, noticeMessages, renderNotice } from './notice-messages.ts';

describe('notice messages', () => {
  it('have a title and a body in both languages for every kind, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{[\w:]+\}\}/g)].map((m) => m[0]).sort();
    expect(Object.keys(noticeMessages['zh-CN']).sort()).toEqual(noticeKinds().sort());
    for (const kind of noticeKinds()) {
      const zh = (noticeMessages['zh-CN'] as Record<string, { title: string; body: string }>)[kind]!;
      const en = (noticeMessages.en as Record<string, { title: string; body: string }>)[kind]!;
      expect(zh.title).toMatch(/[\u4e00-\u9fff]/);
      expect(en.title + en.body).not.toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(zh.title + zh.body)).toEqual(placeholders(en.title + en.body));
    }
  });

  it('fills every placeholder, formatting instants on the community clock per reader', () => {
    const params = {
      title: '快递分拣',
      startsAt: '2026-04-10T00:00:00Z',
      timeZone: 'Asia/Shanghai',
      position: 3,
      community: '甲小区',
    };
    for (const kind of noticeKinds()) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const { title, body } = renderNotice(locale, kind, params);
        expect(title + body).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(renderNotice('zh-CN', 'shift.draw_lost', params).body).toBe(
      '“快递分拣”（4月10日周五 08:00）抽签结束，您没有抽中，现在候补第 3 位。有人取消时会自动递补，并通知您。',
    );
    expect(renderNotice('en', 'shift.cancelled', { ...params, timeZone: 'Europe/London' }).body).toContain(
      'Fri, Apr 10, 01:00',
    );
  });

  it('keeps an unknown kind, time zone or instant readable', () => {
    expect(renderNotice('en', 'no.such.kind', {})).toEqual({ title: 'no.such.kind', body: '' });
    expect(formatInstant('2026-04-10T00:00:00Z', 'Mars/Olympus', 'zh-CN')).toBe('4月10日周五 08:00');
    expect(formatInstant('soon', 'Asia/Shanghai', 'en')).toBe('soon');
    expect(formatInstant('2026-04-10T00:00:00Z', 'Asia/Shanghai', 'en', 'time')).toBe('08:00');
  });
});
