import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';

const registration = (mobile: string, extra: Record<string, unknown> = {}) => ({
  name: '新志愿者',
  mobile,
  password: 'volunteer-pw',
  buildingCode: '12',
  room: '1203',
  partyMember: true,
  workplace: '市级机关（局级）',
  skills: ['driving'],
  vehicles: ['e_bike'],
  ageBand: '60+',
  ...extra,
});

describe('volunteers: call, registration, approval and groups', () => {
  let t: TestApp;
  let a: string;
  const s = {} as Record<string, Session>;
  let joinPath: string;
  let callId: string;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const join = (body: unknown, path = joinPath) => call(t.app, null, 'POST', `/api${path}`, body);

  beforeAll(async () => {
    t = await createTestApp();
    ({ a } = await seedTwoCommunities(t.deps.db));
    await seedSmallRegistry(t.deps.db, a);
    for (const role of ['coordinator', 'staff', 'leader', 'volunteer']) s[role] = await signIn(t.app, role);
  });
  afterAll(() => t.close());

  it('lets the coordinator open a call with a link and a QR code', async () => {
    const res = await call(t.app, s.coordinator!, 'POST', url('/volunteer-calls'), { title: '下沉党员报到' });
    expect(res.statusCode).toBe(201);
    ({ path: joinPath, id: callId } = res.json());
    expect(joinPath).toMatch(/^\/join\/community-a\/[\w-]{16}$/);
    const qr = await call(t.app, s.coordinator!, 'GET', url(`/volunteer-calls/${callId}/qr.png`));
    expect(qr.headers['content-type']).toBe('image/png');
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await call(t.app, s.staff!, 'POST', url('/volunteer-calls'), { title: 'x' })).statusCode).toBe(
      403,
    );
    const info = await call(t.app, null, 'GET', `/api${joinPath}`);
    expect(info.json()).toEqual({
      communityName: '甲小区',
      title: '下沉党员报到',
      open: true,
      buildings: ['2', '12'],
    });
  });

  it('registers a volunteer as pending, signed in, with no second account for the same mobile', async () => {
    const res = await join(registration('13900000001'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: 'pending', communityName: '甲小区' });
    const cookie = res.cookies.find((c) => c.name === 'linli_session')!;
    const me = (
      await call(t.app, { cookie: `linli_session=${cookie.value}`, csrf: '' }, 'GET', '/api/session')
    ).json();
    expect(me.session.memberships).toEqual([]);
    expect(me.session.applications).toEqual([{ communityId: a, communityName: '甲小区', status: 'pending' }]);
    const before = await databaseFingerprint(t.deps.db);
    const again = await join(registration('13900000001', { name: '另一个人' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'MOBILE_REGISTERED',
      details: [{ path: 'body.mobile' }],
    });
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
  });

  it('refuses bad registrations clearly and writes nothing', async () => {
    const before = await databaseFingerprint(t.deps.db);
    const bad = await join({
      ...registration('12345'),
      password: 'short',
      skills: ['juggling'],
      ageBand: '99',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['body.ageBand', 'body.mobile', 'body.password', 'body.skills.0']);
    const unknown = await join(registration('13900000009', { buildingCode: '999' }));
    expect(unknown.json().error.code).toBe('UNKNOWN_BUILDING');
    const wrongLink = await call(
      t.app,
      null,
      'POST',
      '/api/join/community-a/not-a-token',
      registration('13900000008'),
    );
    expect(wrongLink.statusCode).toBe(404);
    expect(await databaseFingerprint(t.deps.db)).toBe(before);
  });

  it('shows coordinators the pending volunteers, without outside rank unless asked', async () => {
    await join(registration('13900000002', { name: '李师傅' }));
    const res = await call(t.app, s.coordinator!, 'GET', url('/volunteers?status=pending'));
    expect(res.json().total).toBe(2);
    expect(res.json().items[0]).toMatchObject({
      name: '新志愿者',
      status: 'pending',
      workplace: null,
      buildingCode: '12',
      skills: ['driving'],
    });
    const ranked = await call(
      t.app,
      s.coordinator!,
      'GET',
      url('/volunteers?status=pending&showWorkplace=true'),
    );
    expect(ranked.json().items[0].workplace).toBe('市级机关（局级）');
    expect((await call(t.app, s.staff!, 'GET', url('/volunteers?showWorkplace=true'))).statusCode).toBe(403);
    expect((await call(t.app, s.volunteer!, 'GET', url('/volunteers'))).statusCode).toBe(403);
  });

  it('approves in bulk into a group, which makes them volunteers of the community', async () => {
    const pending = (await call(t.app, s.coordinator!, 'GET', url('/volunteers?status=pending'))).json()
      .items;
    const parcels = (await call(t.app, s.volunteer!, 'GET', url('/groups')))
      .json()
      .items.find((g: { key: string }) => g.key === 'parcels');
    const res = await call(t.app, s.coordinator!, 'POST', url('/volunteers/decisions'), {
      volunteerIds: pending.map((v: { id: string }) => v.id),
      decision: 'approve',
      groupIds: [parcels.id],
    });
    expect(res.json()).toEqual({ updated: 2 });
    const volunteer = await signIn(t.app, '13900000001', 'volunteer-pw');
    const me = (await call(t.app, volunteer, 'GET', '/api/session')).json().session;
    expect(me.memberships).toEqual([expect.objectContaining({ communityId: a, roles: ['volunteer'] })]);
    expect(me.applications).toEqual([]);
    const groups = (await call(t.app, volunteer, 'GET', url('/groups'))).json().items;
    expect(groups.find((g: { key: string }) => g.key === 'parcels').members).toBe(2);
    const log = (await call(t.app, s.coordinator!, 'GET', url('/audit?action=volunteer.approve'))).json()
      .items;
    expect(log.map((e: { summary: string }) => e.summary).sort()).toEqual([
      '通过志愿者 新志愿者 的报名',
      '通过志愿者 李师傅 的报名',
    ]);
  });

  it('makes a volunteer a group leader and takes the role back', async () => {
    const [v] = (await call(t.app, s.coordinator!, 'GET', url('/volunteers?q=李师傅'))).json().items;
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const testing = groups.find((g: { key: string }) => g.key === 'testing');
    const parcels = groups.find((g: { key: string }) => g.key === 'parcels');
    const res = await call(t.app, s.coordinator!, 'PUT', url(`/volunteers/${v.id}/groups`), {
      groups: [{ groupId: parcels.id }, { groupId: testing.id, leader: true }],
    });
    expect(res.json().groups.map((g: { key: string; leader: boolean }) => [g.key, g.leader])).toEqual([
      ['parcels', false],
      ['testing', true],
    ]);
    const leader = await signIn(t.app, '13900000002', 'volunteer-pw');
    const roles = () =>
      call(t.app, leader, 'GET', '/api/session').then((r) => r.json().session.memberships[0].roles);
    expect(await roles()).toEqual(['leader', 'volunteer']);
    const listed = (await call(t.app, s.volunteer!, 'GET', url('/groups')))
      .json()
      .items.find((g: { key: string }) => g.key === 'testing');
    expect(listed.leaders).toEqual([{ volunteerId: v.id, name: '李师傅' }]);
    await call(t.app, s.coordinator!, 'PUT', url(`/volunteers/${v.id}/groups`), {
      groups: [{ groupId: testing.id }],
    });
    expect(await roles()).toEqual(['volunteer']);
  });

  it('turns a volunteer down, and closes the call', async () => {
    await join(registration('13900000003', { name: '王五' }));
    const [v] = (await call(t.app, s.coordinator!, 'GET', url('/volunteers?status=pending'))).json().items;
    await call(t.app, s.coordinator!, 'POST', url('/volunteers/decisions'), {
      volunteerIds: [v.id],
      decision: 'reject',
    });
    const wang = await signIn(t.app, '13900000003', 'volunteer-pw');
    expect((await call(t.app, wang, 'GET', '/api/session')).json().session.applications[0].status).toBe(
      'rejected',
    );
    const closed = await call(t.app, s.coordinator!, 'POST', url(`/volunteer-calls/${callId}/close`));
    expect(closed.json().registrations).toBe(3);
    const late = await join(registration('13900000004'));
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('CALL_CLOSED');
  });

  it('lets the coordinator add and rename groups, and nobody else', async () => {
    const created = await call(t.app, s.coordinator!, 'POST', url('/groups'), { name: '助老组' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '助老组', sort: 6, members: 0 });
    const renamed = await call(t.app, s.coordinator!, 'PATCH', url(`/groups/${created.json().id}`), {
      name: '为老服务组',
    });
    expect(renamed.json().name).toBe('为老服务组');
    expect((await call(t.app, s.leader!, 'POST', url('/groups'), { name: 'x' })).statusCode).toBe(403);
  });
});
