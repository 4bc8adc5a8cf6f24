import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { insertResidents, insertRound } from './scanning.test-support.ts';

// The clock starts at 2026-04-09T00:00Z; the round is running.
describe('testing: swabs at a lane take people off their gate’s queue count', () => {
  let t: TestApp;
  let a: string;
  let round: string;
  let gateId: string;
  let lane: Session;
  let people: { id: string; code: string }[];
  const url = (path: string) => `/api/communities/${a}${path}`;
  let keys = 0;
  const swab = (tubeId: string, i: number, extra: Record<string, unknown> = {}) =>
    call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes/${tubeId}/samples`), {
      code: people[i]!.code,
      clientKey: `queue-scan-${String(++keys).padStart(4, '0')}`,
      ...extra,
    });
  const count = (body: object) =>
    call(t.app, lane, 'POST', url(`/testing-rounds/${round}/gates/${gateId}/queue`), body);
  const queueNow = async () => {
    const advice = await call(t.app, lane, 'GET', url(`/testing-rounds/${round}/lane-advice`));
    expect(advice.statusCode, advice.body).toBe(200);
    return advice.json().gates.find((g: { gateId: string }) => g.gateId === gateId).queue as number;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedTwoCommunities(t.deps.db);
    a = seeded.a;
    const registry = await seedSmallRegistry(t.deps.db, a, seeded.ids.resident);
    gateId = registry.gate.id;
    people = await insertResidents(t.deps.db, a, registry.b2.id, 12);
    round = await insertRound(t.deps.db, a, { gateIds: [gateId] });
    const coordinator = await signIn(t.app, 'coordinator');
    const groups = (await call(t.app, coordinator, 'GET', url('/groups'))).json().items;
    const testing = groups.find((g: { key: string }) => g.key === 'testing').id;
    lane = (await seedGroupVolunteers(t.deps, a, testing, 1, 'swab'))[0]!.session;
  });
  afterAll(() => t.close());

  it('drops the count by one per swab after the last report, never below zero, and not for home visits', async () => {
    expect((await count({ queue: 3 })).json().queue).toBe(3);
    t.clock.advance(60_000);
    const tube = await call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes`), {
      barcode: 'Q-0001',
      gateId,
      lane: 1,
    });
    expect(tube.statusCode, tube.body).toBe(201);
    const tubeId = tube.json().id;
    expect((await swab(tubeId, 0)).statusCode).toBe(201);
    expect((await swab(tubeId, 1)).statusCode).toBe(201);
    expect(await queueNow()).toBe(1);

    // A scan queued offline before the last report was already left out of it.
    const before = new Date(t.clock.now().getTime() - 120_000).toISOString();
    expect((await swab(tubeId, 2, { sampledAt: before })).statusCode).toBe(201);
    expect(await queueNow()).toBe(1);

    // Its replay (same clientKey) lands nothing and takes nobody off.
    const replayed = { clientKey: 'queue-replay-1' };
    expect((await swab(tubeId, 3, replayed)).statusCode).toBe(201);
    expect(await queueNow()).toBe(0);
    expect((await swab(tubeId, 4)).statusCode).toBe(201);
    expect(await queueNow()).toBe(0);
    expect((await count({ delta: 2 })).json().queue).toBe(2);
    expect((await swab(tubeId, 3, replayed)).statusCode).toBe(201);
    expect(await queueNow()).toBe(2);

    // A door-to-door tube (no gate) leaves the gates' counts alone.
    const home = await call(t.app, lane, 'POST', url(`/testing-rounds/${round}/tubes`), {
      barcode: 'Q-HOME',
    });
    expect(home.statusCode, home.body).toBe(201);
    expect((await swab(home.json().id, 5)).statusCode).toBe(201);
    expect(await queueNow()).toBe(2);
  });
});
