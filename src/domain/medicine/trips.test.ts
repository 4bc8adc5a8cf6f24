import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIntoTrips, normalizeSourceKey, type TripRequest } from './trips.ts';
import type { Urgency } from './urgency.ts';

const at = (hour: number) => new Date(Date.UTC(2022, 3, 10, hour));
const request = (id: string, source: string | null, urgency: Urgency, hour: number): TripRequest => ({
  id,
  source,
  sourceKey: source === null ? null : normalizeSourceKey(source),
  urgency,
  deadlineAt: at(hour),
});

describe('normalizeSourceKey', () => {
  it('gives one key to one place however it is typed', () => {
    const same = (texts: string[]) => expect(new Set(texts.map(normalizeSourceKey)).size).toBe(1);
    same(['瑞金医院', ' 瑞金 医院 ', '瑞金院', '瑞金醫院', '瑞金医院。']);
    same(['老百姓大药房（长寿路店）', '老百姓药房(长寿路店)', '老百姓药店 长寿路店']);
    same(['长寿街道社区卫生服务中心', '长寿街道社区医院', '长寿街道卫生服务中心']);
    same(['Ruijin Hospital', 'ruijin-hospital', 'ＲＵＩＪＩＮ　ＨＯＳＰＩＴＡＬ']);
    same(['Watsons Pharmacy', 'watsons drugstore']);
  });

  it('keeps different places and branches apart, and is empty for nothing', () => {
    const keys = ['瑞金医院', '华山医院', '老百姓大药房（长寿路店）', '老百姓大药房（曹杨路店）', '医院'].map(
      normalizeSourceKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(normalizeSourceKey('  ，。 ')).toBe('');
  });

  it('is idempotent', () => {
    const piece = fc.constantFrom(
      '瑞金',
      '医院',
      '院',
      '大药房',
      '药店',
      '社区',
      '卫生服务中心',
      ' ',
      '（',
      'Hospital',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const key = normalizeSourceKey(pieces.join(''));
        expect(normalizeSourceKey(key)).toBe(key);
      }),
    );
  });
});

describe('groupIntoTrips', () => {
  it('groups by place, puts the most urgent trip first and requests by deadline', () => {
    const trips = groupIntoTrips([
      request('a', '瑞金医院', 'normal', 20),
      request('b', '老百姓大药房', 'high', 9),
      request('c', '瑞金院', 'critical', 4),
      request('d', null, 'normal', 30),
      request('e', '老百姓药店', 'normal', 22),
      request('f', ' ', 'high', 12),
    ]);
    expect(trips.map((t) => [t.kind, t.source, t.urgency, t.requests.map((r) => r.id)])).toEqual([
      ['source', '瑞金院', 'critical', ['c', 'a']],
      ['source', '老百姓大药房', 'high', ['b', 'e']],
      ['any', null, 'high', ['f', 'd']],
    ]);
    expect(trips[0]?.deadlineAt).toEqual(at(4));
  });

  it('keeps every request exactly once, in one trip per place, and does not depend on input order', () => {
    const places = fc.constantFrom<string | null>(
      null,
      '',
      '瑞金医院',
      '瑞金院',
      '华山医院',
      '老百姓大药房',
      '老百姓药店',
    );
    const req = fc.record({
      source: places,
      urgency: fc.constantFrom<Urgency>('critical', 'high', 'normal'),
      hour: fc.integer({ min: 0, max: 72 }),
    });
    fc.assert(
      fc.property(fc.array(req, { maxLength: 30 }), fc.nat(), (specs, seed) => {
        const requests = specs.map((s, i) => request(`r${i}`, s.source, s.urgency, s.hour));
        const trips = groupIntoTrips(requests);
        const ids = trips.flatMap((t) => t.requests.map((r) => r.id));
        expect([...ids].sort()).toEqual(requests.map((r) => r.id).sort());
        expect(trips.filter((t) => t.kind === 'any').length).toBeLessThanOrEqual(1);
        expect(new Set(trips.map((t) => t.sourceKey)).size).toBe(trips.length);
        for (const trip of trips) {
          for (const r of trip.requests) expect(r.sourceKey || null).toBe(trip.sourceKey);
          const times = trip.requests.map((r) => r.deadlineAt.getTime());
          expect(times).toEqual([...times].sort((x, y) => x - y));
          expect(trip.deadlineAt.getTime()).toBe(Math.min(...times));
        }
        const starts = trips.map((t) => t.deadlineAt.getTime());
        expect(starts).toEqual([...starts].sort((x, y) => x - y));
        const turn = seed % Math.max(1, requests.length);
        const rotated = [...requests.slice(turn), ...requests.slice(0, turn)];
        const shuffled = seed % 2 ? rotated.reverse() : rotated;
        const again = groupIntoTrips(shuffled).map((t) => t.requests.map((r) => r.id));
        expect(again).toEqual(trips.map((t) => t.requests.map((r) => r.id)));
      }),
    );
  });
});
