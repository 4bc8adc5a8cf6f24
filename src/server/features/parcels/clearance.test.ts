import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroupVolunteers, seedSmallRegistry, seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { addShift, clearanceFingerprint, makeLeader, setParcelState } from './clearance.test-support.ts';

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai (the community's zone): "today" is 04-09.
describe('parcels: the daily clearance board (日清日结), closing a day, the history', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let b12: string;
  let b2: string;
  let crew: Awaited<ReturnType<typeof seedGroupVolunteers>>;
  let parcelsLeader: Session;
  const s = {} as Record<string, Session>;
  const url = (path: string, community = a) => `/api/communities/${community}${path}`;
  const board = async (day?: string, who = s.coordinator!) => {
    const res = await call(t.app, who, 'GET', url(`/parcel-board${day ? `?day=${day}` : ''}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const close = (body: unknown, who = parcelsLeader) => call(t.app, who, 'POST', url('/parcel-days'), body);
  const receive = async (body: unknown): Promise<string[]> => {
    const res = await call(t.app, crew[0]!.session, 'POST', url('/parcels'), body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().parcels.map((p: { id: string }) => p.id);
  };
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, b } = await seedTwoCommunities(t.deps.db));
    ({
      b12: { id: b12 },
      b2: { id: b2 },
    } = await seedSmallRegistry(t.deps.db, a));
    for (const who of ['coordinator', 'staff', 'leader', 'resident', 'b-coordinator']) {
      s[who] = await signIn(t.app, who);
    }
    const groups = (await call(t.app, s.coordinator!, 'GET', url('/groups'))).json().items;
    const groupId = (key: string) => groups.find((g: { key: string }) => g.key === key).id;
    crew = await seedGroupVolunteers(t.deps, a, groupId('parcels'), 5, 'crew');
    await makeLeader(t.deps.db, a, groupId('parcels'), crew[4]!);
    parcelsLeader = crew[4]!.session;
    const testing = await seedGroupVolunteers(t.deps, a, groupId('testing'), 1, 'swab');
    s.testing = testing[0]!.session;

    // Yesterday (04-08): one still waiting, one on a run, one delivered and picked up that day,
    // one delivered this morning. Received at 10:00 Shanghai.
    const yesterday = await receive({ batch: { buildingId: b12, count: 4 } });
    await setParcelState(t.deps.db, a, yesterday, { day: '2026-04-08', receivedAt: '2026-04-08T02:00:00Z' });
    await setParcelState(t.deps.db, a, [yesterday[1]!], { status: 'on_run' });
    await setParcelState(t.deps.db, a, [yesterday[2]!], {
      status: 'picked_up',
      deliveredAt: '2026-04-08T05:00:00Z',
      pickedUpAt: '2026-04-08T09:00:00Z',
    });
    await setParcelState(t.deps.db, a, [yesterday[3]!], {
      status: 'delivered',
      deliveredAt: '2026-04-09T01:00:00Z',
    });
    ids.yesterday = yesterday;
    // Today at 08:00: five for building 12 in every state, three waiting for building 2, one unassigned.
    const today12 = await receive({ batch: { buildingId: b12, count: 5 } });
    await setParcelState(t.deps.db, a, [today12[1]!], { status: 'on_run' });
    await setParcelState(t.deps.db, a, [today12[2]!], {
      status: 'delivered',
      deliveredAt: '2026-04-09T00:30:00Z',
    });
    await setParcelState(t.deps.db, a, [today12[3]!], {
      status: 'picked_up',
      deliveredAt: '2026-04-09T01:00:00Z',
      pickedUpAt: '2026-04-09T02:00:00Z',
    });
    await setParcelState(t.deps.db, a, [today12[4]!], {
      status: 'delivered',
      deliveredAt: '2026-04-09T01:30:00Z',
      remindedAt: '2026-04-09T05:30:00Z',
    });
    ids.today12 = today12;
    ids.today2 = await receive({ batch: { buildingId: b2, count: 3 } });
    ids.unassigned = await receive({
      parcels: [{ waybill: 'JD900000001', buildingCode: '99', source: 'typed' }],
    });

    // The parcels group's shifts today: A 08:00–10:00 with attendance (60 min checked out, and 90 min
    // checked in without a check-out, counted to the end); B 10:00–11:00 without attendance (2 signed up
    // × 60 min; the waitlisted one does not count). A called-off shift and the testing group's shift and
    // tomorrow's shift do not count: 270 minutes = 4.5 hours, on a mixed basis.
    const parcelsGroup = groupId('parcels');
    await addShift(t.deps.db, a, parcelsGroup, '2026-04-09T00:00:00Z', '2026-04-09T02:00:00Z', [
      {
        volunteerId: crew[0]!.volunteerId,
        checkedInAt: '2026-04-09T00:00:00Z',
        checkedOutAt: '2026-04-09T01:00:00Z',
      },
      { volunteerId: crew[1]!.volunteerId, checkedInAt: '2026-04-09T00:30:00Z' },
    ]);
    await addShift(t.deps.db, a, parcelsGroup, '2026-04-09T02:00:00Z', '2026-04-09T03:00:00Z', [
      { volunteerId: crew[2]!.volunteerId },
      { volunteerId: crew[3]!.volunteerId },
      { volunteerId: crew[0]!.volunteerId, status: 'waitlisted' },
    ]);
    const everyone = crew.map((c) => ({ volunteerId: c.volunteerId }));
    await addShift(
      t.deps.db,
      a,
      parcelsGroup,
      '2026-04-09T04:00:00Z',
      '2026-04-09T06:00:00Z',
      everyone,
      'cancelled',
    );
    await addShift(t.deps.db, a, parcelsGroup, '2026-04-10T00:00:00Z', '2026-04-10T04:00:00Z', everyone);
    await addShift(t.deps.db, a, groupId('testing'), '2026-04-09T00:00:00Z', '2026-04-09T08:00:00Z', [
      { volunteerId: testing[0]!.volunteerId },
    ]);
    t.clock.advance(6 * 3_600_000); // 14:00 in Shanghai, still 04-09
  });
  afterAll(() => t.close());

  it('shows each building, the unassigned bin and the compound for today, carried-over parcels included', async () => {
    const today = await board();
    expect(today).toMatchObject({
      day: '2026-04-09',
      today: '2026-04-09',
      timeZone: 'Asia/Shanghai',
      closure: null,
    });
    const row12 = today.buildings.find((x: { buildingCode: string }) => x.buildingCode === '12');
    expect(row12).toEqual({
      buildingId: b12,
      buildingCode: '12',
      received: 5,
      carriedOver: 2,
      waiting: 2,
      onRun: 2,
      delivered: 4,
      pickedUp: 1,
      flagged: 1,
      oldestWaitingAt: '2026-04-08T02:00:00.000Z',
    });
    expect(today.buildings.map((x: { buildingCode: string }) => x.buildingCode)).toEqual(['2', '12']);
    expect(today.buildings[0]).toMatchObject({ received: 3, waiting: 3, onRun: 0, delivered: 0 });
    expect(today.unassigned).toMatchObject({ buildingId: null, received: 1, waiting: 1, carriedOver: 0 });
    expect(today.compound).toEqual({
      received: 9,
      carriedOver: 2,
      waiting: 6,
      onRun: 2,
      delivered: 4,
      pickedUp: 1,
      flagged: 1,
      oldestWaitingAt: '2026-04-08T02:00:00.000Z',
    });
    const yesterday = await board('2026-04-08');
    expect(yesterday.compound).toMatchObject({
      received: 4,
      carriedOver: 0,
      waiting: 1,
      onRun: 1,
      delivered: 1,
      pickedUp: 1,
      flagged: 0,
    });
    // volunteers of the parcels group and staff see it; residents and other groups' volunteers do not
    expect((await board(undefined, crew[0]!.session)).compound.waiting).toBe(6);
    expect((await board(undefined, s.staff!)).compound.waiting).toBe(6);
    for (const who of [s.resident!, s.testing!]) {
      expect((await call(t.app, who, 'GET', url('/parcel-board'))).statusCode).toBe(403);
    }
  });

  it('computes the history: per volunteer-hour and the median gate-to-building time, open days live', async () => {
    const res = await call(t.app, crew[0]!.session, 'GET', url('/parcel-days?from=2026-04-08&to=2026-04-10'));
    expect(res.statusCode, res.body).toBe(200);
    const [d8, d9, d10] = res.json().days;
    // 04-09: delivered 30, 60 and 90 minutes after arrival, and yesterday's after 23 hours: median 75.
    expect(d9).toEqual({
      day: '2026-04-09',
      closed: false,
      closedAt: null,
      closedByName: null,
      received: 9,
      delivered: 4,
      pickedUp: 1,
      leftOver: null,
      volunteerHours: 4.5,
      hoursBasis: 'mixed',
      deliveredPerVolunteerHour: 0.9,
      medianMinutesToBuilding: 75,
    });
    expect(d8).toMatchObject({ received: 4, delivered: 1, medianMinutesToBuilding: 180, hoursBasis: 'none' });
    expect(d8.deliveredPerVolunteerHour).toBeNull();
    // tomorrow's shift is signed up (5 × 4 h), nothing delivered yet
    expect(d10).toMatchObject({ volunteerHours: 20, hoursBasis: 'signed_up', deliveredPerVolunteerHour: 0 });
    const defaults = (await call(t.app, s.staff!, 'GET', url('/parcel-days'))).json();
    expect([defaults.from, defaults.to, defaults.days.length]).toEqual(['2026-03-11', '2026-04-09', 30]);
    const reversed = await call(t.app, s.staff!, 'GET', url('/parcel-days?from=2026-04-09&to=2026-04-01'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('PARCEL_DAYS_RANGE');
  });

  it('refuses to close a day with parcels not delivered and no reason, naming them, and writes nothing', async () => {
    const before = await clearanceFingerprint(t.deps.db);
    const refused = await close({ day: '2026-04-09', reasons: [] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PARCEL_DAY_NOT_CLEARED');
    expect(refused.json().error.message).toContain('8');
    const outstanding = [
      ...ids.yesterday!.slice(0, 2),
      ...ids.today12!.slice(0, 2),
      ...ids.today2!,
      ...ids.unassigned!,
    ];
    const named = refused.json().error.details.map((d: { path: string }) => d.path.replace('reasons.', ''));
    expect(named.sort()).toEqual([...outstanding].sort());
    // reasons for some parcels only: still refused, naming the rest
    const partial = await close({
      day: '2026-04-09',
      reasons: outstanding.slice(0, 5).map((parcelId) => ({ parcelId, reason: 'recipient_away' })),
    });
    expect(partial.statusCode).toBe(409);
    expect(partial.json().error.details).toHaveLength(3);
    const blank = await close({ day: '2026-04-09', reasons: [{ parcelId: outstanding[0], reason: '  ' }] });
    expect(blank.statusCode).toBe(400);
    expect(await clearanceFingerprint(t.deps.db)).toBe(before);
  });

  it('lets only coordinators and the parcels group’s leaders close, and never a day to come', async () => {
    const body = { day: '2026-04-08', reasons: [] };
    for (const who of [crew[0]!.session, s.staff!, s.leader!]) {
      expect((await close(body, who)).statusCode).toBe(403);
    }
    const future = await close({ day: '2026-04-10', reasons: [] });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('PARCEL_DAY_IN_FUTURE');
  });

  it('closes a day with a reason per leftover: they keep their status, carry over, and the figures are kept', async () => {
    const leftovers = (
      await call(t.app, parcelsLeader, 'GET', url('/parcel-days/2026-04-08/leftovers'))
    ).json();
    expect(leftovers.parcels.map((p: { id: string }) => p.id).sort()).toEqual(
      ids.yesterday!.slice(0, 2).sort(),
    );
    const reasons = [
      { parcelId: ids.yesterday![0], reason: 'recipient_away' },
      { parcelId: ids.yesterday![1], reason: '门口有狗，明天再送' },
      { parcelId: ids.today12![2], reason: 'already delivered: ignored' },
    ];
    const res = await close({ day: '2026-04-08', reasons });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().figures).toMatchObject({
      received: 4,
      delivered: 1,
      pickedUp: 1,
      leftOver: 2,
      carriedOver: 0,
      medianMinutesToBuilding: 180,
      hoursBasis: 'none',
    });
    const again = await close({ day: '2026-04-08', reasons });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARCEL_DAY_ALREADY_CLOSED');

    const closedBoard = await board('2026-04-08');
    expect(closedBoard.closure).toMatchObject({ closedByName: '志愿者4', figures: { leftOver: 2 } });
    expect(closedBoard.closure.figures.leftovers.map((l: { reason: string }) => l.reason).sort()).toEqual([
      'recipient_away',
      '门口有狗，明天再送',
    ]);
    // still on the board of today as carried over, in the same state, with the reason given
    const today = await board();
    expect(today.compound).toMatchObject({ carriedOver: 2, waiting: 6, onRun: 2 });
    const todayLeftovers = (
      await call(t.app, crew[0]!.session, 'GET', url('/parcel-days/2026-04-09/leftovers'))
    ).json();
    const carried = todayLeftovers.parcels.filter((p: { day: string }) => p.day === '2026-04-08');
    expect(
      carried.map((p: { status: string; leftOverReason: string }) => [p.status, p.leftOverReason]).sort(),
    ).toEqual([
      ['on_run', '门口有狗，明天再送'],
      ['waiting', 'recipient_away'],
    ]);
    const log = JSON.stringify((await call(t.app, s.coordinator!, 'GET', url('/audit'))).json());
    expect(log).toContain('parcels.close_day');
  });

  it('records a closed day in the history as it was when closed', async () => {
    const leftovers = (
      await call(t.app, s.coordinator!, 'GET', url('/parcel-days/2026-04-09/leftovers'))
    ).json();
    const reasons = leftovers.parcels.map((p: { id: string }) => ({
      parcelId: p.id,
      reason: 'address_unclear',
    }));
    const res = await close({ day: '2026-04-09', reasons }, s.coordinator!);
    expect(res.statusCode, res.body).toBe(201);
    // a delivery after the close changes the parcels, not the recorded day
    await setParcelState(t.deps.db, a, [ids.today2![0]!], {
      status: 'delivered',
      deliveredAt: '2026-04-09T07:00:00Z',
    });
    const days = (
      await call(t.app, s.staff!, 'GET', url('/parcel-days?from=2026-04-09&to=2026-04-09'))
    ).json().days;
    expect(days[0]).toMatchObject({
      closed: true,
      closedByName: 'coordinator 测试',
      received: 9,
      delivered: 4,
      leftOver: 8,
      volunteerHours: 4.5,
      hoursBasis: 'mixed',
      deliveredPerVolunteerHour: 0.9,
      medianMinutesToBuilding: 75,
    });
    expect((await board('2026-04-09')).compound.delivered).toBe(5);
  });

  it('names its operations in the API description', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (ops) => Object.values(ops).map((op) => op.operationId),
    );
    for (const id of ['getClearanceBoard', 'closeParcelDay', 'listParcelDays', 'listParcelDayLeftovers']) {
      expect(ids).toContain(id);
    }
  });

  it('shows another community nothing of this one', async () => {
    const foreign = s['b-coordinator']!;
    expect((await call(t.app, foreign, 'GET', url('/parcel-board'))).statusCode).toBe(404);
    expect((await call(t.app, foreign, 'POST', url('/parcel-days'), { day: '2026-04-09' })).statusCode).toBe(
      404,
    );
    const own = (await call(t.app, foreign, 'GET', url('/parcel-board', b))).json();
    expect(own.buildings).toEqual([]);
    expect(own.compound).toMatchObject({ received: 0, waiting: 0, delivered: 0 });
    const history = (
      await call(t.app, foreign, 'GET', url('/parcel-days?from=2026-04-08&to=2026-04-09', b))
    ).json();
    expect(history.days.map((d: { received: number; closed: boolean }) => [d.received, d.closed])).toEqual([
      [0, false],
      [0, false],
    ]);
    const leftovers = (await call(t.app, foreign, 'GET', url('/parcel-days/2026-04-09/leftovers', b))).json();
    expect(leftovers.parcels).toEqual([]);
  });

  it('counts a parcel received at 23:30 in Shanghai on that local day, and the next local day starts at 00:00 there', async () => {
    t.clock.advance(9.5 * 3_600_000); // 2026-04-09T15:30Z = 23:30 in Shanghai
    const [late] = await receive({ batch: { buildingId: b2, count: 1 } });
    expect((await board()).day).toBe('2026-04-09');
    t.clock.advance(3_600_000); // 16:30Z: still 04-09 in UTC, 00:30 on 04-10 in Shanghai
    const next = await board();
    expect(next.day).toBe('2026-04-10');
    expect(next.compound).toMatchObject({ received: 0, carriedOver: 8 });
    const leftovers = (
      await call(t.app, s.coordinator!, 'GET', url('/parcel-days/2026-04-10/leftovers'))
    ).json();
    expect(leftovers.parcels.find((p: { id: string }) => p.id === late)).toMatchObject({ day: '2026-04-09' });
    expect((await board('2026-04-09')).compound.received).toBe(10);
  });
});
