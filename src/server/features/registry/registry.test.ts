import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/roles.ts';
import { databaseFingerprint, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

describe('the community registry', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let reg: Awaited<ReturnType<typeof seedSmallRegistry>>;
  const s = {} as Record<string, Session>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedTwoCommunities(t.deps.db);
    ({ a, b } = seeded);
    reg = await seedSmallRegistry(t.deps.db, a, seeded.ids.resident);
    await seedSmallRegistry(t.deps.db, b);
    for (const role of [...ROLES, 'b-coordinator']) s[role] = await signIn(t.app, role);
  });
  afterAll(() => t.close());

  it('lists buildings in number order with counts, and zones with the plan extent', async () => {
    const res = await call(t.app, s.volunteer!, 'GET', url('/buildings'));
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((x: { code: string }) => x.code)).toEqual(['2', '12']);
    expect(items[1]).toMatchObject({ households: 2, residents: 3, vulnerable: 2, relay: null });
    const plan = (await call(t.app, s.viewer!, 'GET', url('/zones'))).json();
    expect(plan.zones).toEqual([
      expect.objectContaining({ code: 'east', buildings: 2, gateId: reg.gate.id }),
    ]);
    expect(plan.bounds.width).toBeGreaterThanOrEqual(200);
  });

  it('masks mobile numbers and birth years for everyone by default', async () => {
    for (const role of ['coordinator', 'staff', 'leader', 'volunteer', 'viewer']) {
      const res = await call(t.app, s[role]!, 'GET', url('/residents?q=张伟'));
      expect(res.json().items[0]).toMatchObject({ mobile: '138****5678', birthYear: '198*', masked: true });
    }
  });

  it('reveals full numbers to staff and coordinators only, and audits each reveal', async () => {
    const res = await call(t.app, s.staff!, 'GET', url('/residents?q=张伟&reveal=true'));
    expect(res.json().items[0]).toMatchObject({ mobile: '13812345678', birthYear: '1980', masked: false });
    const log = await call(t.app, s.coordinator!, 'GET', url('/audit?action=resident.reveal'));
    expect(log.json().items[0]).toMatchObject({
      role: 'staff',
      summary: '查看了 1 位居民的完整联系方式（resident list）',
    });
    for (const role of ['leader', 'volunteer', 'viewer', 'resident']) {
      const denied = await call(t.app, s[role]!, 'GET', url('/residents?reveal=true'));
      expect(denied.statusCode).toBe(403);
    }
  });

  it('shows a resident only their own household', async () => {
    const res = await call(t.app, s.resident!, 'GET', url('/residents'));
    expect(
      res
        .json()
        .items.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['张伟', '李芳']);
    const hh = await call(t.app, s.resident!, 'GET', url('/households'));
    expect(hh.json().items.map((h: { room: string }) => h.room)).toEqual(['1203']);
    const other = reg.residents.find((r) => r.name === '王强')!;
    expect((await call(t.app, s.resident!, 'GET', url(`/residents/${other.id}`))).statusCode).toBe(404);
  });

  it('filters residents by flag, vulnerability, building and name or room', async () => {
    const flag = await call(t.app, s.leader!, 'GET', url('/residents?flag=hearing_impaired'));
    expect(flag.json().items.map((r: { name: string }) => r.name)).toEqual(['陆伯伯']);
    const vulnerable = await call(t.app, s.leader!, 'GET', url('/residents?vulnerable=true'));
    expect(vulnerable.json().total).toBe(2);
    const inBuilding = await call(t.app, s.leader!, 'GET', url(`/residents?buildingId=${reg.b2.id}`));
    expect(inBuilding.json().items.map((r: { name: string }) => r.name)).toEqual(['王小明', '王强']);
    const byRoom = await call(t.app, s.leader!, 'GET', url('/residents?q=1203&limit=1'));
    expect(byRoom.json()).toMatchObject({ total: 2, items: [expect.objectContaining({ room: '1203' })] });
    const bad = await call(t.app, s.leader!, 'GET', url('/residents?flag=vampire'));
    expect(bad.statusCode).toBe(400);
  });

  it('lets staff create, edit and remove a resident, with an audit record each', async () => {
    const created = await call(t.app, s.staff!, 'POST', url('/residents'), {
      buildingId: reg.b2.id,
      room: '601',
      name: '新居民',
      birthYear: 1950,
      mobile: '13611112222',
      flags: ['elderly_alone'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ buildingCode: '2', room: '601', mobile: '13611112222' });
    const twice = await call(t.app, s.staff!, 'POST', url('/residents'), {
      buildingId: reg.b2.id,
      room: '601',
      name: '新居民',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'RESIDENT_EXISTS', details: [{ path: 'body.name' }] });
    const edited = await call(t.app, s.coordinator!, 'PATCH', url(`/residents/${id}`), {
      note: '需上门核酸',
      flags: [],
    });
    expect(edited.json()).toMatchObject({ note: '需上门核酸', flags: [] });
    expect((await call(t.app, s.staff!, 'DELETE', url(`/residents/${id}`))).statusCode).toBe(204);
    expect((await call(t.app, s.staff!, 'GET', url(`/residents/${id}`))).statusCode).toBe(404);
    const log = (await call(t.app, s.staff!, 'GET', url('/audit?targetType=resident'))).json().items;
    expect(log.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'resident.delete',
      'resident.update',
      'resident.create',
    ]);
  });

  it('refuses edits from roles that only read, and changes nothing', async () => {
    const target = reg.residents[0]!;
    for (const role of ['leader', 'volunteer', 'viewer', 'resident']) {
      const before = await databaseFingerprint(t.deps.db);
      const res = await call(t.app, s[role]!, 'PATCH', url(`/residents/${target.id}`), { name: '改名' });
      expect(res.statusCode).toBe(403);
      expect(await databaseFingerprint(t.deps.db)).toBe(before);
    }
  });

  it('rejects bad resident input with field paths and writes nothing', async () => {
    const before = await databaseFingerprint(t.deps.db);
    const res = await call(t.app, s.staff!, 'POST', url('/residents'), {
      buildingId: reg.b2.id,
      room: '12 03; DROP',
      name: '',
      birthYear: 1800,
      mobile: '12345',
      flags: ['werewolf'],
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['body.birthYear', 'body.flags.0', 'body.mobile', 'body.name', 'body.room']);
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
  });

  it('sets and clears the relay contact of a building, who must live there', async () => {
    const zhang = reg.residents[0]!;
    const wang = reg.residents.find((r) => r.name === '王强')!;
    const set = await call(t.app, s.staff!, 'PUT', url(`/buildings/${reg.b12.id}/relay`), {
      residentId: zhang.id,
    });
    expect(set.json().relay).toEqual({
      residentId: zhang.id,
      name: '张伟',
      room: '1203',
      mobile: '138****5678',
    });
    const wrong = await call(t.app, s.staff!, 'PUT', url(`/buildings/${reg.b12.id}/relay`), {
      residentId: wang.id,
    });
    expect(wrong.json().error.code).toBe('RELAY_NOT_IN_BUILDING');
    const detail = (await call(t.app, s.volunteer!, 'GET', url(`/buildings/${reg.b12.id}`))).json();
    expect(detail.residentList.find((r: { name: string }) => r.name === '张伟').isRelay).toBe(true);
    expect(detail.householdList).toHaveLength(2);
    const cleared = await call(t.app, s.staff!, 'PUT', url(`/buildings/${reg.b12.id}/relay`), {
      residentId: null,
    });
    expect(cleared.json().relay).toBeNull();
  });

  it('moves a building on the site plan and refuses a zone of another community', async () => {
    const moved = await call(t.app, s.coordinator!, 'PATCH', url(`/buildings/${reg.b2.id}`), {
      x: 33.5,
      y: 44,
      floors: 11,
    });
    expect(moved.json()).toMatchObject({ x: 33.5, y: 44, floors: 11 });
    const foreignZone = (await call(t.app, s['b-coordinator']!, 'GET', `/api/communities/${b}/zones`)).json()
      .zones[0].id;
    const res = await call(t.app, s.coordinator!, 'PATCH', url(`/buildings/${reg.b2.id}`), {
      zoneId: foreignZone,
    });
    expect(res.json().error).toMatchObject({ code: 'UNKNOWN_ZONE', details: [{ path: 'body.zoneId' }] });
  });

  it("never shows or changes another community's registry", async () => {
    const theirs = (await call(t.app, s['b-coordinator']!, 'GET', `/api/communities/${b}/residents`)).json()
      .items[0];
    expect((await call(t.app, s.coordinator!, 'GET', url(`/residents/${theirs.id}`))).statusCode).toBe(404);
    expect((await call(t.app, s.coordinator!, 'DELETE', url(`/residents/${theirs.id}`))).statusCode).toBe(
      404,
    );
    expect((await call(t.app, s.coordinator!, 'GET', `/api/communities/${b}/residents`)).statusCode).toBe(
      404,
    );
  });
});

describe('site plan positions from a CSV', () => {
  let t: TestApp;
  let a: string;
  let staff: Session;
  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    await seedSmallRegistry(t.deps.db, a);
    staff = await signIn(t.app, 'staff');
  });
  afterAll(() => t.close());

  it('moves the buildings it names and reports the lines it cannot use', async () => {
    const csv = 'building,x,y\n12,300,80\n2号楼,15.5,20\n99,1,1\n天台,1,1\n';
    const res = await call(t.app, staff, 'POST', `/api/communities/${a}/buildings/positions`, { csv });
    expect(res.statusCode).toBe(200);
    expect(res.json().updated).toBe(2);
    expect(res.json().rejected.map((r: { row: number; code: string }) => [r.row, r.code])).toEqual([
      [4, 'BUILDING_NOT_FOUND'],
      [5, 'BUILDING_UNREADABLE'],
    ]);
    const items = (await call(t.app, staff, 'GET', `/api/communities/${a}/buildings`)).json().items;
    expect(items.map((b: { code: string; x: number; y: number }) => [b.code, b.x, b.y])).toEqual([
      ['2', 15.5, 20],
      ['12', 300, 80],
    ]);
  });

  it('refuses a file with nothing usable and changes nothing', async () => {
    const before = await databaseFingerprint(t.deps.db);
    const res = await call(t.app, staff, 'POST', `/api/communities/${a}/buildings/positions`, {
      csv: 'x\n99,1,1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('NO_VALID_ROWS');
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
  });
});
