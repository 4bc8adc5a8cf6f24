import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../db/schema/index.ts';
import { call, createTestApp, signIn, type TestApp } from '../test-support/test-app.ts';
import { GELIN, planGelin } from './gelin.ts';
import { seedGelin } from './seed-gelin.ts';

describe('the gelin demo community', () => {
  let t: TestApp;
  let communityId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const result = await seedGelin(t.deps.db, 'demo-pass-123');
    communityId = result.communityId;
  });
  afterAll(() => t.close());

  it('is the same plan every time', () => {
    const a = planGelin();
    const b = planGelin();
    expect(a.households.map((h) => h.residents.map((r) => r.name).join()).join()).toBe(
      b.households.map((h) => h.residents.map((r) => r.name).join()).join(),
    );
  });

  it('has the figures of the story, visible to the secretary', async () => {
    const secretary = await signIn(t.app, 'secretary', 'demo-pass-123');
    const res = await call(t.app, secretary, 'GET', `/api/communities/${communityId}/overview`);
    const overview = res.json();
    expect(overview.people).toMatchObject({ cadres: 2, socialWorkers: 6, volunteers: GELIN.volunteers });
    expect(overview.registry.buildings).toBe(125);
    expect(overview.registry.households).toBe(2194);
    expect(overview.registry.residents).toBeGreaterThanOrEqual(5800);
    expect(overview.registry.residents).toBeLessThanOrEqual(6400);
    expect(overview.registry.vulnerableResidents).toBeGreaterThan(100);
    expect(overview.groups).toHaveLength(6);
    for (const group of overview.groups) expect(group.volunteers).toBeGreaterThan(20);
  });

  it('signs in every kind of demo account with the demo password', async () => {
    for (const username of ['staff1', 'staff8', 'v001', 'v280', 'r0001', 'r0200']) {
      const session = await signIn(t.app, username, 'demo-pass-123');
      const me = (await call(t.app, session, 'GET', '/api/session')).json();
      expect(me.demo).toBe(true);
      expect(me.session.memberships[0].communityId).toBe(communityId);
    }
    const v001 = await signIn(t.app, 'v001', 'demo-pass-123');
    const me = (await call(t.app, v001, 'GET', '/api/session')).json();
    expect(me.session.memberships[0].roles.sort()).toEqual(['leader', 'volunteer']);
  });

  it('gives the parcels group the story’s three shifts a day, with sign-up from 20:00 the evening before', async () => {
    const secretary = await signIn(t.app, 'secretary', 'demo-pass-123');
    const base = `/api/communities/${communityId}`;
    const templates = (await call(t.app, secretary, 'GET', `${base}/shift-templates`)).json().items;
    expect(
      templates.map((x: { startTime: string; endTime: string }) => `${x.startTime}–${x.endTime}`),
    ).toEqual(['08:00–12:00', '12:00–17:00', '17:00–21:00']);
    expect(templates[0]).toMatchObject({ groupKey: 'parcels', opensDaysBefore: 1, opensAt: '20:00' });
    const from = new Date().toISOString();
    const shifts = (await call(t.app, secretary, 'GET', `${base}/shifts?from=${from}`)).json().items;
    // Today's remaining shifts and three more days of them, none already over.
    expect(shifts.length).toBeGreaterThanOrEqual(9);
    expect(shifts.length).toBeLessThanOrEqual(12);
    expect(shifts[0].roles.map((r: { role: string; capacity: number }) => [r.role, r.capacity])).toEqual([
      ['分拣', 1],
      ['骑车配送', 2],
    ]);
  });

  it('gives every building a relay contact, mostly one who can sign in, and parcels waiting at the gate', async () => {
    const { db } = t.deps;
    const relays = await db
      .select({ relay: schema.buildings.relayResidentId, account: schema.residents.accountId })
      .from(schema.buildings)
      .leftJoin(schema.residents, eq(schema.residents.id, schema.buildings.relayResidentId))
      .where(eq(schema.buildings.communityId, communityId));
    expect(relays).toHaveLength(125);
    expect(relays.every((r) => r.relay)).toBe(true);
    expect(relays.filter((r) => r.account).length).toBeGreaterThan(100);
    const waiting = await db
      .select({ id: schema.parcels.id, household: schema.parcels.householdId })
      .from(schema.parcels)
      .where(and(eq(schema.parcels.communityId, communityId), eq(schema.parcels.status, 'waiting')));
    expect(waiting).toHaveLength(600);
    expect(waiting.every((p) => p.household)).toBe(true);
  });

  it('shows the medicine leader the week’s requests, the urgent first, and r0001 their household’s own', async () => {
    // the demo is seeded at the real time; the test's clock catches up with it
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const leader = await signIn(t.app, 'v151', 'demo-pass-123');
    const list = await call(t.app, leader, 'GET', `/api/communities/${communityId}/medicine-requests`);
    expect(list.statusCode, list.body).toBe(200);
    const open = list.json().requests as { urgency: string; deadlineState: string; status: string }[];
    expect(open.length).toBeGreaterThanOrEqual(6);
    expect(open[0]!.deadlineState).toBe('overdue');
    expect(open.filter((r) => r.urgency === 'critical').length).toBeGreaterThanOrEqual(3);
    const resident = await signIn(t.app, 'r0001', 'demo-pass-123');
    const own = await call(
      t.app,
      resident,
      'GET',
      `/api/communities/${communityId}/medicine-requests?status=all`,
    );
    expect(own.json().requests).toHaveLength(1);
  });

  it('shows r0001 their bag of the story’s rice and the vegetable box still open; the leader the lists', async () => {
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const base = `/api/communities/${communityId}/group-buys`;
    const resident = await signIn(t.app, 'r0001', 'demo-pass-123');
    const list = await call(t.app, resident, 'GET', `${base}?state=all`);
    expect(list.statusCode, list.body).toBe(200);
    const buys = list.json().groupBuys as {
      id: string;
      status: string;
      title: string;
      myOrderId: string | null;
    }[];
    const rice = buys.find((b) => b.status === 'arrived')!;
    expect(buys.find((b) => b.status === 'open')?.myOrderId).toBeNull();
    const detail = (await call(t.app, resident, 'GET', `${base}/${rice.id}`)).json();
    expect(detail.items[0]).toMatchObject({ stock: 500, received: 500, allocated: 500 });
    expect(detail.myOrder.lines[0].allocated).toBe(1);
    const leader = await signIn(t.app, 'v181', 'demo-pass-123');
    const distribution = await call(t.app, leader, 'GET', `${base}/${rice.id}/distribution`);
    expect(distribution.statusCode, distribution.body).toBe(200);
    const units = (distribution.json().buildings as { units: number }[]).reduce((a, b) => a + b.units, 0);
    expect(units).toBe(500);
  });

  it('gives v221’s disinfection group the story’s areas, today’s due rounds done and two overdue', async () => {
    t.clock.advance(Math.max(0, Date.now() - t.clock.now().getTime()));
    const base = `/api/communities/${communityId}/disinfection`;
    const leader = await signIn(t.app, 'v221', 'demo-pass-123');
    const coverage = (await call(t.app, leader, 'GET', `${base}/coverage`)).json();
    type Area = { name: string; doneToday: number; state: string; position: unknown };
    // each building's lobby and lifts, the two gates, four rubbish rooms and the testing square
    expect(coverage.areas).toHaveLength(125 * 2 + 2 + 4 + 1);
    expect(coverage.areas.every((a: Area) => a.position)).toBe(true);
    const overdue = coverage.areas.filter((a: Area) => a.state === 'overdue').map((a: Area) => a.name);
    expect(overdue).toEqual(expect.arrayContaining(['37号楼电梯', '东区垃圾房（南）']));
    expect(coverage.areas.some((a: Area) => a.doneToday > 0)).toBe(true);
    const member = await signIn(t.app, 'v230', 'demo-pass-123');
    const today = (await call(t.app, member, 'GET', `${base}/tasks`)).json();
    expect(today.tasks.length).toBeGreaterThan(250);
    expect(today.tasks.some((x: { doneBy: unknown }) => x.doneBy)).toBe(true);
  });

  it('shows the secretary last week’s committee meeting, and staff1 their overdue action item', async () => {
    t.clock.advance(Math.max(0, Date.now() - t.clock.now().getTime()));
    const base = `/api/communities/${communityId}/committee`;
    const secretary = await signIn(t.app, 'secretary', 'demo-pass-123');
    const meetings = (await call(t.app, secretary, 'GET', `${base}/meetings`)).json().items;
    expect(meetings).toHaveLength(1);
    const meeting = (await call(t.app, secretary, 'GET', `${base}/meetings/${meetings[0].id}`)).json();
    expect(meeting).toMatchObject({ status: 'held' });
    expect(meeting.minutes).toContain('胰岛素');
    expect(meeting.agenda).toContain('1. 快递：收件 14236 件');
    expect(meeting.actionItems.map((i: { status: string }) => i.status).sort()).toEqual([
      'done',
      'open',
      'open',
      'open',
    ]);
    const staff1 = await signIn(t.app, 'staff1', 'demo-pass-123');
    const mine = (await call(t.app, staff1, 'GET', `${base}/action-items?owner=me`)).json();
    expect(mine.people[0].items).toMatchObject([
      { overdue: true, title: '核对独居老人和慢病用药名单，交配药组' },
    ]);
  });

  it('shows staff the gateway switched off after last night’s failed trial, and its failed notices to resend', async () => {
    const staff1 = await signIn(t.app, 'staff1', 'demo-pass-123');
    const base = `/api/communities/${communityId}`;
    const gateway = (await call(t.app, staff1, 'GET', `${base}/notice-gateway`)).json();
    expect(gateway).toMatchObject({ configured: true, enabled: false, updatedBy: '居委干部1' });
    const dead = (await call(t.app, staff1, 'GET', `${base}/dead-letters`)).json();
    expect(dead.items.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'parcels.delivered',
      'parcels.reminder',
      'shift.cancelled',
    ]);
    const r0001 = await signIn(t.app, 'r0001', 'demo-pass-123');
    const prefs = (await call(t.app, r0001, 'GET', `${base}/notification-preferences`)).json();
    expect(prefs).toMatchObject({ quietHours: { start: '22:00', end: '07:00' }, saved: true });
  });

  it('is not written twice', async () => {
    const again = await seedGelin(t.deps.db, 'demo-pass-123');
    expect(again).toMatchObject({ created: false, communityId });
  });
});
