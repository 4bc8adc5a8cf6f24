import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { accounts, notifications, outbox, volunteers } from '../db/schema/index.ts';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { type GatewayReceiver, startGatewayReceiver } from '../test-support/gateway-receiver.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../test-support/test-app.ts';
import { deliverDueNotices, MAX_ATTEMPTS, retryDelayMs } from './notice-worker.ts';
import { type Notice, notify } from './notices.ts';

const SECRET = 'district-gateway-secret-0001';

describe('the webhook channel to the district gateway', () => {
  let t: TestApp;
  let a: string;
  let ids: Record<string, string>;
  let gateway: GatewayReceiver;
  const s = {} as Record<string, Session>;
  const url = (path: string) => `/api/communities/${a}${path}`;
  const queue = (accountIds: string[], extra: Partial<Notice> = {}) =>
    t.deps.db.transaction((tx) =>
      notify(
        tx,
        {
          communityId: a,
          accountIds,
          kind: 'volunteer.approved',
          params: { community: '甲小区' },
          link: '/shifts',
          ...extra,
        },
        t.clock.now(),
      ),
    );
  const rowsOf = (accountId: string, channel = 'webhook') =>
    t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.accountId, accountId), eq(outbox.channel, channel)));
  // Rows come back in no set order (PostgreSQL may move an updated row), so "the new one" is found by its id.
  const newRowsOf = async (accountId: string, channel: string, write: () => Promise<unknown>) => {
    const before = new Set((await rowsOf(accountId, channel)).map((r) => r.id));
    await write();
    return (await rowsOf(accountId, channel)).filter((r) => !before.has(r.id));
  };
  const rowById = async (accountId: string, id: string) => (await rowsOf(accountId)).find((r) => r.id === id);
  const deliverWebhooks = (timeoutMs?: number) =>
    deliverDueNotices(t.deps, { channels: ['webhook'], ...(timeoutMs ? { timeoutMs } : {}) });
  const setGateway = (enabled: boolean) =>
    call(t.app, s.coordinator!, 'PUT', url('/notice-gateway'), { url: gateway.url, secret: SECRET, enabled });
  const setPreferences = (who: Session, body: unknown) =>
    call(t.app, who, 'PUT', url('/notification-preferences'), body);

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, ids } = await seedTwoCommunities(t.deps.db));
    await t.deps.db.update(accounts).set({ mobile: '13800001234' }).where(eq(accounts.id, ids.volunteer!));
    for (const who of ['coordinator', 'staff', 'volunteer', 'resident', 'leader', 'viewer']) {
      s[who] = await signIn(t.app, who);
    }
    gateway = await startGatewayReceiver();
    expect((await setGateway(true)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await gateway.close();
    await t.close();
  });
  beforeEach(() => {
    gateway.calls.length = 0;
    gateway.answer('ok');
  });

  it('retries a failing gateway with back-off until it takes the notice, with one key and a valid signature', async () => {
    gateway.answer({ failFirst: 3 });
    await queue([ids.volunteer!]);
    const [queued] = await rowsOf(ids.volunteer!);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverWebhooks()).toMatchObject({ retrying: 1 });
      const [row] = await rowsOf(ids.volunteer!);
      expect(row).toMatchObject({
        status: 'pending',
        attempts: attempt,
        lastError: 'the gateway answered 503 Service Unavailable',
      });
      expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(retryDelayMs(attempt));
      // Not a moment early.
      t.clock.advance(retryDelayMs(attempt) - 1);
      expect(await deliverWebhooks()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
      t.clock.advance(1);
    }
    expect(await deliverWebhooks()).toMatchObject({ delivered: 1 });
    expect((await rowsOf(ids.volunteer!))[0]).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastError: null,
    });
    expect(gateway.calls).toHaveLength(4);
    for (const c of gateway.calls) {
      expect(c.idempotencyKey).toBe(queued!.id);
      expect(gateway.signedWith(SECRET, c)).toBe(true);
      expect(gateway.signedWith('another-secret-entirely', c)).toBe(false);
      expect(Number(c.timestamp)).toBeGreaterThan(1_700_000_000);
    }
    expect(gateway.calls[3]!.body).toEqual({
      id: queued!.id,
      communityId: a,
      accountId: ids.volunteer,
      kind: 'volunteer.approved',
      title: { 'zh-CN': '志愿者报名已通过', en: 'You are a volunteer now' },
      body: {
        'zh-CN': '欢迎加入甲小区的志愿者队伍！现在可以报名班次了。',
        en: expect.stringContaining('甲小区'),
      },
      link: '/shifts',
      critical: false,
      createdAt: queued!.createdAt.toISOString(),
      mobile: '13800001234',
      locale: 'zh-CN',
    });
  });

  it('cuts off a gateway that never answers, while the inbox of the same notice and every request go on', async () => {
    gateway.answer('hang');
    // The change that notifies answers without waiting for any channel.
    const [pending] = await t.deps.db
      .insert(volunteers)
      .values({ communityId: a, accountId: ids.viewer!, status: 'pending' })
      .returning();
    const approve = await call(t.app, s.coordinator!, 'POST', url('/volunteers/decisions'), {
      volunteerIds: [pending!.id],
      decision: 'approve',
      groupIds: [],
    });
    expect(approve.statusCode).toBe(200);
    let cutOffYet = false;
    const delivery = deliverDueNotices(t.deps, { timeoutMs: 4000 }).finally(() => {
      cutOffYet = true;
    });
    // While the gateway hangs, the viewer's inbox already has the notice, and requests are answered:
    // neither waited for the gateway to be cut off.
    await expect
      .poll(async () => (await call(t.app, s.viewer!, 'GET', url('/notifications'))).json().unread, {
        timeout: 3500,
        interval: 50,
      })
      .toBe(1);
    expect((await call(t.app, s.viewer!, 'GET', url('/notification-preferences'))).statusCode).toBe(200);
    // The inbox lane may finish before the webhook's request has reached the gateway.
    await expect.poll(() => gateway.calls.length, { timeout: 3000, interval: 20 }).toBe(1);
    expect(cutOffYet).toBe(false);
    const report = await delivery;
    expect(report).toMatchObject({ retrying: 1, dead: 0 });
    const [row] = await rowsOf(ids.viewer!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no answer within 4000 ms' });
    await expect.poll(() => gateway.cutOff()).toBe(1);
    expect((await rowsOf(ids.viewer!, 'inbox'))[0]!.status).toBe('delivered');
    // It answers again: the retry goes through with the same key.
    gateway.answer('ok');
    t.clock.advance(retryDelayMs(1));
    expect(await deliverWebhooks()).toMatchObject({ delivered: 1 });
    expect(gateway.calls.map((c) => c.idempotencyKey)).toEqual([row!.id, row!.id]);
  });

  it('gives up after the last attempt; staff see it, resend it, and it arrives', async () => {
    gateway.answer({ failFirst: 1000 });
    await queue([ids.leader!], {
      kind: 'shift.cancelled',
      params: { title: '快递分拣', startsAt: '2026-04-10T00:00:00Z' },
    });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverWebhooks();
      t.clock.advance(retryDelayMs(attempt));
    }
    const [dead] = await rowsOf(ids.leader!);
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(gateway.calls.filter((c) => c.idempotencyKey === dead!.id)).toHaveLength(MAX_ATTEMPTS);

    const list = await call(t.app, s.staff!, 'GET', url('/dead-letters'), undefined, {
      'accept-language': 'en',
    });
    expect(list.json().items).toEqual([
      {
        id: dead!.id,
        recipient: 'leader 测试',
        kind: 'shift.cancelled',
        title: 'Shift cancelled: 快递分拣',
        channel: 'webhook',
        attempts: MAX_ATTEMPTS,
        lastError: 'the gateway answered 503 Service Unavailable',
        critical: false,
        createdAt: dead!.createdAt.toISOString(),
      },
    ]);
    expect(list.json().counts).toContainEqual({ channel: 'webhook', pending: 0, dead: 1 });
    expect((await call(t.app, s.volunteer!, 'GET', url('/dead-letters'))).statusCode).toBe(403);
    expect((await call(t.app, s.leader!, 'POST', url(`/dead-letters/${dead!.id}/resend`))).statusCode).toBe(
      403,
    );

    // The gateway is back.
    gateway.answer('ok');
    const resent = await call(t.app, s.staff!, 'POST', url(`/dead-letters/${dead!.id}/resend`));
    expect(resent.json()).toEqual({ resent: 1 });
    expect((await rowsOf(ids.leader!))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await rowsOf(ids.leader!))[0]!.nextAttemptAt).toEqual(t.clock.now());
    const again = await call(t.app, s.staff!, 'POST', url(`/dead-letters/${dead!.id}/resend`));
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'DEAD_LETTER_NOT_DEAD']);
    expect(await deliverWebhooks()).toMatchObject({ delivered: 1 });
    expect(gateway.calls.at(-1)!.idempotencyKey).toBe(dead!.id);
    expect((await call(t.app, s.staff!, 'GET', url('/dead-letters'))).json().items).toEqual([]);
    const auditLog = (await call(t.app, s.coordinator!, 'GET', url('/audit'))).json().items;
    expect(auditLog.map((e: { action: string }) => e.action)).toContain('notice.resend');
  });

  it('resends several dead letters in one transaction, or none of them', async () => {
    const people = [ids.resident!, ids.staff!, ids.coordinator!];
    const before = new Set((await Promise.all(people.map((id) => rowsOf(id)))).flat().map((r) => r.id));
    await queue(people);
    const rows = await Promise.all(people.map((id) => rowsOf(id)));
    const [r1, r2, r3] = rows.map((r) => r.filter((row) => !before.has(row.id)));
    for (const written of [r1, r2, r3]) expect(written).toHaveLength(1);
    const kill = (id: string) =>
      t.deps.db
        .update(outbox)
        .set({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'down' })
        .where(and(eq(outbox.communityId, a), eq(outbox.id, id)));
    await kill(r1![0]!.id);
    await kill(r2![0]!.id);
    const bulk = (ids: string[]) => call(t.app, s.coordinator!, 'POST', url('/dead-letters/resend'), { ids });
    // One of them is still pending: nothing changes.
    expect((await bulk([r1![0]!.id, r2![0]!.id, r3![0]!.id])).statusCode).toBe(409);
    expect((await rowById(ids.resident!, r1![0]!.id))!.status).toBe('dead');
    const unknown = await bulk([r1![0]!.id, '00000000-0000-4000-8000-000000000000']);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await bulk([r1![0]!.id, r2![0]!.id])).json()).toEqual({ resent: 2 });
    expect(await rowById(ids.staff!, r2![0]!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliverWebhooks()).toMatchObject({ delivered: 3 });
  });

  it('holds a non-critical notice for the end of quiet hours, never a critical one, never the inbox', async () => {
    const quiet = await setPreferences(s.resident!, {
      channels: ['webhook'],
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(quiet.statusCode).toBe(200);
    // 23:30 in Shanghai.
    const base = new Date('2026-04-09T15:30:00Z').getTime() - t.clock.now().getTime();
    t.clock.advance(base);
    await queue([ids.resident!], { kind: 'volunteer.approved' });
    await queue([ids.resident!], { kind: 'volunteer.approved', critical: true });
    const written = (await rowsOf(ids.resident!)).filter(
      (r) => r.createdAt.getTime() === t.clock.now().getTime(),
    );
    const normal = written.find((r) => !r.critical);
    const critical = written.find((r) => r.critical);
    expect(normal).toMatchObject({ critical: false, nextAttemptAt: new Date('2026-04-09T23:00:00Z') });
    expect(critical).toMatchObject({ critical: true, nextAttemptAt: t.clock.now() });
    const inbox = (await rowsOf(ids.resident!, 'inbox')).filter(
      (r) => r.createdAt.getTime() === t.clock.now().getTime(),
    );
    expect(inbox).toHaveLength(2);
    expect(inbox.map((r) => r.nextAttemptAt)).toEqual([t.clock.now(), t.clock.now()]);

    await deliverDueNotices(t.deps);
    expect(gateway.calls.map((c) => c.idempotencyKey)).toEqual([critical!.id]);
    const delivered = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, ids.resident!));
    expect(delivered.map((n) => n.id)).toEqual(expect.arrayContaining(inbox.map((r) => r.id)));
    // 07:00: the morning's SMS goes.
    t.clock.advance(new Date('2026-04-09T23:00:00Z').getTime() - t.clock.now().getTime());
    await deliverWebhooks();
    expect(gateway.calls.map((c) => c.idempotencyKey)).toEqual([critical!.id, normal!.id]);
  });

  it('writes no webhook row for someone who turned it off, or while the gateway is off', async () => {
    expect((await setPreferences(s.resident!, { channels: [], quietHours: null })).statusCode).toBe(200);
    const before = (await rowsOf(ids.resident!)).length;
    const staffWebhooks = await newRowsOf(ids.staff!, 'webhook', async () => {
      const inbox = await newRowsOf(ids.resident!, 'inbox', () => queue([ids.resident!, ids.staff!]));
      expect(inbox).toHaveLength(1);
    });
    expect(await rowsOf(ids.resident!)).toHaveLength(before);
    // The staff member chose nothing: on by default while the gateway is on.
    expect(staffWebhooks).toHaveLength(1);
    // A caller naming channels is still heard, and still cannot override the person's choice.
    await queue([ids.resident!, ids.staff!], { channels: [] });
    await queue([ids.resident!], { channels: ['webhook'] });
    expect(await rowsOf(ids.resident!)).toHaveLength(before);
    expect(
      (await rowsOf(ids.staff!)).filter((r) => r.createdAt.getTime() === t.clock.now().getTime()),
    ).toHaveLength(1);

    // Switched off: rows already written fail (and end as dead letters), no new ones are written.
    const [waiting] = await newRowsOf(ids.staff!, 'webhook', () => queue([ids.staff!]));
    expect((await setGateway(false)).statusCode).toBe(200);
    const staffRows = (await rowsOf(ids.staff!)).length;
    await queue([ids.staff!]);
    expect(await rowsOf(ids.staff!)).toHaveLength(staffRows);
    await deliverWebhooks();
    expect(await rowById(ids.staff!, waiting!.id)).toMatchObject({
      status: 'pending',
      lastError: 'the SMS / WeChat gateway is switched off',
    });
    expect(gateway.calls).toHaveLength(0);
    expect((await setGateway(true)).statusCode).toBe(200);
  });

  it('looks up the gateway and every recipient’s choice in one query, however many recipients', async () => {
    let selects = 0;
    await t.deps.db.transaction(async (tx) => {
      const counting = {
        insert: tx.insert.bind(tx),
        select: ((...args: Parameters<Db['select']>) => {
          selects++;
          return tx.select(...args);
        }) as Db['select'],
      };
      const many = Object.values(ids).filter((id) => id !== ids.outsider && id !== ids['b-coordinator']);
      await notify(
        counting,
        { communityId: a, accountIds: many, kind: 'volunteer.approved', params: {} },
        t.clock.now(),
      );
      await notify(
        counting,
        { communityId: a, accountIds: many, kind: 'volunteer.approved', params: {}, channels: [] },
        t.clock.now(),
      );
    });
    expect(selects).toBe(1);
  });
});
