import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { insertSamples, seedTestingSite } from './testing-rounds.test-support.ts';

// The clock starts at 2026-04-09T00:00Z; the round's lanes start 3 east + 3 west.
describe('testing: live queues at the gates, lane advice and lane switches', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let s: Record<string, Session>;
  let roundId: string;
  const path = (rest: string, round = roundId) => site.url(`/testing-rounds/${round}${rest}`);
  const count = (gate: 'east' | 'west', body: unknown, who = s.testingVolunteer!, round = roundId) =>
    call(t.app, who, 'POST', path(`/gates/${site.gates[gate]}/queue`, round), body);
  const advice = (who = s.testingVolunteer!) => call(t.app, who, 'GET', path('/lane-advice'));
  const move = (from: 'east' | 'west', to: 'east' | 'west', lanes?: number, who = s.testingLeader!) =>
    call(t.app, who, 'POST', path('/lane-switches'), {
      fromGateId: site.gates[from],
      toGateId: site.gates[to],
      ...(lanes ? { lanes } : {}),
    });
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
  const lanesAt = async () => {
    const gates = (await advice()).json().gates as { gateId: string; lanes: number }[];
    const of = (gate: 'east' | 'west') => gates.find((g) => g.gateId === site.gates[gate])!.lanes;
    return { east: of('east'), west: of('west') };
  };
  const createRound = async (title: string, status: string) => {
    const res = await call(t.app, s.testingLeader!, 'POST', site.url('/testing-rounds'), {
      title,
      day: '2026-04-10',
      startTime: '08:00',
      lanes: 6,
      gates: [
        { gateId: site.gates.east, lanes: 3, crowdLimit: 60 },
        { gateId: site.gates.west, lanes: 3, crowdLimit: 60 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await t.deps.db.execute(sql`update testing_rounds set status = ${status} where id = ${id}`);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    s = site.s;
    roundId = await createRound('第一轮全员核酸', 'published');
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const paths = JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    for (const id of ['recordQueueCount', 'getLaneAdvice', 'applyLaneSwitch', 'listLaneSwitches']) {
      expect(paths).toContain(`"operationId":"${id}"`);
    }
  });

  it('counts taps and typed numbers, never below zero, and starts the published round', async () => {
    for (const delta of [1, 1, 1, -1]) expect((await count('east', { delta })).statusCode).toBe(200);
    const two = await count('east', { delta: 0 });
    expect(two.json()).toMatchObject({ gateId: site.gates.east, queue: 2 });
    for (let i = 0; i < 4; i++) await count('east', { delta: -1 });
    expect((await count('east', { delta: 0 })).json().queue).toBe(0);
    const typed = await count('east', { queue: 37 }, s.staff!);
    expect(typed.json().queue).toBe(37);
    const [round] = await rows<{ status: string; started: boolean }>(
      sql`select status, started_at is not null as started from testing_rounds where id = ${roundId}`,
    );
    expect(round).toEqual({ status: 'running', started: true });
    const history = await rows<{ queue: number }>(
      sql`select queue from testing_queue_counts where round_id = ${roundId} order by id`,
    );
    expect(history.map((h) => h.queue)).toEqual([1, 2, 3, 2, 2, 1, 0, 0, 0, 0, 37]);
    // a tap is not a change to anybody's data: no audit entry per tap
    const audits = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action like 'testing.queue%'`,
    );
    expect(audits[0]!.n).toBe(0);
    // two phones tapping at once both count
    await Promise.all(Array.from({ length: 5 }, () => count('east', { delta: 1 })));
    expect((await count('east', { delta: 0 })).json().queue).toBe(42);
    expect((await count('east', { queue: -1 })).statusCode).toBe(400);
    expect((await count('east', { delta: 1, queue: 3 })).statusCode).toBe(400);
  });

  it('refuses counts in a draft or finished round, other communities, and those outside the testing group', async () => {
    const draft = await createRound('草稿轮', 'draft');
    const finished = await createRound('已结束轮', 'finished');
    for (const round of [draft, finished]) {
      const res = await count('east', { delta: 1 }, s.testingVolunteer!, round);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('TESTING_ROUND_NOT_LIVE');
    }
    expect((await count('east', { delta: 1 }, s.parcelsVolunteer!)).statusCode).toBe(403);
    expect((await count('east', { delta: 1 }, s.resident!)).statusCode).toBe(403);
    expect((await advice(s.parcelsVolunteer!)).statusCode).toBe(403);
    expect((await move('west', 'east', 1, s.testingVolunteer!)).statusCode).toBe(403);
    expect((await move('west', 'east', 1, s.parcelsLeader!)).statusCode).toBe(403);
    const other = await call(
      t.app,
      s['b-coordinator']!,
      'GET',
      `/api/communities/${site.b}/testing-rounds/${roundId}/lane-advice`,
    );
    expect(other.statusCode).toBe(404);
    const otherCount = await call(
      t.app,
      s['b-coordinator']!,
      'POST',
      `/api/communities/${site.b}/testing-rounds/${roundId}/gates/${site.gates.east}/queue`,
      { delta: 1 },
    );
    expect(otherCount.statusCode).toBe(404);
    const unknownGate = await call(
      t.app,
      s.testingVolunteer!,
      'POST',
      path(`/gates/${crypto.randomUUID()}/queue`),
      {
        delta: 1,
      },
    );
    expect(unknownGate.statusCode).toBe(404);
  });

  it('advises moving a lane from an idle west gate to a long east queue, and nothing when balanced', async () => {
    await count('east', { queue: 120 });
    await count('west', { queue: 0 });
    const long = (await advice()).json();
    expect(long.move).toEqual({ fromGateId: site.gates.west, toGateId: site.gates.east, lanes: 1 });
    expect(long.remainingAfterMoveSeconds).toBeLessThan(long.remainingSeconds);
    expect(long.forecastFrom).toBe('zones');
    const east = long.gates.find((g: { gateId: string }) => g.gateId === site.gates.east);
    expect(east).toMatchObject({ queue: 120, lanes: 3, servedLast10Minutes: 0 });

    await count('east', { queue: 30 });
    await count('west', { queue: 30 });
    const balanced = (await advice()).json();
    expect(balanced.move).toBeNull();
    expect(balanced.remainingAfterMoveSeconds).toBeNull();
  });

  it('forecasts the untested residents of the zones, or of the called buildings, and the last 10 minutes', async () => {
    const before = (await advice()).json();
    const gate = (body: typeof before, g: 'east' | 'west') =>
      body.gates.find((x: { gateId: string }) => x.gateId === site.gates[g]);
    const eastToCome = gate(before, 'east').toCome;
    expect(eastToCome).toBeGreaterThan(0);
    // one east resident sampled 5 minutes ago at an east lane, one an hour ago
    const east = await rows<{ id: string }>(sql`select r.id from residents r
      join households h on h.id = r.household_id join buildings b on b.id = h.building_id
      where b.id in (${site.buildings['12']}, ${site.buildings['2']}) order by r.name limit 2`);
    await insertSamples(t.deps.db, site.a, roundId, [east[0]!.id], 'lane', new Date('2026-04-08T23:55:00Z'));
    await insertSamples(t.deps.db, site.a, roundId, [east[1]!.id], 'lane', new Date('2026-04-08T23:00:00Z'));
    await t.deps.db.execute(
      sql`update testing_tubes set gate_id = ${site.gates.east} where round_id = ${roundId}`,
    );
    const after = (await advice()).json();
    expect(gate(after, 'east')).toMatchObject({ toCome: eastToCome - 2, servedLast10Minutes: 1 });

    // with a call-down plan only the buildings called by now count
    await t.deps.db.execute(sql`insert into testing_calls (community_id, round_id, building_id, gate_id, call_at)
      values (${site.a}, ${roundId}, ${site.buildings['7']}, ${site.gates.west}, '2026-04-08T23:50:00Z'),
             (${site.a}, ${roundId}, ${site.buildings['12']}, ${site.gates.east}, '2026-04-09T01:00:00Z')`);
    const called = (await advice()).json();
    expect(called.forecastFrom).toBe('calls');
    expect(gate(called, 'east').toCome).toBe(0);
    expect(gate(called, 'west').toCome).toBe(gate(before, 'west').toCome);
    await t.deps.db.execute(sql`delete from testing_calls where round_id = ${roundId}`);
  });

  it('moves lanes with one tap, keeps the history and audits it', async () => {
    const res = await move('west', 'east');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().laneSwitch).toMatchObject({ fromGate: '西门', toGate: '东门', lanes: 1 });
    expect(await lanesAt()).toEqual({ east: 4, west: 2 });
    expect((await move('east', 'west', 2, s.coordinator!)).statusCode).toBe(201);
    expect(await lanesAt()).toEqual({ east: 2, west: 4 });
    const history = await call(t.app, s.testingVolunteer!, 'GET', path('/lane-switches'));
    expect(
      history.json().items.map((i: { fromGate: string; lanes: number }) => [i.fromGate, i.lanes]),
    ).toEqual([
      ['西门', 1],
      ['东门', 2],
    ]);
    const audits = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'testing.lane_switch'`,
    );
    expect(audits[0]!.n).toBe(2);
    const tooMany = await move('east', 'west', 3);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.code).toBe('LANES_NOT_AVAILABLE');
    expect((await move('east', 'east')).statusCode).toBe(400);
  });

  it('never moves more lanes than a gate has when leaders tap at once', async () => {
    const before = await lanesAt();
    const answers = await Promise.all(
      Array.from({ length: before.west + 3 }, (_, i) =>
        move('west', 'east', 1, i % 2 ? s.coordinator! : s.testingLeader!),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(before.west);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(3);
    expect(await lanesAt()).toEqual({ east: before.east + before.west, west: 0 });
    const switched = await rows<{ n: number }>(
      sql`select coalesce(sum(lanes), 0)::int as n from testing_lane_switches where round_id = ${roundId}`,
    );
    expect(switched[0]!.n).toBe(1 + 2 + before.west);
  });
});
