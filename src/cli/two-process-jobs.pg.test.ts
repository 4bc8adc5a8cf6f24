// PostgreSQL only: what two `linli serve` processes on one database share besides sign-up capacity
// (multi-process.pg.test.ts): the outbox worker delivers each notice once, a scheduled job (the fair
// draw at a window's close) runs once, sessions and the sign-in throttle hold across processes.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { noticeGateways, outbox, shiftRoles, shifts, volunteerGroups } from '../server/db/schema/index.ts';
import { notify } from '../server/platform/notices.ts';
import { resolveSessionSecret } from '../server/platform/sessions.ts';
import { PASSWORD, seedGroupVolunteers, seedTwoCommunities } from '../server/test-support/fixtures.ts';
import { type GatewayReceiver, startGatewayReceiver } from '../server/test-support/gateway-receiver.ts';
import { createTestPostgresDatabase } from '../server/test-support/test-database.ts';
import { type RunningLinli, startLinli, stopLinli } from './process-helpers.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('two server processes share the background work and the sessions', () => {
  let pgdb: Awaited<ReturnType<typeof createTestPostgresDatabase>>;
  let database: Database;
  let processes: RunningLinli[] = [];
  let gateway: GatewayReceiver;
  let a: string;
  let groupId: string;
  let crowd: Awaited<ReturnType<typeof seedGroupVolunteers>>;

  const post = (
    server: RunningLinli,
    who: { cookie: string; csrf: string } | null,
    p: string,
    body: unknown,
  ) =>
    fetch(`${server.url}${p}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': who?.csrf ?? '1',
        ...(who ? { cookie: who.cookie } : {}),
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    pgdb = await createTestPostgresDatabase();
    database = await openDatabase({ databaseUrl: pgdb.url, poolSize: 5 });
    await migrateDatabase(database);
    ({ a } = await seedTwoCommunities(database.db));
    const [group] = await database.db
      .select()
      .from(volunteerGroups)
      .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'parcels')));
    groupId = group!.id;
    const deps = {
      db: database.db,
      dbKind: database.kind,
      config: loadConfig({}),
      clock: { now: () => new Date() },
      version: 'test',
      sessionSecret: await resolveSessionSecret(database.db, undefined),
    };
    crowd = await seedGroupVolunteers(deps, a, groupId, 40, 'tp');
    gateway = await startGatewayReceiver();
    await database.db.insert(noticeGateways).values({
      communityId: a,
      url: gateway.url,
      secret: 'two-process-secret',
      enabled: true,
      updatedAt: new Date(),
    });
    // Both look for due notices every 50 ms, so they race for the same rows all the time.
    const env = {
      DATABASE_URL: pgdb.url,
      LINLI_SEED_DEMO: '0',
      LINLI_DB_POOL_SIZE: '5',
      LINLI_NOTICE_INTERVAL_MS: '50',
    };
    processes = await Promise.all([startLinli(env), startLinli(env)]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => stopLinli(p.child)));
    await gateway?.close();
    await database?.close();
    await pgdb?.drop();
  });

  it('delivers each notice once to the inbox and once to the gateway, whichever process claims it', async () => {
    const accountIds = crowd.map((c) => c.accountId);
    // Written in bursts while both workers run.
    for (let burst = 0; burst < 10; burst++) {
      await database.db.transaction((tx) =>
        notify(
          tx,
          { communityId: a, accountIds, kind: 'volunteer.approved', params: { community: '甲小区' } },
          new Date(),
        ),
      );
      await new Promise((r) => setTimeout(r, 30));
    }
    const pendingLeft = async () =>
      rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from ${outbox} where status <> 'delivered'`),
      )[0]!.n;
    await expect.poll(pendingLeft, { timeout: 30_000, interval: 200 }).toBe(0);
    const [counts] = rowsOf<{ webhook: number; inbox: number; notices: number; distinct_notices: number }>(
      await database.db.execute(sql`
        select (select count(*)::int from outbox where channel = 'webhook') as webhook,
               (select count(*)::int from outbox where channel = 'inbox') as inbox,
               (select count(*)::int from notifications) as notices,
               (select count(distinct id)::int from notifications) as distinct_notices`),
    );
    expect(counts).toEqual({ webhook: 400, inbox: 400, notices: 400, distinct_notices: 400 });
    // No claim was lost or doubled: every key reached the gateway exactly once.
    expect(gateway.calls).toHaveLength(400);
    expect(new Set(gateway.calls.map((c) => c.idempotencyKey)).size).toBe(400);
  }, 60_000);

  it('draws a closing shift once, though both processes run the draw task', async () => {
    const now = Date.now();
    const [shift] = await database.db
      .insert(shifts)
      .values({
        communityId: a,
        groupId,
        title: 'draw across processes',
        mode: 'draw',
        startsAt: new Date(now + 48 * 3600_000),
        endsAt: new Date(now + 50 * 3600_000),
        signupOpensAt: new Date(now - 60_000),
        signupClosesAt: new Date(now + 4_000),
      })
      .returning();
    await database.db
      .insert(shiftRoles)
      .values({ communityId: a, shiftId: shift!.id, role: 'volunteer', capacity: 5 });
    const requests = await Promise.all(
      crowd
        .slice(0, 20)
        .map((c, i) =>
          post(processes[i % 2]!, c.session, `/api/communities/${a}/shifts/${shift!.id}/signups`, {}),
        ),
    );
    expect(requests.map((r) => r.status)).toEqual(Array(20).fill(201));
    const drawsOf = async () =>
      rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from audit_log where action = 'shift.draw' and target_id = ${shift!.id}`,
        ),
      )[0]!.n;
    // The draw task runs every 5 s in each process.
    await expect.poll(drawsOf, { timeout: 20_000, interval: 250 }).toBe(1);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await drawsOf()).toBe(1);
    const [outcome] = rowsOf<{ confirmed: number; waitlisted: number; taken: number; told: number }>(
      await database.db.execute(sql`
        select count(*) filter (where status = 'confirmed')::int as confirmed,
               count(*) filter (where status = 'waitlisted')::int as waitlisted,
               (select taken from shift_roles where shift_id = ${shift!.id}) as taken,
               (select count(*)::int from outbox where channel = 'inbox'
                  and kind in ('shift.draw_won', 'shift.draw_lost')) as told
        from shift_signups where shift_id = ${shift!.id}`),
    );
    expect(outcome).toEqual({ confirmed: 5, waitlisted: 15, taken: 5, told: 20 });
  }, 60_000);

  it('honours a session on either process, and a sign-out on one is refused on the other within seconds', async () => {
    const [first, second] = processes as [RunningLinli, RunningLinli];
    const res = await post(first, null, '/api/session', { username: 'staff', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { session } = await res.json();
    const whoAmI = (server: RunningLinli) =>
      fetch(`${server.url}/api/session`, { headers: { cookie } }).then(async (r) => (await r.json()).session);
    expect((await whoAmI(second))?.account.username).toBe('staff');
    const out = await fetch(`${second.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBeLessThan(300);
    expect(await whoAmI(second)).toBeNull();
    // The first process may hold the session in its few-second cache, never longer.
    await expect.poll(() => whoAmI(first), { timeout: 7_000, interval: 250 }).toBeNull();
  });

  it('counts failed sign-ins made on both processes toward one throttle', async () => {
    const [first, second] = processes as [RunningLinli, RunningLinli];
    for (let i = 0; i < loadConfig({}).loginLimitPerAccount; i++) {
      const res = await post(i % 2 ? second : first, null, '/api/session', {
        username: 'leader',
        password: 'wrong',
      });
      expect(res.status).toBe(401);
    }
    const limited = await post(first, null, '/api/session', { username: 'leader', password: PASSWORD });
    expect(limited.status).toBe(429);
    const alsoLimited = await post(second, null, '/api/session', { username: 'leader', password: PASSWORD });
    expect(alsoLimited.status).toBe(429);
  });
});
