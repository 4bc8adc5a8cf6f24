import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import { SESSIONS_REVOKED } from '../../platform/session-revocation.ts';
import { seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, type Session, signIn, type TestApp } from '../../test-support/test-app.ts';
import { createTestPostgresDatabase, PG_TEMPLATE_ENV } from '../../test-support/test-database.ts';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: each keeps resolved
 * sessions for a few seconds, so a session revoked on one must be dropped by the other when it hears
 * of it, not when its cached copy goes stale.
 */
describe('a session revoked on one process', () => {
  let drop: () => Promise<void>;
  const databases: Database[] = [];
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    const created = await createTestPostgresDatabase(process.env[PG_TEMPLATE_ENV]);
    drop = created.drop;
    for (let i = 0; i < 2; i++) databases.push(await openDatabase({ databaseUrl: created.url, poolSize: 4 }));
    await migrateDatabase(databases[0]!);
    one = await createTestApp({}, databases[0]);
    two = await createTestApp({}, databases[1]);
    await seedTwoCommunities(one.deps.db);
  });
  afterAll(async () => {
    await one?.app.close();
    await two?.app.close();
    for (const d of databases) await d.close();
    await drop?.();
  });

  const status = async (t: TestApp, s: Session) =>
    (await call(t.app, s, 'GET', '/api/communities')).statusCode;
  const heardOn = (t: TestApp) =>
    new Promise<LiveEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no revocation heard within 3 s')), 3000);
      const stop = t.app.liveHub.observe((event) => {
        if (event.type !== SESSIONS_REVOKED) return;
        clearTimeout(timer);
        stop();
        resolve(event);
      });
    });

  it('is rejected by the other at once after a password change (not after its cache expires)', async () => {
    const phone = await signIn(one.app, 'coordinator');
    const laptop = await signIn(one.app, 'coordinator');
    expect(await status(two, laptop)).toBe(200); // now cached on process two
    const heard = heardOn(two);
    const res = await call(one.app, phone, 'PUT', '/api/me/password', {
      currentPassword: 'correct-horse',
      newPassword: 'a-new-long-password',
    });
    expect(res.statusCode).toBe(200);
    const startedWaiting = Date.now();
    await heard;
    // well inside the 5 s an entry may otherwise live
    expect(Date.now() - startedWaiting).toBeLessThan(1000);
    expect(await status(two, laptop)).toBe(401);
    const rotated = {
      cookie: `linli_session=${res.cookies.find((c) => c.name === 'linli_session')!.value}`,
      csrf: res.json().session.csrfToken,
    };
    expect(await status(two, rotated)).toBe(200);
  });

  it('is rejected by the other at once after signing out', async () => {
    const s = await signIn(one.app, 'staff');
    expect(await status(two, s)).toBe(200);
    const heard = heardOn(two);
    expect((await call(one.app, s, 'DELETE', '/api/session')).statusCode).toBe(204);
    await heard;
    expect(await status(two, s)).toBe(401);
  });
});
