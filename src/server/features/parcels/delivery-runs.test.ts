import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCheapest, runDistance } from '../../../domain/parcels/run-edits.ts';
import { estimateRunSeconds } from '../../../domain/parcels/run-time.ts';
import type { TDeliveryPlan, TDeliveryRun } from '../../../shared/api/delivery-runs.ts';
import * as schema from '../../db/schema/index.ts';
import { openSse } from '../../test-support/sse-client.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { runsFingerprint, seedDeliveryCrew } from './delivery-runs.test-support.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai: the morning parcel shift is on.
describe('delivery runs: plan, move a building, confirm', () => {
  let t: TestApp;
  let a: string;
  let gateId: string;
  let shiftId: string;
  const building: Record<string, string> = {};
  const s = {} as Record<string, Session>;
  const riders: string[] = [];
  const url = (path: string, community = a) => `/api/communities/${community}${path}`;
  const plan = (body: unknown, who = s.leader!) => call(t.app, who, 'POST', url('/delivery-plans'), body);
  const move = (body: unknown, who = s.leader!) =>
    call(t.app, who, 'POST', url('/delivery-plans/move-stop'), body);
  const confirm = (planId: string, who = s.leader!) =>
    call(t.app, who, 'POST', url('/delivery-plans/confirm'), { planId });
  const receive = (code: string, count: number) =>
    call(t.app, s.coordinator!, 'POST', url('/parcels'), { batch: { buildingId: building[code], count } });
  const fingerprint = () => runsFingerprint(t.deps.db);
  const fleet = (...vehicles: [string, number, number?][]) =>
    vehicles.map(([kind, capacity, rider]) => ({
      kind,
      capacity,
      ...(rider === undefined ? {} : { riderId: riders[rider] }),
    }));
  const stopsOf = (p: TDeliveryPlan) => p.runs.flatMap((r) => r.stops.map((stop) => ({ run: r, stop })));
  const runOf = (p: TDeliveryPlan, code: string) => stopsOf(p).find((x) => x.stop.buildingCode === code)!.run;
  const expectTrueFigures = (run: TDeliveryRun, gate: { x: number; y: number }) => {
    expect(run.load).toBe(run.stops.reduce((sum, x) => sum + x.parcels, 0));
    expect(run.load).toBeLessThanOrEqual(run.capacity);
    expect(run.distanceM).toBe(runDistance(gate, run.stops));
    expect(run.estimatedSeconds).toBe(
      estimateRunSeconds({ distance: run.distanceM, load: run.load, stopCount: run.stops.length }),
    );
  };
  const GATE = { x: 200, y: 50 };

  beforeAll(async () => {
    t = await createTestApp();
    const crew = await seedDeliveryCrew(t);
    ({ a, gateId, shiftId } = crew);
    Object.assign(building, crew.building);
    Object.assign(s, crew.s);
    riders.push(...crew.riders);
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ids = JSON.stringify(spec.paths);
    for (const id of [
      'getDeliveryPlanning',
      'planDeliveryRuns',
      'moveDeliveryStop',
      'confirmDeliveryRuns',
      'listDeliveryRuns',
    ])
      expect(ids).toContain(`"operationId":"${id}"`);
  });

  it('refuses to plan while no parcel waits, and changes nothing', async () => {
    const before = await fingerprint();
    const res = await plan({ gateId, vehicles: fleet(['tricycle', 80]) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('NO_WAITING_PARCELS');
    expect(await fingerprint()).toEqual(before);
  });

  it('shows the leader today’s shift with its riders and vehicles, the gates and the bins', async () => {
    for (const [code, count] of [
      ['12', 6],
      ['2', 4],
      ['3', 3],
      ['4', 5],
      ['5', 2],
      ['6', 7],
    ] as const) {
      expect((await receive(code, count)).statusCode).toBe(201);
    }
    const res = await call(t.app, s.leader!, 'GET', url('/delivery-planning'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.day).toBe('2026-04-09');
    expect(body.shifts).toHaveLength(2);
    expect(body.currentShiftId).toBe(shiftId);
    expect(body.shifts[0].volunteers).toEqual([
      { id: riders[0], name: '志愿者1', role: '骑车配送', vehicles: ['tricycle', 'bicycle'] },
      { id: riders[1], name: '志愿者2', role: '骑车配送', vehicles: [] },
    ]);
    // With no shift chosen (after the day's last one) the leader still picks riders: the whole parcels group.
    const groupRiders = body.groupRiders.map((r: { id: string }) => r.id);
    expect(groupRiders).toEqual(expect.arrayContaining([riders[0], riders[1]]));
    expect(body.groupRiders.find((r: { id: string }) => r.id === riders[0]).vehicles).toEqual([
      'tricycle',
      'bicycle',
    ]);
    expect(body.vehicleKinds).toContainEqual({ kind: 'tricycle', capacity: 80 });
    expect(body.vehicleKinds).toContainEqual({ kind: 'car', capacity: 120 });
    expect(body.gates).toEqual([{ id: gateId, code: 'east', name: '东门', x: 200, y: 50 }]);
    expect(body.buildings.map((b: { code: string; waiting: number }) => `${b.code}:${b.waiting}`)).toEqual([
      '2:4',
      '3:3',
      '4:5',
      '5:2',
      '6:7',
      '12:6',
    ]);
    expect(body).toMatchObject({ unassignedWaiting: 0, draft: null, confirmed: [] });
  });

  it('refuses unknown gates, shifts and riders, a rider twice and a building no vehicle can carry', async () => {
    const before = await fingerprint();
    const refused = async (body: unknown, status: number, code: string) => {
      const res = await plan(body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res.json().error.message as string;
    };
    await refused({ gateId: crypto.randomUUID(), vehicles: fleet(['tricycle', 80]) }, 404, 'NOT_FOUND');
    await refused(
      { gateId, shiftId: crypto.randomUUID(), vehicles: fleet(['tricycle', 80]) },
      404,
      'NOT_FOUND',
    );
    await refused({ gateId, vehicles: fleet(['tricycle', 80, 3]) }, 400, 'UNKNOWN_RIDER');
    await refused(
      { gateId, vehicles: fleet(['tricycle', 80, 0], ['e_bike', 30, 0]) },
      400,
      'RIDER_ON_TWO_VEHICLES',
    );
    await refused({ gateId, vehicles: fleet(['tricycle', 0]) }, 400, 'VALIDATION_FAILED');
    await refused({ gateId, vehicles: fleet(['tricycle', 501]) }, 400, 'VALIDATION_FAILED');
    const message = await refused(
      { gateId, vehicles: fleet(['bicycle', 5], ['e_bike', 6]) },
      409,
      'BUILDING_OVER_CAPACITY',
    );
    expect(message).toBe('6号楼有 7 件快递，超过了最大车辆的容量（6 件）。请加一辆更大的车或调高容量。');
    expect(await fingerprint()).toEqual(before);
  });

  let draft: TDeliveryPlan;
  it('plans every building with waiting parcels onto exactly one run, none over its vehicle', async () => {
    const first = await plan({ gateId, shiftId, vehicles: fleet(['tricycle', 12, 0], ['e_bike', 8, 1]) });
    expect(first.statusCode, first.body).toBe(201);
    // Planning again replaces the draft: the first one is gone.
    const res = await plan({ gateId, shiftId, vehicles: fleet(['tricycle', 12, 0], ['e_bike', 8, 1]) });
    expect(res.statusCode, res.body).toBe(201);
    draft = res.json();
    expect((await confirm(first.json().planId)).statusCode).toBe(404);
    expect(draft.status).toBe('planned');
    const visited = stopsOf(draft)
      .map((x) => x.stop.buildingCode)
      .sort();
    expect(visited).toEqual(['12', '2', '3', '4', '5', '6']);
    expect(draft.totals).toMatchObject({ parcels: 27, buildings: 6, runs: draft.runs.length });
    for (const run of draft.runs) {
      expectTrueFigures(run, GATE);
      expect(run).toMatchObject({ status: 'planned', shiftId, gateId });
      expect(run.riderName).toBe(run.vehicle === 'tricycle' ? '志愿者1' : '志愿者2');
    }
    // 27 parcels on 12 + 8 places: some vehicle rides twice.
    expect(Math.max(...draft.runs.map((r) => r.trip))).toBeGreaterThan(1);
    const rows = await t.deps.db.select().from(schema.deliveryRuns);
    expect(new Set(rows.map((r) => r.planId))).toEqual(new Set([draft.planId]));
  });

  it('moves a building to a new run, then another in where it adds least, and drops an emptied run', async () => {
    const [x, y] = ['6', '3'];
    let res = await move({
      planId: draft.planId,
      buildingId: building[x],
      toVehicle: { kind: 'hand_cart', capacity: 40 },
    });
    expect(res.statusCode, res.body).toBe(200);
    let moved: TDeliveryPlan = res.json();
    const cart = runOf(moved, x);
    expect(cart).toMatchObject({ vehicle: 'hand_cart', capacity: 40, trip: 1, riderId: null, load: 7 });
    res = await move({ planId: draft.planId, buildingId: building[y], toRunId: cart.id });
    expect(res.statusCode, res.body).toBe(200);
    moved = res.json();
    const stopAt = (code: string) => stopsOf(draft).find((p) => p.stop.buildingCode === code)!.stop;
    const expected = insertCheapest(GATE, [stopAt(x)], stopAt(y));
    expect(runOf(moved, y).stops.map((p) => p.buildingCode)).toEqual(expected.map((p) => p.buildingCode));
    for (const run of moved.runs) expectTrueFigures(run, GATE);
    expect(moved.totals.parcels).toBe(27);

    // A move that would overload its target changes nothing.
    const full = moved.runs.find((r) => r.vehicle === 'e_bike')!;
    const tooBig = stopsOf(moved).find(
      (p) => p.run.id !== full.id && full.load + p.stop.parcels > full.capacity,
    )!;
    const before = await fingerprint();
    res = await move({ planId: draft.planId, buildingId: tooBig.stop.buildingId, toRunId: full.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RUN_OVER_CAPACITY');
    // Nor does a move to nowhere, of a building not on the plan, or to a rider of another group.
    const stop = { planId: draft.planId, buildingId: building[x] };
    const refusals: [unknown, number][] = [
      [{ ...stop, toRunId: crypto.randomUUID() }, 404],
      [{ ...stop, buildingId: crypto.randomUUID(), toRunId: full.id }, 404],
      [{ ...stop, planId: crypto.randomUUID(), toRunId: full.id }, 404],
      [stop, 400],
      [{ ...stop, toVehicle: { kind: 'car', capacity: 50, riderId: riders[3] } }, 400],
    ];
    for (const [body, status] of refusals) expect((await move(body)).statusCode).toBe(status);
    expect(await fingerprint()).toEqual(before);

    // Both buildings leave the cart for a car: the cart's run disappears, the car rides them.
    await move({ planId: draft.planId, buildingId: building[x], toVehicle: { kind: 'car', capacity: 120 } });
    res = await move({
      planId: draft.planId,
      buildingId: building[y],
      toRunId: runOf((await planning()).draft!, x).id,
    });
    moved = res.json();
    expect(moved.runs.some((r) => r.vehicle === 'hand_cart')).toBe(false);
    expect(runOf(moved, y).vehicle).toBe('car');
    expect(moved.runs.map((r) => r.seq)).toEqual(moved.runs.map((_, i) => i + 1));
    expect(moved.runs.every((r) => r.stops.length > 0)).toBe(true);
    draft = moved;
  });
  const planning = async () =>
    (await call(t.app, s.leader!, 'GET', url('/delivery-planning'))).json() as {
      draft: TDeliveryPlan | null;
      confirmed: TDeliveryRun[];
    };

  it('refuses to confirm when new parcels would overload a run, and changes nothing', async () => {
    const tight = draft.runs.find((r) => r.vehicle === 'e_bike')!;
    await receive(tight.stops[0]!.buildingCode, tight.capacity - tight.load + 1);
    const before = await fingerprint();
    const res = await confirm(draft.planId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLAN_OUTDATED');
    expect(res.json().error.message).toContain('请重新排线');
    expect(await fingerprint()).toEqual(before);
  });

  it('confirms: every waiting parcel on exactly one run, counts as attached, others told live', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(
      `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}${url('/events')}`,
      s.crewVolunteer!.cookie,
    );
    const res = await plan({
      gateId,
      shiftId,
      vehicles: fleet(['tricycle', 12, 0], ['e_bike', 8, 1], ['car', 40]),
    });
    const fresh: TDeliveryPlan = res.json();
    // One more parcel lands after planning at a building whose run has room: it goes along.
    const roomy = fresh.runs.find((r) => r.load < r.capacity)!;
    await receive(roomy.stops[0]!.buildingCode, 1);
    const done = await confirm(fresh.planId);
    expect(done.statusCode, done.body).toBe(200);
    const confirmed: TDeliveryPlan = done.json();
    expect(confirmed.status).toBe('confirmed');
    expect(runOf(confirmed, roomy.stops[0]!.buildingCode).stops[0]!.parcels).toBe(
      roomy.stops[0]!.parcels + 1,
    );
    const parcels = await t.deps.db.select().from(schema.parcels).where(eq(schema.parcels.communityId, a));
    expect(parcels.every((p) => p.status === 'on_run' && p.runId)).toBe(true);
    for (const run of confirmed.runs) {
      expectTrueFigures(run, GATE);
      for (const stop of run.stops) {
        const attached = parcels.filter((p) => p.runId === run.id && p.buildingId === stop.buildingId);
        expect(attached).toHaveLength(stop.parcels);
      }
    }
    expect(confirmed.totals.parcels).toBe(parcels.length);
    const event = await stream.waitFor(
      (e) => e.type === 'delivery_runs.changed' && e.data.status === 'confirmed',
    );
    expect(event.data.planId).toBe(fresh.planId);
    stream.close();
    // Each rider with a run is told, once, with what they carry; a vehicle without a rider tells no one.
    const told = await t.deps.db
      .select({ accountId: schema.outbox.accountId, params: schema.outbox.params })
      .from(schema.outbox)
      .where(and(eq(schema.outbox.kind, 'parcels.runs_assigned'), eq(schema.outbox.channel, 'inbox')));
    const riderRuns = confirmed.runs.filter((r) => r.riderId);
    expect(told).toHaveLength(new Set(riderRuns.map((r) => r.riderId)).size);
    expect(told.reduce((sum, n) => sum + Number((n.params as { parcels: number }).parcels), 0)).toBe(
      riderRuns.reduce((sum, r) => sum + r.load, 0),
    );

    // Once confirmed, the plan cannot be confirmed or changed again.
    const before = await fingerprint();
    expect((await confirm(fresh.planId)).json().error.code).toBe('PLAN_ALREADY_CONFIRMED');
    const again = await move({
      planId: fresh.planId,
      buildingId: building['2'],
      toVehicle: { kind: 'car', capacity: 99 },
    });
    expect(again.json().error.code).toBe('PLAN_ALREADY_CONFIRMED');
    expect(await fingerprint()).toEqual(before);

    const page = await planning();
    expect(page.draft).toBeNull();
    expect(page.confirmed.map((r) => r.id).sort()).toEqual(confirmed.runs.map((r) => r.id).sort());
    const list = await call(t.app, s.crewVolunteer!, 'GET', url('/delivery-runs?day=2026-04-09'));
    expect(list.statusCode).toBe(200);
    expect(list.json().runs.map((r: TDeliveryRun) => r.status)).toEqual(
      confirmed.runs.map(() => 'confirmed'),
    );
    const log = JSON.stringify((await call(t.app, s.coordinator!, 'GET', url('/audit'))).json());
    for (const action of ['parcels.plan_runs', 'parcels.move_stop', 'parcels.confirm_runs'])
      expect(log).toContain(action);
  });

  it('lets only the parcels leader and coordinators plan; another community sees nothing', async () => {
    await receive('2', 3);
    const mine = (
      await plan({ gateId, vehicles: fleet(['tricycle', 80]) }, s.coordinator!)
    ).json() as TDeliveryPlan;
    expect(mine.status).toBe('planned');
    const before = await fingerprint();
    for (const who of ['testing', 'crewVolunteer', 'otherLeader', 'resident']) {
      expect((await call(t.app, s[who]!, 'GET', url('/delivery-planning'))).statusCode, who).toBe(403);
      expect((await plan({ gateId, vehicles: fleet(['tricycle', 80]) }, s[who]!)).statusCode, who).toBe(403);
      expect((await confirm(mine.planId, s[who]!)).statusCode, who).toBe(403);
    }
    const b = (await call(t.app, s['b-coordinator']!, 'GET', '/api/session')).json().session.memberships[0]
      .communityId;
    expect((await call(t.app, s['b-coordinator']!, 'GET', url('/delivery-planning'))).statusCode).toBe(404);
    expect((await call(t.app, s['b-coordinator']!, 'GET', url('/delivery-runs'))).statusCode).toBe(404);
    const across = await call(t.app, s['b-coordinator']!, 'POST', url('/delivery-plans/confirm', b), {
      planId: mine.planId,
    });
    expect(across.statusCode).toBe(404);
    expect(await fingerprint()).toEqual(before);
    expect((await confirm(mine.planId, s.coordinator!)).statusCode).toBe(200);
  });
});
