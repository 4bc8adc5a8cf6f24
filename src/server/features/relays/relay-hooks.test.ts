// The features that ask relay contacts to pass something on: a testing call (叫号) and parcels waiting
// for a building. Each makes one relay task per building and occasion, and the contact one notice.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { type RideScene, rideScene } from '../parcels/test-runs.ts';
import { tellDueCalls } from '../testing/call-notices.ts';
import { seedTestingSite } from '../testing/testing-rounds.test-support.ts';

const HOUR = 3_600_000;

async function tasksOf(t: TestApp, communityId: string) {
  const rows = await t.deps.db
    .select({
      buildingId: schema.relayTasks.buildingId,
      sourceType: schema.relayTasks.sourceType,
      sourceId: schema.relayTasks.sourceId,
      kind: schema.relayTasks.kind,
      relayAccountId: schema.relayTasks.relayAccountId,
    })
    .from(schema.relayTasks)
    .where(eq(schema.relayTasks.communityId, communityId));
  return rows.sort((p, q) => `${p.sourceId} ${p.buildingId}`.localeCompare(`${q.sourceId} ${q.buildingId}`));
}

async function noticesTo(t: TestApp, accountId: string) {
  const rows = await t.deps.db
    .select({ kind: schema.outbox.kind, link: schema.outbox.link })
    .from(schema.outbox)
    .where(eq(schema.outbox.accountId, accountId));
  return rows.map((r) => `${r.kind} ${r.link}`).sort();
}

// Delivered at 2026-04-09T00:00Z (08:00 in Shanghai); reminders after the default 240 minutes.
describe('relay hooks: parcels waiting for a building', () => {
  let t: TestApp;
  let x: RideScene;
  const mark = (seq: number) =>
    call(
      t.app,
      x.s.rider!,
      'POST',
      `/api/communities/${x.a}/delivery-runs/${x.runId}/stops/${seq}/delivered`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    x = await rideScene(t);
  });
  afterAll(() => t.close());

  it('makes one task per building delivered, and one more per reminder occasion', async () => {
    for (const seq of [1, 2, 1]) expect((await mark(seq)).statusCode).toBe(200);
    const delivered = (seq: number) => `2026-04-09/delivered/${x.runId}/${seq}`;
    // building 2's relay contact cannot sign in: the task is theirs all the same, unassigned
    expect(await tasksOf(t, x.a)).toEqual(
      [
        {
          buildingId: x.b12,
          sourceId: delivered(1),
          kind: 'parcels.delivered_relay',
          relayAccountId: x.ids.relay,
        },
        { buildingId: x.b2, sourceId: delivered(2), kind: 'parcels.delivered_relay', relayAccountId: null },
      ].map((k) => ({ ...k, sourceType: 'parcels' })),
    );
    // the relay contact (also of household 1203) has one relay notice, from the task
    expect(await noticesTo(t, x.ids.relay!)).toEqual([
      'parcels.delivered /my/parcels',
      'parcels.delivered_relay /relays',
    ]);

    t.clock.advance(241 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    await runBackgroundTasksOnce(t.deps);
    const reminders = (await tasksOf(t, x.a)).filter((k) => k.kind === 'parcels.reminder_relay');
    expect(reminders.map((k) => [k.buildingId, k.sourceId])).toEqual(
      [
        [x.b12, '2026-04-09/reminder/12:01:00'],
        [x.b2, '2026-04-09/reminder/12:01:00'],
      ].sort((p, q) => `${p[1]} ${p[0]}`.localeCompare(`${q[1]} ${q[0]}`)),
    );
    expect((await noticesTo(t, x.ids.relay!)).filter((n) => n.startsWith('parcels.reminder_relay'))).toEqual([
      'parcels.reminder_relay /relays',
    ]);
  });
});

// The round starts 2026-04-10 08:00 in Shanghai (00:00Z); building 7's relay contact is 钱军.
describe('relay hooks: a testing call', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof seedTestingSite>>;
  let qian: string;

  beforeAll(async () => {
    t = await createTestApp();
    site = await seedTestingSite(t);
    const [row] = await t.deps.db
      .insert(schema.accounts)
      .values({ username: 'qian', displayName: '钱军', passwordHash: 'x' })
      .returning({ id: schema.accounts.id });
    qian = row!.id;
    await t.deps.db
      .update(schema.residents)
      .set({ accountId: qian })
      .where(eq(schema.residents.id, site.people.钱军!));
    await t.deps.db
      .update(schema.buildings)
      .set({ relayResidentId: site.people.钱军! })
      .where(and(eq(schema.buildings.communityId, site.a), eq(schema.buildings.id, site.buildings['7'])));
  });
  afterAll(() => t.close());

  it('makes one task per building called, once, with one notice to its relay contact', async () => {
    const leader = site.s.testingLeader!;
    const round = await call(t.app, leader, 'POST', site.url('/testing-rounds'), {
      title: '第一轮全员核酸',
      day: '2026-04-10',
      startTime: '08:00',
      lanes: 3,
      gates: [
        { gateId: site.gates.east, lanes: 2, crowdLimit: 60 },
        { gateId: site.gates.west, lanes: 1, crowdLimit: 40 },
      ],
    });
    const roundId = round.json().id as string;
    const callDown = site.url(`/testing-rounds/${roundId}/call-down`);
    expect((await call(t.app, leader, 'POST', `${callDown}/plan`)).statusCode).toBe(200);
    expect((await call(t.app, leader, 'POST', `${callDown}/publish`)).statusCode).toBe(200);

    t.clock.advance(27 * HOUR); // every building called by 11:00
    await Promise.all([tellDueCalls(t.deps), tellDueCalls(t.deps)]);
    await runBackgroundTasksOnce(t.deps);
    const tasks = await tasksOf(t, site.a);
    expect(tasks.map((k) => [k.buildingId, k.relayAccountId]).sort()).toEqual(
      [
        [site.buildings['12'], null],
        [site.buildings['2'], null],
        [site.buildings['7'], qian],
      ].sort(),
    );
    expect(tasks.every((k) => k.sourceType === 'testing_call' && k.sourceId === roundId)).toBe(true);
    expect(tasks.every((k) => k.kind === 'testing.call_relay')).toBe(true);
    expect(await noticesTo(t, qian)).toEqual(['testing.call /my/testing-code', 'testing.call_relay /relays']);
  });
});
