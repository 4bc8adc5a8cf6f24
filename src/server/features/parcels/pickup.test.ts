import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type RideScene, rideFingerprint, rideScene } from './test-runs.ts';

type Room = { room: string | null; pickupCode: string };
type Parcel = { id: string; waybill: string; status: string; reminded: boolean; pickupCode?: string | null };

// Delivered at 2026-04-09T00:00Z; the community reminds after its default 240 minutes.
describe('parcels: pickup codes, pickup and reminders', () => {
  let t: TestApp;
  let x: RideScene;
  const code: Record<string, string> = {};
  const url = (path: string) => `/api/communities/${x.a}${path}`;
  const pickup = (who: Session, body: unknown) => call(t.app, who, 'POST', url('/parcel-pickups'), body);
  const byCode = (who: Session, buildingId: string, pickupCode: string) =>
    pickup(who, { by: 'code', buildingId, code: pickupCode });
  const mine = async (who: Session) => (await call(t.app, who, 'GET', url('/my-parcels'))).json();
  const notices = async (kind: string) =>
    (
      await t.deps.db
        .select({ accountId: outbox.accountId, params: outbox.params })
        .from(outbox)
        .where(and(eq(outbox.communityId, x.a), eq(outbox.kind, kind)))
    ).map((n) => ({ ...n, params: n.params as Record<string, string | number> }));

  beforeAll(async () => {
    t = await createTestApp();
    x = await rideScene(t);
    for (const seq of [1, 2]) {
      const res = await call(
        t.app,
        x.s.rider!,
        'POST',
        url(`/delivery-runs/${x.runId}/stops/${seq}/delivered`),
      );
      for (const room of res.json().rooms as Room[]) code[room.room ?? 'none'] = room.pickupCode;
    }
  });
  afterAll(() => t.close());

  it("shows a resident their household's parcels only, and a relay contact their building", async () => {
    const resident = await mine(x.s.resident!);
    expect(resident.households).toEqual([expect.objectContaining({ buildingCode: '12', room: '1203' })]);
    expect(resident.parcels.map((p: Parcel) => [p.waybill, p.status, p.pickupCode])).toEqual([
      ['SF0000012031', 'delivered', code['1203']],
      ['SF0000012032', 'delivered', code['1203']],
    ]);
    expect(resident.relayBuildings).toEqual([]);
    expect((await mine(x.s.relay!)).relayBuildings).toEqual([{ id: x.b12, code: '12' }]);
    // an account living nowhere has an empty list, and nothing of its own to pick up
    expect((await mine(x.s.coordinator!)).parcels).toEqual([]);
    const nowhere = await pickup(x.s.coordinator!, { by: 'household' });
    expect([nowhere.statusCode, nowhere.json().error.code]).toEqual([403, 'NO_HOUSEHOLD']);
  });

  it('re-notifies households and the relay contact once, after the configured time', async () => {
    t.clock.advance(239 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    expect(await notices('parcels.reminder')).toEqual([]);

    t.clock.advance(2 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    const household = await notices('parcels.reminder');
    expect(household.map((n) => n.accountId).sort()).toEqual([x.ids.resident, x.ids.relay].sort());
    expect(household[0]!.params).toMatchObject({ room: '1203', count: 2, code: code['1203'] });
    const relay = await notices('parcels.reminder_relay');
    expect(relay).toEqual([
      {
        accountId: x.ids.relay,
        params: expect.objectContaining({
          building: '12',
          minutes: 240,
          rooms: `101: ${code['101']}, 9999: ${code['9999']}, —: ${code.none}`,
        }),
      },
    ]);
    expect((await mine(x.s.resident!)).parcels.every((p: Parcel) => p.reminded)).toBe(true);

    t.clock.advance(240 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    expect(await notices('parcels.reminder')).toHaveLength(2);
    expect(await notices('parcels.reminder_relay')).toHaveLength(1);
  });

  it('refuses a wrong code with 404 and a clear message, changing nothing', async () => {
    const wrong = ['0000', '1111', '2222'].find((c) => !Object.values(code).includes(c))!;
    const before = await rideFingerprint(t.deps.db);
    const res = await call(
      t.app,
      x.s.rider!,
      'POST',
      url('/parcel-pickups'),
      { by: 'code', buildingId: x.b12, code: wrong },
      {
        'accept-language': 'zh-CN',
      },
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'PICKUP_CODE_UNKNOWN' });
    expect(res.json().error.message).toBe(`12号楼没有取件码为 ${wrong} 的快递，请核对楼号和取件码。`);
    const lookup = await call(
      t.app,
      x.s.rider!,
      'GET',
      url(`/parcel-pickups?buildingId=${x.b12}&code=${wrong}`),
    );
    expect(lookup.statusCode).toBe(404);
    // a code of building 12 is no code at building 2
    expect((await byCode(x.s.rider!, x.b2, code['101']!)).statusCode).toBe(404);
    expect(await rideFingerprint(t.deps.db)).toBe(before);
  });

  it('lets the relay contact hand over by code at their building; a repeat answers the same', async () => {
    const looked = await call(
      t.app,
      x.s.rider!,
      'GET',
      url(`/parcel-pickups?buildingId=${x.b12}&code=${code['101']}`),
    );
    expect(looked.statusCode, looked.body).toBe(200);
    expect(looked.json().parcels.map((p: Parcel) => [p.waybill, p.status])).toEqual([
      ['SF0000001011', 'delivered'],
    ]);

    const res = await byCode(x.s.relay!, x.b12, code['101']!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      buildingCode: '12',
      code: code['101'],
      parcels: [{ status: 'picked_up' }],
    });
    t.clock.advance(60_000);
    const again = await byCode(x.s.rider!, x.b12, code['101']!);
    expect(again.json()).toEqual(res.json());
    const log = JSON.stringify((await call(t.app, x.s.coordinator!, 'GET', url('/audit'))).json());
    expect(log.match(/"parcels\.pickup"/g)).toHaveLength(1);
  });

  it('lets only the parcels crew, staff and the building’s own relay contact use codes', async () => {
    const before = await rideFingerprint(t.deps.db);
    for (const [who, buildingId, pickupCode] of [
      [x.s.relay!, x.b2, code['502']!],
      [x.s.swab!, x.b12, code['9999']!],
      [x.s.resident!, x.b12, code['9999']!],
    ] as const) {
      expect((await byCode(who, buildingId, pickupCode)).statusCode).toBe(403);
    }
    expect(await rideFingerprint(t.deps.db)).toBe(before);
    expect((await byCode(x.s.staff!, x.b12, code['9999']!)).statusCode).toBe(200);
    expect((await byCode(x.s.leader!, x.b2, code['502']!)).statusCode).toBe(200);
  });

  it('lets a resident confirm their own parcels, one or all, and never another household’s', async () => {
    const [first, second] = (await mine(x.s.resident!)).parcels as Parcel[];
    const before = await rideFingerprint(t.deps.db);
    const notTheirs = await pickup(x.s.resident!, {
      by: 'household',
      parcelIds: [first!.id, x.parcel.SF0000099991],
    });
    expect(notTheirs.statusCode).toBe(404);
    expect(await rideFingerprint(t.deps.db)).toBe(before);

    const one = await pickup(x.s.resident!, { by: 'household', parcelIds: [first!.id] });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().parcels).toEqual([expect.objectContaining({ id: first!.id, status: 'picked_up' })]);
    expect((await pickup(x.s.resident!, { by: 'household', parcelIds: [first!.id] })).json()).toEqual(
      one.json(),
    );

    const rest = await pickup(x.s.resident!, { by: 'household' });
    expect(rest.json().parcels).toEqual([expect.objectContaining({ id: second!.id, status: 'picked_up' })]);
    const nothing = await pickup(x.s.resident!, { by: 'household' });
    expect([nothing.statusCode, nothing.json().error.code]).toEqual([409, 'NOTHING_TO_PICK_UP']);
    const after = (await mine(x.s.resident!)).parcels as Parcel[];
    expect(after.map((p) => [p.status, p.pickupCode])).toEqual([
      ['picked_up', null],
      ['picked_up', null],
    ]);
  });
});
