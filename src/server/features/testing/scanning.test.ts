import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_CODE_PATTERN } from '../../../shared/api/testing-scans.ts';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { insertResidents, insertRound, scanningFingerprint } from './scanning.test-support.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai (the community's default zone).
describe('testing: scanning residents into pooled tubes at a lane', () => {
  let t: TestApp;
  let a: string;
  let round: string;
  let gateId: string;
  let b12: string;
  let lane: Session;
  let parcelsVolunteer: Session;
  let people: { id: string; code: string }[];
  let otherCommunityCode: string;
  const s = {} as Record<string, Session>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const open = (barcode: string, who = lane, r = round) =>
    call(t.app, who, 'POST', url(`/testing-rounds/${r}/tubes`), { barcode, gateId, lane: 1 });
  let keys = 0;
  const sample = (tubeId: string, body: Record<string, unknown>, who = lane) =>
    call(t.app, who, 'POST', url(`/testing-rounds/${round}/tubes/${tubeId}/samples`), {
      clientKey: `key-${++keys}-${Math.random().toString(36).slice(2, 8)}`,
      ...body,
    });
  const samplesIn = async (tubeId: string) => {
    const r = await t.deps.db.execute(
      sql`select count(*)::int as n from testing_samples where tube_id = ${tubeId}`,
    );
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedTwoCommunities(t.deps.db);
    a = seeded.a;
    const registry = await seedSmallRegistry(t.deps.db, a, seeded.ids.resident);
    gateId = registry.gate.id;
    b12 = registry.b12.id;
    people = await insertResidents(t.deps.db, a, registry.b2.id, 40);
    const inB = await seedSmallRegistry(t.deps.db, seeded.b);
    round = await insertRound(t.deps.db, a, { gateIds: [gateId] });
    for (const who of ['coordinator', 'staff', 'resident', 'b-coordinator', 'outsider']) {
      s[who] = await signIn(t.app, who);
    }
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id;
    lane = (await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab'))[0]!.session;
    parcelsVolunteer = (await seedGroupVolunteers(t.deps, a, groupId('parcels'), 1, 'gate'))[0]!.session;
    const cardsB = await call(
      t.app,
      s['b-coordinator']!,
      'GET',
      `/api/communities/${seeded.b}/testing-code-cards?buildingId=${inB.b12.id}`,
    );
    expect(cardsB.statusCode, cardsB.body).toBe(200);
    otherCommunityCode = cardsB.json().households[0].residents[0].personalCode;
  });
  afterAll(() => t.close());

  it("shows a resident their household's codes, made once, and prints a building's code cards for staff", async () => {
    const mine = await call(t.app, s.resident!, 'GET', url('/my/testing-codes'));
    expect(mine.statusCode, mine.body).toBe(200);
    const household = mine.json().household;
    expect(household).toMatchObject({ buildingCode: '12', room: '1203' });
    expect(household.residents.map((r: { name: string }) => r.name).sort()).toEqual(['张伟', '李芳'].sort());
    for (const r of household.residents) expect(r.personalCode).toMatch(PERSONAL_CODE_PATTERN);
    const again = await call(t.app, s.resident!, 'GET', url('/my/testing-codes'));
    expect(again.json()).toEqual(mine.json());
    expect(otherCommunityCode).toMatch(PERSONAL_CODE_PATTERN);

    const cards = await call(
      t.app,
      s.staff!,
      'GET',
      url(`/testing-code-cards?buildingId=${b12}&withoutAccount=1`),
    );
    expect(cards.statusCode, cards.body).toBe(200);
    // 1203 has an account holder (the resident), so only 101 needs a printed card
    expect(cards.json().households.map((h: { room: string }) => h.room)).toEqual(['101']);
    for (const who of [s.resident!, lane]) {
      const refused = await call(t.app, who, 'GET', url(`/testing-code-cards?buildingId=${b12}`));
      expect(refused.statusCode).toBe(403);
    }
    expect((await call(t.app, s.outsider!, 'GET', url('/my/testing-codes'))).statusCode).toBe(404);
    expect((await call(t.app, s['b-coordinator']!, 'GET', url('/my/testing-codes'))).statusCode).toBe(404);
  });

  it('opens a tube only in a published or running round, once per barcode, for the testing group and staff', async () => {
    const draft = await insertRound(t.deps.db, a, { gateIds: [gateId], status: 'draft', title: '草稿轮' });
    const finished = await insertRound(t.deps.db, a, {
      gateIds: [gateId],
      status: 'finished',
      title: '旧轮',
    });
    for (const r of [draft, finished]) {
      const refused = await open('T-0001', lane, r);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('TESTING_ROUND_NOT_OPEN');
    }
    expect((await open('T-0001', parcelsVolunteer)).statusCode).toBe(403);
    expect((await open('T-0001', s.resident!)).statusCode).toBe(403);
    expect((await open('T-0001', s['b-coordinator']!)).statusCode).toBe(404);

    const opened = await open(' t-0001 ');
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({
      barcode: 'T-0001',
      capacity: 10,
      samples: 0,
      closedAt: null,
      lane: 1,
    });
    const before = await scanningFingerprint(t.deps.db);
    const reused = await open('T-0001', s.staff!);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('TUBE_BARCODE_USED');
    expect(reused.json().error.message).toContain('T-0001');
    const published = await insertRound(t.deps.db, a, {
      gateIds: [gateId],
      status: 'published',
      title: '第2轮',
    });
    expect((await open('T-0001', s.staff!, published)).statusCode).toBe(409);
    expect(await scanningFingerprint(t.deps.db)).toEqual(before);
  });

  it('closes a 10-in-1 tube after ten residents and asks for a new tube for the eleventh', async () => {
    const tube = (await open('T-0100')).json();
    const answers = [];
    for (const p of people.slice(0, 10)) {
      const res = await sample(tube.id, { code: p.code.toLowerCase() });
      expect(res.statusCode, res.body).toBe(201);
      answers.push(res.json());
    }
    expect(answers.map((x) => x.tube.samples)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(answers.slice(0, 9).every((x) => !x.tubeFull && x.tube.closedAt === null)).toBe(true);
    expect(answers[9]).toMatchObject({ tubeFull: true, tube: { closedAt: '2026-04-09T00:00:00.000Z' } });
    expect(answers[0].resident).toMatchObject({ id: people[0]!.id, buildingCode: '2', room: '301' });

    const eleventh = await call(
      t.app,
      lane,
      'POST',
      url(`/testing-rounds/${round}/tubes/${tube.id}/samples`),
      {
        code: people[10]!.code,
        clientKey: 'eleventh-1',
      },
      { 'accept-language': 'en' },
    );
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error).toMatchObject({ code: 'TUBE_FULL' });
    expect(eleventh.json().error.message).toContain('open a new tube');
    expect(await samplesIn(tube.id)).toBe(10);
    const log = (await call(t.app, s.coordinator!, 'GET', url('/audit'))).json();
    expect(JSON.stringify(log)).toContain('testing.sample');
  });

  it('refuses a duplicate in the round, a resident of another compound and a closed tube, changing nothing', async () => {
    const tube = (await open('T-0200')).json();
    const before = await scanningFingerprint(t.deps.db);
    const en = { 'accept-language': 'en' };
    const post = (body: object) =>
      call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes/${tube.id}/samples`), body, en);

    const duplicate = await post({ code: people[3]!.code, clientKey: 'dup-000001' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('RESIDENT_ALREADY_SAMPLED');
    expect(duplicate.json().error.message).toContain('T-0100');
    expect(duplicate.json().error.message).toContain('08:00');

    const stranger = await post({ code: otherCommunityCode, clientKey: 'other-0001' });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('NOT_A_RESIDENT_HERE');
    expect(stranger.json().error.message).toContain('not a resident of this compound');
    const byId = await post({ residentId: '00000000-0000-4000-8000-000000000000', clientKey: 'other-0002' });
    expect(byId.json().error.code).toBe('NOT_A_RESIDENT_HERE');
    expect((await post({ clientKey: 'neither-01' })).statusCode).toBe(400);
    expect(await scanningFingerprint(t.deps.db)).toEqual(before);

    const closed = await call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes/${tube.id}/close`));
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ samples: 0, closedAt: expect.any(String) });
    const afterClose = await scanningFingerprint(t.deps.db);
    const intoClosed = await post({ code: people[20]!.code, clientKey: 'closed-001' });
    expect(intoClosed.statusCode).toBe(409);
    expect(intoClosed.json().error.code).toBe('TUBE_CLOSED');
    expect(
      (await call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes/${tube.id}/close`))).statusCode,
    ).toBe(409);
    expect(await scanningFingerprint(t.deps.db)).toEqual(afterClose);
  });

  it('lands an offline replay once: the same clientKey twice, and a queued batch sent twice', async () => {
    const tube = (await open('T-0300')).json();
    const post = (body: object) =>
      call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes/${tube.id}/samples`), body);
    const first = await post({
      code: people[11]!.code,
      clientKey: 'replay-0001',
      sampledAt: '2026-04-08T23:59:00Z',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().sampledAt).toBe('2026-04-08T23:59:00.000Z');
    const again = await post({
      code: people[11]!.code,
      clientKey: 'replay-0001',
      sampledAt: '2026-04-08T23:59:00Z',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());

    const batch = [12, 13, 14].map((i) => ({ code: people[i]!.code, clientKey: `batch-000${i}` }));
    const sendAll = async () => {
      const out = [];
      for (const item of batch) out.push(await post(item));
      return out;
    };
    const firstSend = await sendAll();
    const secondSend = await sendAll();
    expect(firstSend.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(secondSend.map((r) => r.json())).toEqual(firstSend.map((r) => r.json()));
    // the replay racing its first attempt (the phone retried while the first was still on its way)
    const raced = await Promise.all(
      [1, 2].map(() => post({ code: people[15]!.code, clientKey: 'raced-0001' })),
    );
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(raced[1]!.json()).toEqual(raced[0]!.json());
    expect(await samplesIn(tube.id)).toBe(5);
    const [row] = (
      (await t.deps.db.execute(sql`select samples from testing_tubes where id = ${tube.id}`)) as unknown as {
        rows: { samples: number }[];
      }
    ).rows;
    expect(row!.samples).toBe(5);
  });

  it('keeps a tube within capacity when fifteen scans race for its ten places', async () => {
    const tube = (await open('T-0400')).json();
    const racers = people.slice(20, 35);
    const results = await Promise.all(racers.map((p) => sample(tube.id, { code: p.code })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(['TUBE_FULL', 'TUBE_CLOSED']).toContain(r.json().error.code);
    }
    expect(await samplesIn(tube.id)).toBe(10);
    const counts = results.filter((r) => r.statusCode === 201).map((r) => r.json().tube.samples);
    expect(counts.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('finds residents by building, room and name, with the decade of birth and their sample in the round', async () => {
    const found = await call(
      t.app,
      lane,
      'GET',
      url(`/testing-rounds/${round}/sampling-residents?building=${encodeURIComponent('2号楼')}&room=301`),
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().residents).toEqual([
      expect.objectContaining({
        name: '居民00',
        birthYear: '195*',
        tubeBarcode: 'T-0100',
        sampledAt: expect.any(String),
      }),
      expect.objectContaining({ name: '居民01', birthYear: '195*', tubeBarcode: 'T-0100' }),
    ]);
    const elderly = await call(
      t.app,
      s.staff!,
      'GET',
      url(`/testing-rounds/${round}/sampling-residents?q=陆`),
    );
    expect(elderly.json().residents).toEqual([
      expect.objectContaining({
        name: '陆伯伯',
        buildingCode: '12',
        room: '101',
        sampledAt: null,
        tubeBarcode: null,
      }),
    ]);
    // chosen by id (no code): lands like a scanned code
    const tube = (await open('T-0500')).json();
    const chosen = await sample(tube.id, { residentId: elderly.json().residents[0].id });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().resident.name).toBe('陆伯伯');
    expect(
      (await call(t.app, s.resident!, 'GET', url(`/testing-rounds/${round}/sampling-residents?q=陆`)))
        .statusCode,
    ).toBe(403);
  });
});
