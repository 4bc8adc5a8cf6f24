import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai (the community's default zone).
describe('parcels: intake at the gate and the building bins', () => {
  let t: TestApp;
  let a: string;
  let b12: string;
  let b2: string;
  let gate: Session;
  let testingVolunteer: Session;
  const s = {} as Record<string, Session>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const receive = (body: unknown, who = gate) => call(t.app, who, 'POST', url('/parcels'), body);
  /** Parcels and audit entries: a refused request must leave both as they were. */
  const written = async () => {
    const result = await t.deps.db.execute(
      sql`select (select count(*)::int from parcels) as parcels, (select count(*)::int from audit_log) as audit`,
    );
    return (result as unknown as { rows: unknown[] }).rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    const registry = await seedSmallRegistry(t.deps.db, a);
    b12 = registry.b12.id;
    b2 = registry.b2.id;
    for (const who of ['coordinator', 'staff', 'resident', 'b-coordinator', 'outsider']) {
      s[who] = await signIn(t.app, who);
    }
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id;
    gate = (await seedGroupVolunteers(t.deps, a, groupId('parcels'), 1, 'gate'))[0]!.session;
    testingVolunteer = (await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab'))[0]!.session;
  });
  afterAll(() => t.close());

  it('records a scanned parcel in its building’s bin, matched to the household, on the local day', async () => {
    const res = await receive({
      parcels: [
        {
          waybill: ' sf 1234 5678 ',
          buildingCode: '12号楼',
          room: '1203室',
          phoneTail: '5678',
          source: 'scan',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ day: '2026-04-09', count: 1, unassigned: 0 });
    expect(body.parcels[0]).toMatchObject({
      waybill: 'SF12345678',
      buildingId: b12,
      buildingCode: '12',
      room: '1203',
      phoneTail: '5678',
      status: 'waiting',
      source: 'scan',
      note: null,
      receivedAt: '2026-04-09T00:00:00.000Z',
    });
    expect(body.parcels[0].householdId).toEqual(expect.any(String));
    const log = (await call(t.app, s.coordinator!, 'GET', url('/audit'))).json();
    expect(JSON.stringify(log)).toContain('parcels.receive');
  });

  it('records a batch of parcels without waybills for one building, all at once', async () => {
    const res = await receive({ batch: { buildingId: b2, count: 3 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().count).toBe(3);
    expect(res.json().parcels.map((p: { source: string; waybill: null }) => [p.source, p.waybill])).toEqual([
      ['batch', null],
      ['batch', null],
      ['batch', null],
    ]);
    const unknown = await receive({ batch: { buildingId: crypto.randomUUID(), count: 2 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_BUILDING');
  });

  it('refuses a waybill already recorded with 409, naming it, and writes nothing of the request', async () => {
    const before = await written();
    const res = await receive({
      parcels: [
        { waybill: 'YT0000000001', buildingId: b2, source: 'typed' },
        { waybill: 'sf12345678', buildingId: b12, source: 'scan' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_WAYBILL');
    expect(res.json().error.message).toContain('SF12345678');
    expect(res.json().error.message).toContain('2026-04-09 08:00');
    expect(await written()).toEqual(before);
    const search = await call(t.app, gate, 'GET', url('/parcels?q=YT0000000001'));
    expect(search.json().parcels).toEqual([]);
  });

  it('refuses the same waybill twice within one request, and invalid waybills, before any write', async () => {
    const before = await written();
    const twice = await receive({
      parcels: [
        { waybill: 'ZT-777777', buildingId: b2, source: 'scan' },
        { waybill: 'zt-777777 ', buildingId: b12, source: 'scan' },
      ],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('WAYBILL_REPEATED');
    const bad = await receive({ parcels: [{ waybill: 'ab#1', buildingId: b2, source: 'typed' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toContain('waybill');
    const tooMany = await receive({ batch: { buildingId: b2, count: 501 } });
    expect(tooMany.statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('lands a parcel for an unknown building in the unassigned bin with a note, never lost', async () => {
    const res = await receive({
      parcels: [
        { waybill: 'JD900000001', buildingCode: '99', room: '301', source: 'typed' },
        { waybill: 'JD900000002', buildingCode: '12', room: '9999', source: 'typed' },
        { waybill: 'JD900000003', source: 'typed' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().unassigned).toBe(2);
    const byWaybill = Object.fromEntries(res.json().parcels.map((p: { waybill: string }) => [p.waybill, p]));
    expect(byWaybill.JD900000001).toMatchObject({
      buildingId: null,
      room: '301',
      note: 'unknown_building:99 301',
    });
    expect(byWaybill.JD900000002).toMatchObject({
      buildingId: b12,
      room: '9999',
      householdId: null,
      note: 'unknown_room:12-9999',
    });
    expect(byWaybill.JD900000003).toMatchObject({ buildingId: null, note: 'no_building:' });
    const bin = await call(t.app, gate, 'GET', url('/parcels?buildingId=unassigned'));
    expect(
      bin
        .json()
        .parcels.map((p: { waybill: string }) => p.waybill)
        .sort(),
    ).toEqual(['JD900000001', 'JD900000003']);
  });

  it('lets coordinators and staff record, but not residents, other groups or other communities', async () => {
    const one = (waybill: string) => ({ parcels: [{ waybill, buildingId: b2, source: 'typed' }] });
    expect((await receive(one('STAFF000001'), s.staff!)).statusCode).toBe(201);
    expect((await receive(one('COORD000001'), s.coordinator!)).statusCode).toBe(201);
    const before = await written();
    for (const who of [s.resident!, testingVolunteer]) {
      expect((await receive(one('NOPE0000001'), who)).statusCode).toBe(403);
      expect((await call(t.app, who, 'GET', url('/parcel-bins'))).statusCode).toBe(403);
    }
    for (const who of [s['b-coordinator']!, s.outsider!]) {
      expect((await receive(one('NOPE0000002'), who)).statusCode).toBe(404);
      expect((await call(t.app, who, 'GET', url('/parcels'))).statusCode).toBe(404);
    }
    expect(await written()).toEqual(before);
  });

  it('counts the bins: waiting per building, the oldest arrival, the unassigned bin first', async () => {
    const res = await call(t.app, gate, 'GET', url('/parcel-bins'));
    expect(res.statusCode).toBe(200);
    const bins = res.json();
    expect(bins).toMatchObject({ day: '2026-04-09', receivedToday: 9, waiting: 9 });
    expect(bins.unassigned).toMatchObject({ buildingId: null, waiting: 2 });
    expect(bins.buildings).toEqual([
      { buildingId: b2, buildingCode: '2', waiting: 5, oldestReceivedAt: '2026-04-09T00:00:00.000Z' },
      { buildingId: b12, buildingCode: '12', waiting: 2, oldestReceivedAt: '2026-04-09T00:00:00.000Z' },
    ]);
  });

  it('dates a parcel received at 23:30 UTC on the next local day in Asia/Shanghai', async () => {
    t.clock.advance(23.5 * 3600_000);
    const res = await receive({ parcels: [{ waybill: 'SF-NIGHT-01', buildingId: b12, source: 'scan' }] });
    expect(res.statusCode).toBe(201);
    expect(res.json().day).toBe('2026-04-10');
    const today = (await call(t.app, gate, 'GET', url('/parcel-bins'))).json();
    expect(today).toMatchObject({ day: '2026-04-10', receivedToday: 1, waiting: 10 });
    const yesterday = (await call(t.app, gate, 'GET', url('/parcel-bins?day=2026-04-09'))).json();
    expect(yesterday.receivedToday).toBe(9);
    const listed = (await call(t.app, gate, 'GET', url(`/parcels?day=2026-04-10&buildingId=${b12}`))).json();
    expect(listed.parcels.map((p: { waybill: string }) => p.waybill)).toEqual(['SF-NIGHT-01']);
  });
});
