import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema/index.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type RideScene, rideFingerprint, rideScene, seedRun } from './test-runs.ts';

type Room = {
  room: string | null;
  pickupCode: string | null;
  hasAccount: boolean;
  parcels: { id: string }[];
};

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai.
describe('parcels: riding a delivery run', () => {
  let t: TestApp;
  let x: RideScene;
  const url = (path: string) => `/api/communities/${x.a}${path}`;
  const mark = (seq: number, who: Session, runId = x.runId) =>
    call(t.app, who, 'POST', url(`/delivery-runs/${runId}/stops/${seq}/delivered`));
  const notices = async (kind?: string) =>
    (
      await t.deps.db
        .select({ accountId: outbox.accountId, kind: outbox.kind, params: outbox.params, link: outbox.link })
        .from(outbox)
        .where(kind ? and(eq(outbox.communityId, x.a), eq(outbox.kind, kind)) : eq(outbox.communityId, x.a))
    ).map((n) => ({ ...n, params: n.params as Record<string, string | number> }));

  beforeAll(async () => {
    t = await createTestApp();
    x = await rideScene(t);
  });
  afterAll(() => t.close());

  it("shows the rider today's run: stops in riding order, parcels by room, the next building", async () => {
    const res = await call(t.app, x.s.rider!, 'GET', url('/my-runs'));
    expect(res.statusCode, res.body).toBe(200);
    const { runs, buildings } = res.json();
    expect(buildings).toHaveLength(2);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: x.runId,
      status: 'confirmed',
      nextStopSeq: 1,
      gate: { x: 200, y: 50 },
    });
    const [b12, b2] = runs[0].stops;
    expect([b12.buildingCode, b2.buildingCode]).toEqual(['12', '2']);
    expect(b12.rooms.map((r: Room) => [r.room, r.parcels.length, r.hasAccount, r.pickupCode])).toEqual([
      ['101', 1, false, null],
      ['1203', 2, true, null],
      ['9999', 1, false, null],
      [null, 1, false, null],
    ]);
    // another volunteer of the group rides nothing today; residents may not ask
    expect((await call(t.app, x.s.otherVolunteer!, 'GET', url('/my-runs'))).json().runs).toEqual([]);
    expect((await call(t.app, x.s.resident!, 'GET', url('/my-runs'))).statusCode).toBe(403);
  });

  it("refuses someone else's run with 403 and a run not confirmed with 409, writing nothing", async () => {
    const planned = await seedRun(t.deps.db, {
      communityId: x.a,
      riderVolunteerId: x.riderVolunteerId,
      status: 'planned',
      stops: [{ buildingId: x.b2, parcelIds: [] }],
    });
    const before = await rideFingerprint(t.deps.db);
    for (const res of [
      await call(t.app, x.s.otherVolunteer!, 'POST', url(`/delivery-runs/${x.runId}/start`)),
      await mark(1, x.s.otherVolunteer!),
      await mark(1, x.s.swab!),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('NOT_YOUR_RUN');
    }
    expect((await mark(1, x.s.resident!)).statusCode).toBe(403);
    const notConfirmed = await call(t.app, x.s.rider!, 'POST', url(`/delivery-runs/${planned}/start`));
    expect(notConfirmed.statusCode).toBe(409);
    expect(notConfirmed.json().error.code).toBe('RUN_NOT_CONFIRMED');
    expect((await mark(9, x.s.rider!)).statusCode).toBe(404);
    expect(await rideFingerprint(t.deps.db)).toBe(before);
  });

  it('starts the run for its rider, and answers a second start the same', async () => {
    const res = await call(t.app, x.s.rider!, 'POST', url(`/delivery-runs/${x.runId}/start`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'started', startedAt: '2026-04-09T00:00:00.000Z' });
    const again = await call(t.app, x.s.rider!, 'POST', url(`/delivery-runs/${x.runId}/start`));
    expect(again.json()).toEqual(res.json());
    const log = (await call(t.app, x.s.coordinator!, 'GET', url('/audit'))).json();
    expect(JSON.stringify(log).match(/parcels\.run_start/g)).toHaveLength(1);
  });

  it('marks a building delivered: codes per household, notices to households and the relay contact', async () => {
    t.clock.advance(10 * 60_000);
    const res = await mark(1, x.s.rider!);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      buildingCode: '12',
      deliveredAt: '2026-04-09T00:10:00.000Z',
      runStatus: 'started',
      householdsNotified: 1,
      relayNotified: true,
    });
    const codes = body.rooms.map((r: Room) => r.pickupCode);
    expect(codes.every((c: string) => /^\d{4}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(4);
    const code = (room: string | null) => body.rooms.find((r: Room) => r.room === room).pickupCode;

    // 1203: both accounts of the household (the resident and 李芳) hear of their two parcels
    const household = await notices('parcels.delivered');
    expect(household.map((n) => n.accountId).sort()).toEqual([x.ids.resident, x.ids.relay].sort());
    expect(household[0]).toMatchObject({
      link: '/my/parcels',
      params: { building: '12', room: '1203', count: 2, waybills: '2031, 2032', code: code('1203') },
    });
    // the relay contact is told once for the building, with the rooms nobody could be told directly;
    // the notice comes with their relay task, so it opens the relays page where they confirm it
    const relay = await notices('parcels.delivered_relay');
    expect(relay).toHaveLength(1);
    expect(relay[0]).toMatchObject({
      accountId: x.ids.relay,
      link: '/relays',
      params: {
        building: '12',
        count: 5,
        households: 4,
        rooms: `101: ${code('101')}, 9999: ${code('9999')}, —: ${code(null)}`,
      },
    });
    const mine = (await call(t.app, x.s.resident!, 'GET', url('/my-parcels'))).json();
    expect(mine.parcels.map((p: { status: string; pickupCode: string }) => [p.status, p.pickupCode])).toEqual(
      [
        ['delivered', code('1203')],
        ['delivered', code('1203')],
      ],
    );
    const ride = (await call(t.app, x.s.rider!, 'GET', url('/my-runs'))).json().runs[0];
    expect(ride.nextStopSeq).toBe(2);
  });

  it('answers a second mark of the same stop the same, and tells nobody twice', async () => {
    const count = (await notices()).length;
    const first = await mark(1, x.s.rider!);
    t.clock.advance(60_000);
    const again = await mark(1, x.s.leader!);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await notices()).toHaveLength(count);
  });

  it('finishes the run with its last stop; a relay contact who cannot sign in is not told', async () => {
    const res = await mark(2, x.s.leader!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      buildingCode: '2',
      runStatus: 'done',
      householdsNotified: 0,
      relayNotified: false,
    });
    expect(res.json().rooms).toEqual([expect.objectContaining({ room: '502', hasAccount: false })]);
    expect(await notices('parcels.delivered_relay_all')).toEqual([]);
    expect((await notices('parcels.delivered_relay')).length).toBe(1);
    const runs = (await call(t.app, x.s.rider!, 'GET', url('/my-runs'))).json().runs;
    expect(runs[0]).toMatchObject({
      status: 'done',
      nextStopSeq: null,
      finishedAt: '2026-04-09T00:11:00.000Z',
    });
    const log = JSON.stringify((await call(t.app, x.s.coordinator!, 'GET', url('/audit'))).json());
    expect(log.match(/parcels\.stop_delivered/g)).toHaveLength(2);
  });

  it('keeps a household’s code for parcels arriving on a later run while earlier ones still wait', async () => {
    const received = await call(t.app, x.s.rider!, 'POST', url('/parcels'), {
      parcels: [{ waybill: 'SF0000012033', buildingId: x.b12, room: '1203', source: 'scan' }],
    });
    const id = received.json().parcels[0].id;
    const second = await seedRun(t.deps.db, {
      communityId: x.a,
      riderVolunteerId: x.riderVolunteerId,
      stops: [{ buildingId: x.b12, parcelIds: [id] }],
    });
    const earlier = (await mark(1, x.s.rider!)).json().rooms.find((r: Room) => r.room === '1203').pickupCode;
    const res = await mark(1, x.s.rider!, second);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ runStatus: 'done', rooms: [{ room: '1203', pickupCode: earlier }] });
  });

  it('shows another community nothing of it', async () => {
    const other = x.s['b-coordinator']!;
    for (const res of [
      await call(t.app, other, 'GET', url('/my-runs')),
      await call(t.app, other, 'POST', url(`/delivery-runs/${x.runId}/start`)),
      await mark(1, other),
      await call(t.app, other, 'GET', url('/my-parcels')),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('1203');
    }
  });
});
