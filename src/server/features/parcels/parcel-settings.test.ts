import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema/index.ts';
import { runBackgroundTasksOnce } from '../../platform/background.ts';
import { call, createTestApp, type Session, type TestApp } from '../../test-support/test-app.ts';
import { type RideScene, rideScene } from './test-runs.ts';

describe('parcels: the pickup reminder time', () => {
  let t: TestApp;
  let x: RideScene;
  const url = () => `/api/communities/${x.a}/parcel-settings`;
  const set = (who: Session, body: unknown) => call(t.app, who, 'PUT', url(), body);
  const reminders = async () =>
    t.deps.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.communityId, x.a), eq(outbox.kind, 'parcels.reminder')));

  beforeAll(async () => {
    t = await createTestApp();
    x = await rideScene(t);
  });
  afterAll(() => t.close());

  it('is four hours until someone who runs the parcels changes it; bad values and others change nothing', async () => {
    expect((await call(t.app, x.s.rider!, 'GET', url())).json()).toEqual({ reminderMinutes: 240 });
    for (const minutes of [10, 3000, 90.5]) {
      const res = await set(x.s.coordinator!, { reminderMinutes: minutes });
      expect(res.statusCode, String(minutes)).toBe(400);
    }
    expect((await set(x.s.rider!, { reminderMinutes: 60 })).statusCode).toBe(403);
    expect((await set(x.s['b-coordinator']!, { reminderMinutes: 60 })).statusCode).toBe(404);
    expect((await call(t.app, x.s.rider!, 'GET', url())).json()).toEqual({ reminderMinutes: 240 });

    const saved = await set(x.s.coordinator!, { reminderMinutes: 60 });
    expect([saved.statusCode, saved.json()]).toEqual([200, { reminderMinutes: 60 }]);
    const logged = await t.deps.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.communityId, x.a), eq(auditLog.action, 'parcels.settings')));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.summary).toContain('60');
  });

  it('reminds after the time set, not the default', async () => {
    const delivered = await call(
      t.app,
      x.s.rider!,
      'POST',
      `/api/communities/${x.a}/delivery-runs/${x.runId}/stops/1/delivered`,
    );
    expect(delivered.statusCode).toBe(200);
    t.clock.advance(59 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    expect(await reminders()).toEqual([]);
    t.clock.advance(2 * 60_000);
    await runBackgroundTasksOnce(t.deps);
    expect((await reminders()).length).toBeGreaterThan(0);
  });
});
