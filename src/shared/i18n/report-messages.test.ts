import { describe, expect, it } from 'vitest';
import { renderReportLine, reportLineKinds, reportMessages } from './report-messages.ts';

const params = {
  title: '第5轮核酸',
  tested: 5800,
  expected: 6145,
  households: 412,
  told: 3,
  reason: '暴雨',
  day: '2026-04-11',
  count: 14,
  minutes: 240,
  since: '2026-04-11T00:30:00Z',
  buildings: ['2', '12'],
  areas: ['12号楼大堂'],
  more: 0,
  timeZone: 'Asia/Shanghai',
};

describe('day report lines', () => {
  it('have every kind in both languages, each rendered without a placeholder left', () => {
    expect(Object.keys(reportMessages['zh-CN']).sort()).toEqual(Object.keys(reportMessages.en).sort());
    for (const kind of reportLineKinds()) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = renderReportLine(locale, kind, params);
        expect(text, `${locale} ${kind}`).not.toMatch(/\{\{|\}\}|undefined/);
      }
    }
  });

  it('format times on the compound’s clock, durations and lists the reader’s way', () => {
    expect(renderReportLine('zh-CN', 'parcels.waiting_long', params)).toBe(
      '14 件快递入库超过 4 小时仍未送到楼栋，最早的 4月11日周六 08:30 入库',
    );
    expect(renderReportLine('en', 'relays.unconfirmed', { ...params, more: 61 })).toBe(
      '14 relays not confirmed by the relay contact: buildings 2, 12, and 61 more',
    );
    expect(renderReportLine('zh-CN', 'relays.unconfirmed', { ...params, more: 61 })).toBe(
      '14 条转达楼组长未确认：2、12号楼，另有 61 栋楼',
    );
    expect(renderReportLine('en', 'parcels.uncollected', { ...params, minutes: 90 })).toContain(
      'over 90 min ago',
    );
    expect(renderReportLine('en', 'no.such.kind', params)).toBe('no.such.kind');
  });
});
