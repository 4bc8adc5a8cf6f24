import { describe, expect, it } from 'vitest';
import { canSeeDashboard, clockTime, tileLinks, waitSpan } from './dashboard-format.ts';

describe('dashboard formatting and access', () => {
  it('the committee and viewers see the dashboard; volunteers and residents do not', () => {
    expect(canSeeDashboard(['coordinator'])).toBe(true);
    expect(canSeeDashboard(['staff'])).toBe(true);
    expect(canSeeDashboard(['viewer'])).toBe(true);
    expect(canSeeDashboard(['leader', 'volunteer', 'resident'])).toBe(false);
  });

  it("links a viewer's tiles only to pages a viewer may open", () => {
    const viewer = tileLinks(['viewer']);
    expect(viewer).toEqual({
      people: '/groups',
      parcels: null,
      testing: null,
      medicine: null,
      groupBuys: '/group-buys',
      disinfection: '/disinfection',
      relays: null,
    });
    expect(Object.values(tileLinks(['coordinator'])).every(Boolean)).toBe(true);
  });

  it('says a wait in minutes, then hours, then days', () => {
    expect(waitSpan(59 * 60_000)).toEqual({ unit: 'minutes', count: 59 });
    expect(waitSpan(3 * 3_600_000 + 5 * 60_000)).toEqual({ unit: 'hours', count: 3 });
    expect(waitSpan(47 * 3_600_000)).toEqual({ unit: 'hours', count: 47 });
    expect(waitSpan(50 * 3_600_000)).toEqual({ unit: 'days', count: 2 });
    expect(waitSpan(-5)).toEqual({ unit: 'minutes', count: 0 });
  });

  it("tells the time on the community's clock, not the device's", () => {
    expect(clockTime('2026-04-09T02:05:09Z', 'Asia/Shanghai', 'zh-CN')).toBe('10:05:09');
    expect(clockTime('2026-04-09T16:30:00Z', 'Asia/Shanghai', 'en', false)).toBe('00:30');
  });
});
