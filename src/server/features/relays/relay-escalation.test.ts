import { randomUUID } from 'node:crypto';
import { and, eq, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRelayTask } from '../../../shared/api/relay-tasks.ts';
import { auditLog, outbox, relayTasks } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { escalateRelayTasks } from './relay-escalation.ts';
import { askRelay, type RelayScene, relayScene } from './relays.test-support.ts';

const MINUTE = 60_000;

// The clock starts at 2026-04-09T00:00Z; the community gives relay contacts its default 120 minutes.
describe('building relays: escalation of relays nobody confirmed', () => {
  let t: TestApp;
  let x: RelayScene;
  let parcels12: string;
  const who = (accountId: string) => Object.keys(x.ids).find((k) => x.ids[k] === accountId);
  /** The escalation's notices: "who kind", sorted, with what they said. */
  const escalationNotices = async () =>
    (
      await t.deps.db
        .select({
          accountId: outbox.accountId,
          kind: outbox.kind,
          params: outbox.params,
          critical: outbox.critical,
          link: outbox.link,
        })
        .from(outbox)
        .where(
          and(
            eq(outbox.communityId, x.a),
            or(like(outbox.kind, 'relay.escalated.%'), like(outbox.kind, 'relay.direct.%')),
          ),
        )
    )
      .map((n) => ({ ...n, who: `${who(n.accountId)} ${n.kind}` }))
      .sort((p, q) => p.who.localeCompare(q.who));

  beforeAll(async () => {
    t = await createTestApp();
    x = await relayScene(t);
    // 08:00: the testing call for both buildings (urgent), and parcels for both
    await askRelay(
      t,
      x.a,
      'testing_call',
      randomUUID(),
      [x.b12, x.b2],
      'testing.call_relay',
      {
        round: '第一轮全员核酸',
        building: '12',
        gate: '东门',
        at: '2026-04-09T00:00:00.000Z',
        timeZone: 'Asia/Shanghai',
        pooling: 10,
      },
      true,
    );
    const made = await askRelay(
      t,
      x.a,
      'parcels',
      '2026-04-09/delivered/r1/1',
      [x.b12, x.b2],
      'parcels.delivered_relay',
      {
        building: '12',
        count: 3,
        households: 2,
        rooms: '101: 2033',
      },
    );
    parcels12 = made.find((k) => k.buildingId === x.b12)!.id;
    // 08:30: building 2's relay contact has told their building about the parcels
    t.clock.advance(30 * MINUTE);
    const parcels2 = made.find((k) => k.buildingId === x.b2)!.id;
    const res = await call(
      t.app,
      x.s.relay2!,
      'POST',
      `/api/communities/${x.a}/relay-tasks/${parcels2}/confirm`,
    );
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  it('does nothing before the time', async () => {
    t.clock.advance(89 * MINUTE); // 09:59
    await runBackgroundTasksOnce(t.deps);
    expect(await escalationNotices()).toEqual([]);
    const escalated = await t.deps.db.select({ at: relayTasks.escalatedAt }).from(relayTasks);
    expect(escalated.every((k) => k.at === null)).toBe(true);
  });

  it('tells the publicity group once per source with its buildings, and the residents directly, once', async () => {
    t.clock.advance(2 * MINUTE); // 10:01
    // two processes at once, then the timer again: each task is escalated exactly once
    const counts = await Promise.all([escalateRelayTasks(t.deps), escalateRelayTasks(t.deps)]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(3);
    await runBackgroundTasksOnce(t.deps);
    expect(await escalateRelayTasks(t.deps)).toBe(0);

    const told = await escalationNotices();
    expect(told.map((n) => n.who)).toEqual([
      'lu relay.direct.parcels',
      'lu relay.direct.testing_call',
      'pubLeader relay.escalated.parcels',
      'pubLeader relay.escalated.testing_call',
      'pubMember relay.escalated.parcels',
      'pubMember relay.escalated.testing_call',
      'resident relay.direct.parcels',
      'resident relay.direct.testing_call',
    ]);
    const byKind = (kind: string) => told.find((n) => n.kind === kind)!;
    // one notice per source, listing its buildings (2 before 12); building 2's parcels were passed on
    expect(byKind('relay.escalated.testing_call')).toMatchObject({
      params: { subject: '第一轮全员核酸', buildings: '2, 12', count: 2, minutes: 120 },
      critical: true,
      link: '/relays?status=escalated&source=testing_call',
    });
    expect(byKind('relay.escalated.parcels')).toMatchObject({
      params: { subject: '2026-04-09', buildings: '12', count: 1 },
      critical: false,
    });
    // the residents get what was to be passed on, in words for them; a testing call stays critical
    expect(byKind('relay.direct.testing_call')).toMatchObject({
      params: { round: '第一轮全员核酸', gate: '东门', pooling: 10 },
      critical: true,
      link: '/my/testing-code',
    });
    expect(byKind('relay.direct.parcels')).toMatchObject({
      params: { rooms: '101: 2033' },
      critical: false,
      link: '/my/parcels',
    });

    const logged = await t.deps.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.communityId, x.a), like(auditLog.action, 'relay.escalate.%')));
    expect(logged.map((l) => l.action).sort()).toEqual([
      'relay.escalate.parcels',
      'relay.escalate.testing_call',
    ]);
    expect(logged.find((l) => l.action === 'relay.escalate.testing_call')!.summary).toBe(
      'the testing call "第一轮全员核酸" was not confirmed passed on in 2 building(s) (2, 12): escalated to 2 of the publicity group, 2 resident(s) told directly',
    );
  });

  it('shows the escalations in the overview, still confirmable late, and never escalates again', async () => {
    const overview = (await call(t.app, x.s.staff!, 'GET', `/api/communities/${x.a}/relay-tasks`)).json();
    expect(overview.totals).toEqual({ open: 0, escalated: 3, confirmed: 1 });
    expect(overview.tasks.slice(0, 3).map((k: TRelayTask) => k.escalatedAt)).toEqual(
      Array(3).fill('2026-04-09T02:01:00.000Z'),
    );
    const late = await call(
      t.app,
      x.s.relay12!,
      'POST',
      `/api/communities/${x.a}/relay-tasks/${parcels12}/confirm`,
    );
    expect(late.json()).toMatchObject({ status: 'confirmed', escalatedAt: '2026-04-09T02:01:00.000Z' });

    const before = (await escalationNotices()).length;
    t.clock.advance(300 * MINUTE);
    await runBackgroundTasksOnce(t.deps);
    expect(await escalationNotices()).toHaveLength(before);
  });
});
