import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { insertSamples, seedTestingSite, testingFingerprint } from './testing-rounds.test-support.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai (the community's default zone).
describe('testing rounds: set-up, coverage and the door-to-door list', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let s: Record<string, Session>;
  let roundId: string;
  const round = (over: Record<string, unknown> = {}) => ({
    title: '第一轮全员核酸',
    day: '2026-04-10',
    startTime: '08:00',
    lanes: 6,
    gates: [
      { gateId: site.gates.east, lanes: 4, crowdLimit: 60 },
      { gateId: site.gates.west, lanes: 2, crowdLimit: 40 },
    ],
    ...over,
  });
  const create = (body: unknown, who = s.testingLeader!) =>
    call(t.app, who, 'POST', site.url('/testing-rounds'), body);
  const coverage = (query = '', who = s.testingVolunteer!) =>
    call(t.app, who, 'GET', site.url(`/testing-rounds/${roundId}/coverage${query}`));
  const send = (residentIds: string[], who = s.testingLeader!) =>
    call(t.app, who, 'POST', site.url(`/testing-rounds/${roundId}/door-to-door`), { residentIds });

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    s = site.s;
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const ids = JSON.stringify(
      (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths,
    );
    for (const id of [
      'createTestingRound',
      'listTestingRounds',
      'getTestingRound',
      'getRoundCoverage',
      'sendToDoorToDoor',
    ])
      expect(ids).toContain(`"operationId":"${id}"`);
  });

  it('refuses a bad set-up before writing anything, with a message in the caller’s language', async () => {
    const before = await testingFingerprint(t.deps.db);
    const cases: [unknown, number, string][] = [
      [round({ lanes: 5 }), 400, 'TESTING_ROUND_LANES_MISMATCH'],
      [
        round({ lanes: 4, gates: [{ gateId: site.gates.east, lanes: 4, crowdLimit: 60 }] }),
        400,
        'TESTING_ROUND_GATES_INVALID',
      ],
      [
        round({ zones: [{ zoneId: site.zones.west, gateId: crypto.randomUUID() }] }),
        400,
        'TESTING_ROUND_GATES_INVALID',
      ],
      [round({ zones: [{ zoneId: crypto.randomUUID(), gateId: site.gates.east }] }), 400, 'UNKNOWN_ZONE'],
      [round({ pooling: 7 }), 400, 'VALIDATION_FAILED'],
      [round({ lanes: 51 }), 400, 'VALIDATION_FAILED'],
      [round({ startTime: '25:00' }), 400, 'VALIDATION_FAILED'],
      [round({ shiftId: site.shifts.parcels }), 400, 'TESTING_ROUND_SHIFT_NOT_TESTING'],
      [round({ shiftId: crypto.randomUUID() }), 404, 'NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const res = await create(body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const zh = await create(round({ lanes: 5 }));
    expect(zh.json().error.message).toBe('各大门的通道数加起来是 6 条，和总通道数 5 条不一致。');
    const en = await call(t.app, s.testingLeader!, 'POST', site.url('/testing-rounds'), round({ lanes: 5 }), {
      'accept-language': 'en',
    });
    expect(en.json().error.message).toBe(
      'The lanes at the gates add up to 6, not to the 5 lanes of the round.',
    );
    expect(await testingFingerprint(t.deps.db)).toEqual(before);
  });

  it('creates a round in the community’s time zone and puts those who cannot come down on the door-to-door list', async () => {
    const res = await create(
      round({ shiftId: site.shifts.testing, zones: [{ zoneId: site.zones.west, gateId: site.gates.east }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    roundId = body.id;
    expect(body).toMatchObject({
      title: '第一轮全员核酸',
      status: 'draft',
      startsAt: '2026-04-10T00:00:00.000Z',
      day: '2026-04-10',
      startTime: '08:00',
      pooling: 10,
      lanes: 6,
      assumptions: {
        serviceMeanSeconds: 12.6,
        serviceSdSeconds: 4,
        switchSeconds: 60,
        callIntervalSeconds: 180,
      },
      shift: { id: site.shifts.testing },
      // 8 residents; 陆伯伯 (elderly living alone) and 赵奶奶 (mobility impaired) cannot come down
      figures: { expected: 8, tested: 0, homeVisits: 2 },
    });
    expect(body.gates).toEqual([
      expect.objectContaining({ gateId: site.gates.east, name: '东门', lanes: 4, crowdLimit: 60, queue: 0 }),
      expect.objectContaining({ gateId: site.gates.west, name: '西门', lanes: 2, crowdLimit: 40 }),
    ]);
    // the west zone goes to the east gate this round; the east zone keeps its usual gate
    expect(body.zones).toEqual([
      { zoneId: site.zones.east, name: '东区', gateId: site.gates.east },
      { zoneId: site.zones.west, name: '西区', gateId: site.gates.east },
    ]);
    const cov = (await coverage()).json();
    expect(cov.homeVisits.map((v: { name: string; reason: string }) => [v.name, v.reason]).sort()).toEqual([
      ['赵奶奶', 'vulnerable'],
      ['陆伯伯', 'vulnerable'],
    ]);
    const log = (await call(t.app, s.coordinator!, 'GET', site.url('/audit'))).json();
    expect(JSON.stringify(log)).toContain('新建核酸检测“第一轮全员核酸”');
    const list = (await call(t.app, s.testingVolunteer!, 'GET', site.url('/testing-rounds'))).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([roundId]);
  });

  it('counts coverage per building and overall, lists the untested vulnerable first, and who was visited', async () => {
    const p = site.people;
    await insertSamples(t.deps.db, site.a, roundId, [p['张伟']!, p['李芳']!]);
    await insertSamples(t.deps.db, site.a, roundId, [p['赵奶奶']!], 'home');
    const res = await coverage();
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json();
    expect(cov.overall).toEqual({ expected: 8, tested: 3 });
    // building order is numeric: 2, 7, 12
    expect(
      cov.buildings.map((b: { buildingCode: string; expected: number; tested: number }) => [
        b.buildingCode,
        b.tested,
        b.expected,
      ]),
    ).toEqual([
      ['2', 0, 2],
      ['7', 1, 3],
      ['12', 2, 3],
    ]);
    expect(cov.missing.total).toBe(5);
    const names = cov.missing.items.map((m: { name: string }) => m.name);
    expect(names.slice(0, 2)).toEqual(['孙丽', '陆伯伯']);
    expect(names.slice(2, 4).sort()).toEqual(['王小明', '王强'].sort());
    expect(names[4]).toBe('钱军');
    expect(cov.missing.items[1]).toMatchObject({ room: '101', buildingCode: '12', homeVisit: 'vulnerable' });
    expect(cov.homeVisits.find((v: { name: string }) => v.name === '赵奶奶')).toMatchObject({
      sampledPlace: 'home',
      sampledAt: '2026-04-10T00:30:00.000Z',
    });
    expect(cov.homeVisits.find((v: { name: string }) => v.name === '陆伯伯')).toMatchObject({
      sampledAt: null,
    });

    const inBuilding2 = (await coverage(`?buildingId=${site.buildings['2']}`)).json();
    expect(inBuilding2.missing.total).toBe(2);
    expect(inBuilding2.missing.items.every((m: { buildingCode: string }) => m.buildingCode === '2')).toBe(
      true,
    );
    const page3 = (await coverage('?pageSize=2&page=3')).json();
    expect(page3.missing).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(page3.missing.items.map((m: { name: string }) => m.name)).toEqual(['钱军']);
    expect((await coverage('?pageSize=2&page=9')).json().missing).toMatchObject({ total: 5, items: [] });

    const got = (await call(t.app, s.staff!, 'GET', site.url(`/testing-rounds/${roundId}`))).json();
    expect(got.figures).toEqual({ expected: 8, tested: 3, homeVisits: 2 });
  });

  it('sends the missing to the door-to-door list once, however often it is asked', async () => {
    const p = site.people;
    const auditCount = async () =>
      (await call(t.app, s.coordinator!, 'GET', site.url('/audit'))).json().items.length as number;
    const first = await send([p['王强']!, p['陆伯伯']!, p['王强']!]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ added: 1, alreadyListed: 1, homeVisits: 3 });
    const audited = await auditCount();
    const before = await testingFingerprint(t.deps.db);
    const again = await send([p['王强']!, p['陆伯伯']!]);
    expect(again.json()).toEqual({ added: 0, alreadyListed: 2, homeVisits: 3 });
    expect(await testingFingerprint(t.deps.db)).toEqual(before);
    expect(await auditCount()).toBe(audited);
    const cov = (await coverage()).json();
    expect(cov.homeVisits.find((v: { name: string }) => v.name === '王强')).toMatchObject({
      reason: 'missing',
    });
    // 陆伯伯 keeps the reason he was listed for
    expect(cov.homeVisits.find((v: { name: string }) => v.name === '陆伯伯')).toMatchObject({
      reason: 'vulnerable',
    });

    const unknown = await send([crypto.randomUUID()]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('TESTING_ROUND_UNKNOWN_RESIDENT');
    expect(await testingFingerprint(t.deps.db)).toEqual(before);
  });

  it('lets the testing group see, its leaders and the committee manage, and nobody else', async () => {
    const status = async (who: Session, method: 'GET' | 'POST', path: string, body?: unknown) =>
      (await call(t.app, who, method, site.url(path), body)).statusCode;
    const p = site.people;
    expect((await create(round({ title: '员工建的' }), s.staff!)).statusCode).toBe(201);
    expect((await create(round(), s.coordinator!)).statusCode).toBe(201);
    const before = await testingFingerprint(t.deps.db);
    // a volunteer of the testing group views but does not manage
    expect((await coverage('', s.testingVolunteer!)).statusCode).toBe(200);
    expect((await create(round(), s.testingVolunteer!)).statusCode).toBe(403);
    expect((await send([p['钱军']!], s.testingVolunteer!)).statusCode).toBe(403);
    // another group's volunteer and leader, and a resident, see nothing
    for (const who of [s.parcelsVolunteer!, s.resident!]) {
      expect(await status(who, 'GET', '/testing-rounds')).toBe(403);
      expect(await status(who, 'GET', `/testing-rounds/${roundId}/coverage`)).toBe(403);
    }
    expect((await create(round(), s.parcelsLeader!)).statusCode).toBe(403);
    expect((await send([p['钱军']!], s.parcelsLeader!)).statusCode).toBe(403);
    expect((await send([p['钱军']!], s.resident!)).statusCode).toBe(403);
    // another community: its round is not there, and this one's URLs are not theirs
    const other = s['b-coordinator']!;
    expect(
      (await call(t.app, other, 'GET', `/api/communities/${site.b}/testing-rounds/${roundId}/coverage`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(t.app, other, 'GET', `/api/communities/${site.b}/testing-rounds/${roundId}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await call(
          t.app,
          other,
          'POST',
          `/api/communities/${site.b}/testing-rounds/${roundId}/door-to-door`,
          {
            residentIds: [p['钱军']!],
          },
        )
      ).statusCode,
    ).toBe(404);
    expect(await status(other, 'GET', `/testing-rounds/${roundId}/coverage`)).toBe(404);
    expect(await testingFingerprint(t.deps.db)).toEqual(before);
  });
});
