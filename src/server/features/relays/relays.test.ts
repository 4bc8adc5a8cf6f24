import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RELAY_TASKS_CHANGED, type TRelayTask } from '../../../shared/api/relay-tasks.ts';
import { auditLog, outbox } from '../../db/schema/index.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { askRelay, type RelayScene, relayFingerprint, relayScene } from './relays.test-support.ts';

const MINUTE = 60_000;

// The clock starts at 2026-04-09T00:00Z, 08:00 in Shanghai.
describe('building relays (楼组长转达): who sees which tasks, and "passed on"', () => {
  let t: TestApp;
  let x: RelayScene;
  const task: Record<string, string> = {};
  const url = (rest: string, community = x.a) => `/api/communities/${community}${rest}`;
  const list = (who: Session, query = '', lang = 'zh-CN') =>
    call(t.app, who, 'GET', url(`/relay-tasks${query}`), undefined, { 'accept-language': lang });
  const confirm = (who: Session, id: string, community = x.a) =>
    call(t.app, who, 'POST', url(`/relay-tasks/${id}/confirm`, community));
  const codes = (tasks: TRelayTask[]) => tasks.map((k) => `${k.buildingCode} ${k.source} ${k.status}`);

  beforeAll(async () => {
    t = await createTestApp();
    x = await relayScene(t);
    // 08:00 a testing call for both buildings; 08:10 parcels for building 12
    const round = randomUUID();
    const [call12] = await askRelay(t, x.a, 'testing_call', round, [x.b12]);
    task.call12 = call12!.id;
    const [call2] = await askRelay(t, x.a, 'testing_call', round, [x.b2], 'testing.call_relay', {
      round: '第一轮全员核酸',
      building: '2',
      gate: '东门',
    });
    task.call2 = call2!.id;
    t.clock.advance(10 * MINUTE);
    const [parcels12] = await askRelay(
      t,
      x.a,
      'parcels',
      '2026-04-09/delivered/r1/1',
      [x.b12],
      'parcels.delivered_relay',
      {
        building: '12',
        count: 3,
        households: 2,
        rooms: '101: 2033',
      },
    );
    task.parcels12 = parcels12!.id;
  });
  afterAll(() => t.close());

  it('documents its operations under the names of the issue', async () => {
    const doc = JSON.stringify((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    for (const id of ['listRelayTasks', 'confirmRelay', 'getRelaySettings', 'setRelaySettings'])
      expect(doc).toContain(`"operationId":"${id}"`);
  });

  it('tells each relay contact once, and shows them only their own building, nearest escalation first', async () => {
    const told = await t.deps.db
      .select({ accountId: outbox.accountId, kind: outbox.kind, link: outbox.link })
      .from(outbox)
      .where(eq(outbox.communityId, x.a));
    expect(told.map((n) => [n.accountId, n.kind, n.link]).sort()).toEqual(
      [
        [x.ids.relay12, 'testing.call_relay', '/relays'],
        [x.ids.relay12, 'parcels.delivered_relay', '/relays'],
        [x.ids.relay2, 'testing.call_relay', '/relays'],
      ].sort(),
    );

    const mine = await list(x.s.relay12!);
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body).toMatchObject({ view: 'relay', day: '2026-04-09', escalateMinutes: 120 });
    expect(codes(body.tasks)).toEqual(['12 testing_call open', '12 parcels open']);
    expect(body.tasks[0]).toMatchObject({
      title: '核酸叫号：请通知12号楼居民下楼',
      relayName: '李芳',
      mine: true,
      canConfirm: true,
      escalateAt: '2026-04-09T02:00:00.000Z',
      confirmedBy: null,
    });
    expect(body.tasks[1].body).toContain('101: 2033');
    expect(body.buildings).toEqual([
      { buildingId: x.b12, buildingCode: '12', relayName: '李芳', open: 2, escalated: 0, confirmed: 0 },
    ]);
    const english = (await list(x.s.relay12!, '', 'en')).json();
    expect(english.tasks[0].title).toBe('Testing: please tell building 12 to come down');
    expect(codes((await list(x.s.relay2!)).json().tasks)).toEqual(['2 testing_call open']);
  });

  it('refuses people who are neither a relay contact nor oversee relays, and other communities', async () => {
    for (const who of ['lu', 'resident', 'parcels', 'viewer'])
      expect([who, (await list(x.s[who]!)).statusCode]).toEqual([who, 403]);
    expect((await list(x.s['b-coordinator']!)).statusCode).toBe(404);
    // in their own community they oversee relays, and see none of A's
    const elsewhere = await call(t.app, x.s['b-coordinator']!, 'GET', url('/relay-tasks', x.b));
    expect([elsewhere.statusCode, elsewhere.json().tasks]).toEqual([200, []]);
  });

  it("lets nobody confirm another building's task, nor another community", async () => {
    const before = await relayFingerprint(t);
    const refused = [
      [await confirm(x.s.relay2!, task.call12!), 404],
      [await confirm(x.s.relay12!, task.call2!), 404],
      [await confirm(x.s.lu!, task.call12!), 403],
      [await confirm(x.s.parcels!, task.call12!), 403],
      [await confirm(x.s['b-coordinator']!, task.call12!), 404],
      [await confirm(x.s['b-coordinator']!, task.call12!, x.b), 404],
      [await confirm(x.s.relay12!, randomUUID()), 404],
    ] as const;
    for (const [res, status] of refused) expect(res.statusCode, res.body).toBe(status);
    expect(refused[0][0].json().error.code).toBe('NOT_FOUND');
    expect(refused[0][0].body).not.toContain('李芳');
    expect(await relayFingerprint(t)).toBe(before);
  });

  it('records "passed on" by the relay contact, or on their behalf; twice is harmless', async () => {
    const heard: LiveEvent[] = [];
    const stop = t.app.liveHub.observe((event) => heard.push(event));
    t.clock.advance(5 * MINUTE);
    const res = await confirm(x.s.relay12!, task.call12!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      confirmedAt: '2026-04-09T00:15:00.000Z',
      confirmedBy: { name: '李芳', onBehalf: false },
      canConfirm: false,
    });
    t.clock.advance(MINUTE);
    const again = await confirm(x.s.relay12!, task.call12!);
    expect(again.json()).toEqual(res.json());
    const byCoordinator = await confirm(x.s.coordinator!, task.call12!);
    expect(byCoordinator.json().confirmedBy).toEqual({ name: '李芳', onBehalf: false });

    // the publicity group confirms building 2's for its relay contact, who told them by phone
    const onBehalf = await confirm(x.s.pubMember!, task.call2!);
    expect(onBehalf.json()).toMatchObject({ status: 'confirmed', confirmedBy: { onBehalf: true } });

    const logged = await t.deps.db
      .select({ action: auditLog.action, accountId: auditLog.accountId, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.communityId, x.a), like(auditLog.action, 'relay.%')));
    expect(logged).toEqual([
      {
        action: 'relay.confirm.testing_call',
        accountId: x.ids.relay12,
        summary: 'confirmed passing the testing call ("第一轮全员核酸") on to building 12',
      },
      {
        action: 'relay.confirm.testing_call',
        accountId: x.ids.pubMember,
        summary: 'confirmed passing the testing call ("第一轮全员核酸") on to building 2',
      },
    ]);
    await vi.waitFor(() =>
      expect(
        heard.filter((e) => e.type === RELAY_TASKS_CHANGED && e.data.status === 'confirmed'),
      ).toHaveLength(2),
    );
    stop();

    // open ones first, then today's confirmations
    expect(codes((await list(x.s.relay12!)).json().tasks)).toEqual([
      '12 parcels open',
      '12 testing_call confirmed',
    ]);
  });

  it('shows coordinators, staff and the publicity group every building, with filters and figures', async () => {
    for (const who of ['coordinator', 'staff', 'pubLeader', 'pubMember']) {
      const res = await list(x.s[who]!);
      expect([who, res.statusCode]).toEqual([who, 200]);
      expect(res.json().view).toBe('manager');
    }
    const all = (await list(x.s.staff!)).json();
    expect(all.totals).toEqual({ open: 1, escalated: 0, confirmed: 2 });
    expect(
      all.buildings.map((b: { buildingCode: string; open: number; confirmed: number }) => [
        b.buildingCode,
        b.open,
        b.confirmed,
      ]),
    ).toEqual([
      ['12', 1, 1],
      ['2', 0, 1],
    ]);
    expect(codes(all.tasks)).toEqual([
      '12 parcels open',
      '2 testing_call confirmed',
      '12 testing_call confirmed',
    ]);
    expect(all.tasks.map((k: TRelayTask) => k.mine)).toEqual([false, false, false]);
    expect(codes((await list(x.s.staff!, '?status=open')).json().tasks)).toEqual(['12 parcels open']);
    expect(codes((await list(x.s.staff!, `?buildingId=${x.b2}`)).json().tasks)).toEqual([
      '2 testing_call confirmed',
    ]);
    const parcels = (await list(x.s.staff!, '?source=parcels')).json();
    expect([codes(parcels.tasks), parcels.totals]).toEqual([
      ['12 parcels open'],
      { open: 1, escalated: 0, confirmed: 0 },
    ]);
    expect((await list(x.s.staff!, '?status=lost')).statusCode).toBe(400);

    // the next morning yesterday's confirmations are gone; what is still open stays for two days
    t.clock.advance(24 * 60 * MINUTE);
    expect(codes((await list(x.s.staff!)).json().tasks)).toEqual(['12 parcels open']);
  });

  it('lets coordinators set the minutes before escalation, for tasks made from then on', async () => {
    const settings = url('/relay-settings');
    expect((await call(t.app, x.s.pubLeader!, 'GET', settings)).json()).toEqual({ escalateMinutes: 120 });
    expect((await call(t.app, x.s.relay12!, 'GET', settings)).statusCode).toBe(403);
    for (const who of ['staff', 'pubLeader', 'relay12'])
      expect([
        who,
        (await call(t.app, x.s[who]!, 'PUT', settings, { escalateMinutes: 30 })).statusCode,
      ]).toEqual([who, 403]);
    for (const bad of [4, 1441, 30.5])
      expect(
        (await call(t.app, x.s.coordinator!, 'PUT', settings, { escalateMinutes: bad })).statusCode,
      ).toBe(400);
    const saved = await call(t.app, x.s.coordinator!, 'PUT', settings, { escalateMinutes: 30 });
    expect([saved.statusCode, saved.json()]).toEqual([200, { escalateMinutes: 30 }]);
    const [made] = await askRelay(t, x.a, 'testing_call', randomUUID(), [x.b2]);
    const fresh = (await list(x.s.relay2!)).json().tasks.find((k: TRelayTask) => k.id === made!.id);
    expect(Date.parse(fresh.escalateAt) - Date.parse(fresh.createdAt)).toBe(30 * MINUTE);
    const [logged] = await t.deps.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.communityId, x.a), eq(auditLog.action, 'relay.settings')));
    expect(logged!.summary).toBe(
      'set the time relay contacts have to confirm to 30 minutes (was 120), for relays from now on',
    );
  });
});
