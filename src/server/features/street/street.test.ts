import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDashboard, TStreetOverview } from '../../../shared/api/dashboard.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { url } from '../committee/committee.test-support.ts';
import { dashboardFigures } from '../dashboard/dashboard-figures.ts';
import { type StreetScene, streetScene } from './street.test-support.ts';

/** The street row a compound's dashboard makes: the same figures, as ZStreetRow names them. */
const rowOf = (d: TDashboard) => ({
  communityId: d.communityId,
  name: d.name,
  volunteersOnShift: d.people.onShiftNow,
  parcelsWaiting: d.parcels.waiting,
  oldestParcelSince: d.parcels.oldestWaitingSince,
  testingCoverage: d.testing.current?.coverage ?? d.testing.last?.coverage ?? null,
  medicineOpen: d.medicine.open.critical + d.medicine.open.high + d.medicine.open.normal,
  medicineOverdue: d.medicine.overdue,
  disinfectionOverdue: d.disinfection.overdue,
  relaysUnconfirmed: d.relays.unconfirmed,
});

describe('street view: the granted compounds, each row its dashboard', () => {
  let t: TestApp;
  let x: StreetScene;
  let overview: TStreetOverview;

  beforeAll(async () => {
    t = await createTestApp();
    x = await streetScene(t);
    const res = await call(t.app, x.s.viewer!, 'GET', '/api/street/overview');
    expect(res.statusCode, res.body).toBe(200);
    overview = res.json();
  });
  afterAll(async () => t?.close());

  it('a viewer sees exactly the compounds they are granted, another street’s not', () => {
    expect(overview.communities.map((c) => c.communityId).sort()).toEqual([x.a, x.b].sort());
    expect(overview.at).toBe(t.clock.now().toISOString());
  });

  it('every row equals the compound’s dashboard on the same data', async () => {
    for (const row of overview.communities) {
      const dashboard = await dashboardFigures(t.deps.db, row.communityId, t.clock.now());
      const { street, latitude, longitude, ...figures } = row;
      expect(figures).toEqual(rowOf(dashboard));
    }
  });

  it('counts what the scene was built with (so the equality above is not of zeros)', () => {
    const a = overview.communities.find((c) => c.communityId === x.a)!;
    expect(a).toMatchObject({
      street: '虹桥街道',
      volunteersOnShift: 2,
      parcelsWaiting: 4,
      oldestParcelSince: '2026-04-09T00:00:00.000Z',
      testingCoverage: 0.4,
      medicineOpen: 4,
      medicineOverdue: 1,
      disinfectionOverdue: 2,
      relaysUnconfirmed: 2,
    });
    expect(a.latitude).toBeCloseTo(31.2304, 4);
    expect(overview.communities.find((c) => c.communityId === x.b)).toMatchObject({
      latitude: null,
      parcelsWaiting: 2,
      testingCoverage: null,
    });
  });

  it('a coordinator sees their own compound; members without the role and outsiders are refused', async () => {
    const own = await call(t.app, x.s['b-coordinator']!, 'GET', '/api/street/overview');
    expect(own.json().communities.map((c: { communityId: string }) => c.communityId)).toEqual([x.b]);
    for (const who of ['resident', 'volunteer', 'leader']) {
      const res = await call(t.app, x.s[who]!, 'GET', '/api/street/overview');
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await call(t.app, null, 'GET', '/api/street/overview')).statusCode).toBe(401);
  });

  it('the coordinator sets where the compound is; viewers read it and change nothing', async () => {
    const place = { latitude: 31.25, longitude: 121.5, street: '虹桥街道', dailyReportTime: '20:30' };
    const set = await call(t.app, x.s.coordinator!, 'PUT', url(x.a, '/place'), place);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual(place);
    expect((await call(t.app, x.s.viewer!, 'GET', url(x.a, '/place'))).json()).toEqual(place);
    for (const who of ['viewer', 'staff', 'leader']) {
      const res = await call(t.app, x.s[who]!, 'PUT', url(x.a, '/place'), { ...place, street: '别处' });
      expect([who, res.statusCode]).toEqual([who, 403]);
    }
    const half = await call(t.app, x.s.coordinator!, 'PUT', url(x.a, '/place'), {
      ...place,
      longitude: null,
    });
    expect(half.statusCode).toBe(400);
    const far = await call(t.app, x.s.coordinator!, 'PUT', url(x.a, '/place'), { ...place, latitude: 91 });
    expect(far.statusCode).toBe(400);
    expect((await call(t.app, x.s.coordinator!, 'GET', url(x.c, '/place'))).statusCode).toBe(404);
    const audit = await call(t.app, x.s.coordinator!, 'GET', url(x.a, '/audit?action=community.place'));
    expect(audit.body).toContain('20:30');
  });

  it('a viewer can change nothing anywhere: writes across features are 403', async () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/parcels', { batch: { buildingId: x.registry.b12.id, count: 1 } }],
      ['PUT', '/parcel-settings', { reminderMinutes: 60 }],
      ['POST', '/daily-reports/2026-04-11', undefined],
      ['PUT', '/place', { latitude: null, longitude: null, street: null, dailyReportTime: '21:00' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await call(t.app, x.s.viewer!, method as 'POST', url(x.a, path), body);
      expect([path, res.statusCode]).toEqual([path, 403]);
    }
  });
});
