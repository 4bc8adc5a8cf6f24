import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateRound } from '../../../domain/testing/index.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { evenSplit } from './simulation.service.ts';
import { seedTestingSite } from './testing-rounds.test-support.ts';

const small = {
  lanes: 3,
  serviceSeconds: { mean: 12, sd: 4 },
  switchSeconds: 60,
  crowdLimit: 30,
  callIntervalSeconds: 120,
  fixedSplit: { east: 2, west: 1 },
  buildings: [
    { id: '1', gate: 'east', residents: 40, walkSeconds: 200 },
    { id: '2', gate: 'east', residents: 35, walkSeconds: 150 },
    { id: '3', gate: 'west', residents: 20, walkSeconds: 90 },
  ],
  policy: 'tidal',
  seed: 7,
} as const;

describe('the "what if" simulator over HTTP', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let s: Record<string, Session>;
  const simulate = (body: unknown, who = s.testingLeader!, headers?: Record<string, string>) =>
    call(t.app, who, 'POST', site.url('/round-simulations'), body, headers);

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    s = site.s;
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const doc = JSON.stringify(
      (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths,
    );
    for (const id of ['simulateRound', 'getRoundSimulationInput'])
      expect(doc).toContain(`"operationId":"${id}"`);
  });

  it('runs the domain simulation on a good input: the same answer as the simulator itself', async () => {
    const res = await simulate(small);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const direct = simulateRound({
      ...small,
      fixedSplit: { ...small.fixedSplit },
      buildings: [...small.buildings],
    });
    expect(body).toMatchObject({
      makespanSeconds: direct.makespanSeconds,
      lowerBoundSeconds: direct.lowerBoundSeconds,
      maxQueue: direct.maxQueue,
      switches: direct.switches,
      residentsServed: 95,
    });
    expect(body.makespanSeconds).toBeGreaterThanOrEqual(body.lowerBoundSeconds);
    expect(Object.keys(body.maxQueue).sort()).toEqual(['east', 'west']);
  });

  it('refuses a bad input with a 400 that names the field and the problem', async () => {
    const res = await simulate({ ...small, lanes: 4 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toContainEqual({
      path: 'body.fixedSplit',
      message: "the gates' lanes add up to 3, not the round's 4 lanes",
    });
    const unknownGate = await simulate({
      ...small,
      buildings: [{ id: '9', gate: 'north', residents: 5, walkSeconds: 60 }],
    });
    expect(unknownGate.statusCode).toBe(400);
    expect(JSON.stringify(unknownGate.json().error.details)).toContain('building 9 uses gate \\"north\\"');
    const policy = await simulate({ ...small, policy: 'fastest' });
    expect(policy.statusCode).toBe(400);
    expect(policy.json().error.details[0].path).toBe('body.policy');
  });

  it('refuses a simulation too large for one request, in the caller’s language', async () => {
    const manyBuildings = Array.from({ length: 2001 }, (_, i) => ({
      id: String(i),
      gate: 'east',
      residents: 1,
      walkSeconds: 60,
    }));
    const wide = await simulate({ ...small, buildings: manyBuildings });
    expect(wide.statusCode, wide.body).toBe(400);
    expect(wide.json().error).toMatchObject({
      code: 'ROUND_SIMULATION_TOO_LARGE',
      message: '模拟的规模太大：2001 位居民、2001 栋楼；一次最多 50000 位居民、2000 栋楼。',
    });
    const crowded = Array.from({ length: 6 }, (_, i) => ({
      id: String(i),
      gate: i % 2 ? 'east' : 'west',
      residents: 9000,
      walkSeconds: 60,
    }));
    const big = await simulate({ ...small, buildings: crowded }, s.coordinator!, { 'accept-language': 'en' });
    expect(big.statusCode, big.body).toBe(400);
    expect(big.json().error.message).toContain('54000 residents in 6 buildings');
  });

  it('lets only coordinators, staff and the testing group’s leaders simulate', async () => {
    expect((await simulate(small, s.staff!)).statusCode).toBe(200);
    for (const who of ['testingVolunteer', 'parcelsLeader', 'resident'])
      expect((await simulate(small, s[who]!)).statusCode, who).toBe(403);
    const input = await call(t.app, s.testingVolunteer!, 'GET', site.url('/round-simulations/input'));
    expect(input.statusCode).toBe(403);
  });

  it('builds a ready-made input from the registry that the simulator accepts', async () => {
    const res = await call(t.app, s.coordinator!, 'GET', site.url('/round-simulations/input'));
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    // east gate at (200, 50): building 2 at (20, 40) is 180.3 m away, 12 at (120, 40) 80.6 m;
    // west gate at (0, 50): building 7 at (10, 80) is 31.6 m away. Walk: metres at 1 m/s + 60 s.
    expect(draft.input.buildings).toEqual([
      { id: '2', gate: 'east', residents: 2, walkSeconds: 240 },
      { id: '7', gate: 'west', residents: 3, walkSeconds: 92 },
      { id: '12', gate: 'east', residents: 3, walkSeconds: 141 },
    ]);
    expect(draft.input).toMatchObject({
      lanes: 6,
      fixedSplit: { east: 3, west: 3 },
      serviceSeconds: { mean: 12, sd: 4 },
      crowdLimit: 60,
      callIntervalSeconds: 120,
      switchSeconds: 60,
    });
    expect(draft.gates).toEqual([
      { key: 'east', name: '东门', residents: 5 },
      { key: 'west', name: '西门', residents: 3 },
    ]);
    expect(draft.residents).toBe(8);
    const run = await simulate({ ...draft.input, policy: 'fixed' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().residentsServed).toBe(8);
  });

  it('splits lanes evenly, the remainder to the busiest gates', () => {
    expect(
      evenSplit(7, [
        { key: 'a', residents: 10 },
        { key: 'b', residents: 30 },
        { key: 'c', residents: 20 },
      ]),
    ).toEqual({ a: 2, b: 3, c: 2 });
  });
});
