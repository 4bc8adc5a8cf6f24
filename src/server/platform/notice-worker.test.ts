import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox } from '../db/schema/index.ts';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { runBackgroundTasksOnce } from './background.ts';
import { registerNoticeChannel, unregisterNoticeChannel } from './notice-channels.ts';
import { deliverDueNotices, MAX_ATTEMPTS, retryDelayMs } from './notice-worker.ts';
import { notify } from './notices.ts';

describe('notice outbox and worker', () => {
  let t: TestApp;
  let a: string;
  let ids: Record<string, string>;
  const notice = (accountIds: string[], channels: string[] = []) => ({
    communityId: a,
    accountIds,
    kind: 'volunteer.approved',
    params: { community: '甲小区' },
    link: '/shifts',
    channels,
  });
  const queue = (accountIds: string[], channels: string[] = []) =>
    t.deps.db.transaction((tx) => notify(tx, notice(accountIds, channels), t.clock.now()));
  const rowsOf = (channel: string) => t.deps.db.select().from(outbox).where(eq(outbox.channel, channel));
  const inboxOf = (accountId: string) =>
    t.deps.db.select().from(notifications).where(eq(notifications.accountId, accountId));

  beforeAll(async () => {
    t = await createTestApp();
    ({ a, ids } = await seedTwoCommunities(t.deps.db));
  });
  afterAll(() => t.close());

  it('writes nothing when the transaction of the change rolls back', async () => {
    const failed = t.deps.db.transaction(async (tx) => {
      await notify(tx, notice([ids.viewer!]), t.clock.now());
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(await t.deps.db.select().from(outbox).where(eq(outbox.accountId, ids.viewer!))).toEqual([]);
  });

  it('delivers to the inbox once, however often the row is delivered', async () => {
    await queue([ids.resident!]);
    await runBackgroundTasksOnce(t.deps);
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.accountId, ids.resident!));
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    // A process that died after the inbox insert, before marking the row, leaves it to deliver again.
    await t.deps.db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: t.clock.now() })
      .where(and(eq(outbox.communityId, a), eq(outbox.id, row!.id)));
    expect(await deliverDueNotices(t.deps, { channels: ['inbox'] })).toEqual({
      delivered: 1,
      retrying: 0,
      dead: 0,
    });
    const inbox = await inboxOf(ids.resident!);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      id: row!.id,
      kind: 'volunteer.approved',
      link: '/shifts',
      readAt: null,
    });
  });

  it('retries a failing channel with growing waits, then gives up, while the inbox still delivers', async () => {
    let calls = 0;
    registerNoticeChannel({
      name: 'test-broken',
      deliver: async () => {
        calls++;
        throw new Error(`gateway said no (${calls})`);
      },
    });
    await queue([ids.staff!], ['test-broken']);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runBackgroundTasksOnce(t.deps);
      expect(calls).toBe(attempt);
      const [row] = await rowsOf('test-broken');
      expect(row).toMatchObject({ attempts: attempt, lastError: `gateway said no (${attempt})` });
      if (attempt === MAX_ATTEMPTS) {
        expect(row!.status).toBe('dead');
        break;
      }
      expect(row!.status).toBe('pending');
      const wait = row!.nextAttemptAt.getTime() - t.clock.now().getTime();
      waits.push(wait);
      // Not a moment early.
      t.clock.advance(wait - 1);
      await runBackgroundTasksOnce(t.deps);
      expect(calls).toBe(attempt);
      t.clock.advance(1);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * 1000));
    // Dead is dead: no more calls, however late it gets.
    t.clock.advance(24 * 3600_000);
    await runBackgroundTasksOnce(t.deps);
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(await inboxOf(ids.staff!)).toHaveLength(1);
    expect((await rowsOf('inbox')).find((r) => r.accountId === ids.staff)?.status).toBe('delivered');
    unregisterNoticeChannel('test-broken');
  });

  it('caps the wait at an hour', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(7)).toBe(1_920_000);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });

  it('delivers a channel that recovers after failing the first calls', async () => {
    let calls = 0;
    registerNoticeChannel({
      name: 'test-flaky',
      deliver: async () => {
        if (++calls <= 2) throw new Error('not yet');
      },
    });
    await queue([ids.leader!], ['test-flaky']);
    await deliverDueNotices(t.deps, { channels: ['test-flaky'] });
    t.clock.advance(30_000);
    await deliverDueNotices(t.deps, { channels: ['test-flaky'] });
    t.clock.advance(60_000);
    expect(await deliverDueNotices(t.deps, { channels: ['test-flaky'] })).toMatchObject({ delivered: 1 });
    const [row] = await rowsOf('test-flaky');
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    unregisterNoticeChannel('test-flaky');
  });

  it('does not let a channel that hangs hold up the others', async () => {
    let aborted = false;
    registerNoticeChannel({
      name: 'test-hanging',
      deliver: (_deps, _row, { signal }) =>
        new Promise(() => {
          signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    });
    await queue([ids.coordinator!], ['test-hanging']);
    const started = Date.now();
    // 1 s: long enough for the inbox's own insert on a loaded machine, short against a gateway's 10 s.
    const report = await deliverDueNotices(t.deps, { timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({ retrying: 1, dead: 0 });
    expect(aborted).toBe(true);
    expect(await inboxOf(ids.coordinator!)).toHaveLength(1);
    const [row] = await rowsOf('test-hanging');
    expect(row).toMatchObject({ status: 'pending', lastError: 'no answer within 1000 ms' });
    unregisterNoticeChannel('test-hanging');
  });

  it('delivers again a notice whose delivery was cut short by the process dying', async () => {
    // The first worker claims the row and dies in the middle of the call: its promise never settles
    // and nothing records the outcome, as after a SIGKILL.
    registerNoticeChannel({ name: 'test-dying', deliver: () => new Promise(() => {}) });
    await queue([ids.staff!], ['test-dying']);
    void deliverDueNotices(t.deps, { channels: ['test-dying'], timeoutMs: 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [claimed] = await rowsOf('test-dying');
    expect(claimed).toMatchObject({ status: 'pending', attempts: 1 });
    const delivered: string[] = [];
    registerNoticeChannel({
      name: 'test-dying',
      deliver: async (_deps, row) => {
        delivered.push(row.id);
      },
    });
    // While the claim holds, another worker leaves the row alone …
    expect(await deliverDueNotices(t.deps, { channels: ['test-dying'] })).toEqual({
      delivered: 0,
      retrying: 0,
      dead: 0,
    });
    // … and once it has run out, delivers it: at least once, with the same id for the gateway.
    t.clock.advance(claimed!.nextAttemptAt.getTime() - t.clock.now().getTime() + 1000);
    expect(await deliverDueNotices(t.deps, { channels: ['test-dying'] })).toMatchObject({ delivered: 1 });
    expect(delivered).toEqual([claimed!.id]);
    expect((await rowsOf('test-dying'))[0]).toMatchObject({ status: 'delivered' });
    unregisterNoticeChannel('test-dying');
  });

  it('never delivers one row twice when several workers run at once', async () => {
    const delivered: string[] = [];
    registerNoticeChannel({
      name: 'test-counted',
      deliver: async (_deps, row) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        delivered.push(row.id);
      },
    });
    const many = Object.values(ids).filter((id) => id !== ids.outsider && id !== ids['b-coordinator']);
    for (let i = 0; i < 5; i++) await queue(many, ['test-counted']);
    const expected = (await rowsOf('test-counted')).length;
    expect(expected).toBe(many.length * 5);
    const reports = await Promise.all(
      Array.from({ length: 4 }, () => deliverDueNotices(t.deps, { channels: ['test-counted'], limit: 10 })),
    );
    // Whatever the four did not get to, later runs do; no row is ever handed over twice.
    while ((await rowsOf('test-counted')).some((r) => r.status === 'pending')) {
      await deliverDueNotices(t.deps, { channels: ['test-counted'], limit: 10 });
    }
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBeGreaterThan(0);
    expect(delivered).toHaveLength(expected);
    expect(new Set(delivered).size).toBe(expected);
    unregisterNoticeChannel('test-counted');
  });
});
