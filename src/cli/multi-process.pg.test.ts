// PostgreSQL only (vitest.config.ts leaves it out of the PGlite pass): two `linli serve` processes on
// one database, the way a district runs Linli.
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { LISTENER_APPLICATION_NAME } from '../server/db/notify-listener.ts';
import { shiftRoles, shiftSignups, shifts, volunteerGroups } from '../server/db/schema/index.ts';
import { publishLive } from '../server/platform/live-events.ts';
import { createSession, resolveSessionSecret } from '../server/platform/sessions.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../server/test-support/fixtures.ts';
import { openSse } from '../server/test-support/sse-client.ts';
import { createTestApp, signIn } from '../server/test-support/test-app.ts';
import { createTestPostgresDatabase } from '../server/test-support/test-database.ts';
import { type RunningLinli, startLinli, stopLinli } from './process-helpers.ts';

const HOUR = 3600_000;

describe('two server processes on one PostgreSQL', () => {
  let pgdb: Awaited<ReturnType<typeof createTestPostgresDatabase>>;
  let database: Database;
  let processA: RunningLinli;
  let processB: RunningLinli;
  let communityId: string;
  let groupId: string;
  let coordinatorCookie: string;
  let crowd: Awaited<ReturnType<typeof seedGroupVolunteers>>;

  const addShift = async (capacity: number, startHour: number) => {
    const now = Date.now();
    const [shift] = await database.db
      .insert(shifts)
      .values({
        communityId,
        groupId,
        title: `shift at +${startHour} h`,
        startsAt: new Date(now + startHour * HOUR),
        endsAt: new Date(now + (startHour + 2) * HOUR),
        signupOpensAt: new Date(now - HOUR),
        signupClosesAt: new Date(now + (startHour - 1) * HOUR),
      })
      .returning();
    await database.db
      .insert(shiftRoles)
      .values({ communityId, shiftId: shift!.id, role: 'volunteer', capacity });
    return shift!.id;
  };
  const signUp = async (server: RunningLinli, who: { cookie: string; csrf: string }, shiftId: string) => {
    const res = await fetch(`${server.url}/api/communities/${communityId}/shifts/${shiftId}/signups`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = await res.json();
    return { status: res.status, body };
  };

  beforeAll(async () => {
    pgdb = await createTestPostgresDatabase();
    database = await openDatabase({ databaseUrl: pgdb.url, poolSize: 10 });
    await migrateDatabase(database);
    const sessionSecret = await resolveSessionSecret(database.db, undefined);
    const deps = {
      db: database.db,
      dbKind: database.kind,
      config: loadConfig({}),
      clock: { now: () => new Date() },
      version: 'test',
      sessionSecret,
    };
    const { a, ids } = await seedTwoCommunities(database.db);
    communityId = a;
    const [group] = await database.db
      .select()
      .from(volunteerGroups)
      .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'parcels')));
    groupId = group!.id;
    crowd = await seedGroupVolunteers(deps, a, groupId, 500, 'mp');
    const { token } = await createSession(deps, ids.coordinator!, '127.0.0.1', 'test');
    coordinatorCookie = `linli_session=${token}`;
    const env = { DATABASE_URL: pgdb.url, LINLI_SEED_DEMO: '0', LINLI_DB_POOL_SIZE: '10' };
    [processA, processB] = await Promise.all([startLinli(env), startLinli(env)]);
  });
  afterAll(async () => {
    await Promise.all([processA, processB].filter(Boolean).map((p) => stopLinli(p.child)));
    await database?.close();
    await pgdb?.drop();
  });

  it('shows on a stream of one process the places taken through the other', async () => {
    const shiftId = await addShift(3, 30);
    const watcher = await openSse(`${processA.url}/api/communities/${communityId}/events`, coordinatorCookie);
    expect(watcher.status).toBe(200);
    try {
      expect((await signUp(processB, crowd[0]!.session, shiftId)).status).toBe(201);
      const event = await watcher.waitFor((e) => e.type === 'shift.places' && e.data.shiftId === shiftId);
      expect(event.data.roles).toEqual([{ role: 'volunteer', capacity: 3, taken: 1, waiting: 0 }]);
    } finally {
      watcher.close();
    }
  });

  it('fills a 9-place shift exactly under 2,000 sign-ups from 500 volunteers split across both', async () => {
    const shiftId = await addShift(9, 100);
    const watcher = await openSse(`${processA.url}/api/communities/${communityId}/events`, coordinatorCookie);
    try {
      const results = await Promise.all(
        Array.from({ length: 2000 }, (_, i) =>
          signUp(i % 2 === 0 ? processA : processB, crowd[i % 500]!.session, shiftId),
        ),
      );
      const accepted = results.filter((r) => r.status === 201);
      expect(accepted).toHaveLength(9);
      const refusals = new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error?.code));
      expect([...refusals].every((c) => c === 'SHIFT_FULL' || c === 'ALREADY_SIGNED_UP')).toBe(true);
      const counted = await database.db.execute(sql`
        select count(*)::int as confirmed, count(distinct volunteer_id)::int as people,
          (select taken from ${shiftRoles} where shift_id = ${shiftId}) as taken
        from ${shiftSignups} where shift_id = ${shiftId} and status = 'confirmed'`);
      expect((counted as unknown as { rows: unknown[] }).rows[0]).toEqual({
        confirmed: 9,
        people: 9,
        taken: 9,
      });
      // the browser on process A ends up showing the shift full, whichever process took each place
      await watcher.waitFor(
        (e) => e.type === 'shift.places' && e.data.shiftId === shiftId && e.data.roles[0].taken === 9,
      );
    } finally {
      watcher.close();
    }
  }, 180_000);

  it('stops cleanly on SIGTERM while a stream is open', async () => {
    const watcher = await openSse(`${processB.url}/api/communities/${communityId}/events`, coordinatorCookie);
    expect(watcher.status).toBe(200);
    expect(await stopLinli(processB.child)).toBe(0);
    watcher.close();
  });
});

describe('the live listener of a process', () => {
  it('comes back after its database connection is cut, and asks browsers to catch up', async () => {
    const t = await createTestApp();
    try {
      const { a } = await seedTwoCommunities(t.deps.db);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/communities/${a}/events`;
      const watcher = await openSse(url, (await signIn(t.app, 'coordinator')).cookie);
      await t.deps.db.execute(sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`);
      await watcher.waitFor((e) => e.type === 'live.resync');
      await t.deps.db.transaction((tx) =>
        publishLive(tx, { communityId: a, type: 'test.after', data: { ok: true } }),
      );
      expect((await watcher.waitFor((e) => e.type === 'test.after')).data).toEqual({ ok: true });
      watcher.close();
    } finally {
      await t.close();
    }
  });
});
