// Sign-up stampede benchmark: N simultaneous sign-up attempts over HTTP against a real `linli serve`
// process for one shift, then the raw database ceiling for the same conditional take of a place
// (UPDATE … WHERE taken < capacity, then INSERT) without HTTP, measured in the same run.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { startLinli, stopLinli } from '../src/cli/process-helpers.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { shiftRoles, shiftSignups, shifts, volunteerGroups } from '../src/server/db/schema/index.ts';
import { takePlace } from '../src/server/features/shifts/shifts.repository.ts';
import { resolveSessionSecret } from '../src/server/platform/sessions.ts';
import { seedGroupVolunteers, seedTwoCommunities } from '../src/server/test-support/fixtures.ts';
import { createTestPostgresDatabase } from '../src/server/test-support/test-database.ts';

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 5000);
const VOLUNTEERS = Number(process.env.VOLUNTEERS ?? 2000);
const PLACES = Number(process.env.PLACES ?? 30);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
// WARM_UP=0 measures a server whose code has not run a sign-up yet.
const WARM_UP = process.env.WARM_UP !== '0';
const WITH_KEYS = process.env.IDEMPOTENCY_KEYS !== '0';

async function prepare(database: Database) {
  const db = database.db;
  const secret = await resolveSessionSecret(db, undefined);
  const deps = {
    db,
    dbKind: database.kind,
    config: loadConfig({}),
    clock: { now: () => new Date() },
    version: 'bench',
    sessionSecret: secret,
  };
  const { a } = await seedTwoCommunities(db);
  const [group] = await db
    .select()
    .from(volunteerGroups)
    .where(and(eq(volunteerGroups.communityId, a), eq(volunteerGroups.key, 'parcels')));
  const crowd = await seedGroupVolunteers(deps, a, group!.id, VOLUNTEERS, 'bench');
  const now = Date.now();
  const [shift] = await db
    .insert(shifts)
    .values({
      communityId: a,
      groupId: group!.id,
      title: 'bench',
      startsAt: new Date(now + 86_400_000),
      endsAt: new Date(now + 90_000_000),
      signupOpensAt: new Date(now - 60_000),
      signupClosesAt: new Date(now + 80_000_000),
    })
    .returning();
  // Yesterday's rush, on another day, for the warm-up (httpRun).
  const [yesterdays] = await db
    .insert(shifts)
    .values({
      communityId: a,
      groupId: group!.id,
      title: 'bench, the day before',
      startsAt: new Date(now + 3 * 86_400_000),
      endsAt: new Date(now + 3 * 86_400_000 + 4 * 3_600_000),
      signupOpensAt: new Date(now - 60_000),
      signupClosesAt: new Date(now + 80_000_000),
    })
    .returning();
  await db.insert(shiftRoles).values([
    { communityId: a, shiftId: shift!.id, role: 'volunteer', capacity: PLACES },
    { communityId: a, shiftId: yesterdays!.id, role: 'volunteer', capacity: PLACES },
  ]);
  return { communityId: a, shiftId: shift!.id, warmUpShiftId: yesterdays!.id, crowd };
}

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>) {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

function send(agent: http.Agent, method: 'GET' | 'POST', url: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function httpRun(kind: 'pglite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-signup-'));
  const pgdb = kind === 'postgres' ? await createTestPostgresDatabase() : null;
  const env = pgdb ? { DATABASE_URL: pgdb.url } : { LINLI_DATA_DIR: dir, DATABASE_URL: '' };
  const database = await openDatabase(pgdb ? { databaseUrl: pgdb.url } : { dataDir: dir });
  await migrateDatabase(database);
  const { communityId, shiftId, warmUpShiftId, crowd } = await prepare(database);
  await database.close();
  const server = await startLinli({ ...env, LINLI_SEED_DEMO: '0', LOG_LEVEL: 'warn' });
  // node:http with kept-alive sockets rather than fetch: on two cores the client's own cost is
  // taken from the server being measured, and fetch's streams cost several times more per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    // Before the rush, as before 20:00 on the evening a shift opens, the people who will press first
    // have the shifts page open: signed in, connected, the list loaded. The stampede is measured from
    // there, not the opening of 200 connections to a server that has just started.
    const shiftsPage = `${server.url}/api/communities/${communityId}/shifts`;
    await pool(CONCURRENCY, CONCURRENCY, async (i) => {
      const status = await send(agent, 'GET', shiftsPage, {
        cookie: crowd[i % crowd.length]!.session.cookie,
      });
      if (status !== 200) throw new Error(`loading the shifts page answered ${status}`);
    });
    // A server at 20:00 has been up all day and served yesterday's rush: its code is compiled for
    // sign-ups. That rush is replayed first, on another shift; then the gate's memory of people is
    // left to lapse (5 s on PostgreSQL), so that only the compiled code carries over.
    const rush = (shift: string, attempts: number, keyPrefix: string) =>
      pool(attempts, CONCURRENCY, async (i) => {
        const who = crowd[i % crowd.length]!.session;
        const t0 = process.hrtime.bigint();
        const status = await send(
          agent,
          'POST',
          `${server.url}/api/communities/${communityId}/shifts/${shift}/signups`,
          {
            cookie: who.cookie,
            'x-csrf-token': who.csrf,
            'content-type': 'application/json',
            // By default every attempt carries its own Idempotency-Key, as the web page's sign-up button does.
            ...(WITH_KEYS ? { 'idempotency-key': `${keyPrefix}-${i}` } : {}),
          },
        );
        return { status, ms: Number(process.hrtime.bigint() - t0) / 1e6, at: Number(t0 - started) / 1e6 };
      });
    let started = process.hrtime.bigint();
    if (WARM_UP) {
      await rush(warmUpShiftId, ATTEMPTS, 'yesterday');
      await new Promise((r) => setTimeout(r, 6_000));
    }
    started = process.hrtime.bigint();
    const outcomes = await rush(shiftId, ATTEMPTS, 'bench');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sorted = (from: number, to: number) =>
      outcomes
        .slice(from, to)
        .map((o) => o.ms)
        .sort((x, y) => x - y);
    const latencies = sorted(0, outcomes.length);
    // The first wave arrives before the server knows anything about the shift or its crowd, and waits
    // for the places to be taken one by one; what follows is the rush once the shift is full.
    const firstWave = sorted(0, CONCURRENCY);
    const rest = sorted(CONCURRENCY, outcomes.length);
    return {
      outcomes,
      seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      firstWave: { p50: percentile(firstWave, 50), max: firstWave.at(-1)! },
      rest: { p50: percentile(rest, 50), p99: percentile(rest, 99) },
      communityId,
      shiftId,
    };
  } finally {
    agent.destroy();
    await stopLinli(server.child);
    const check = await openDatabase(pgdb ? { databaseUrl: pgdb.url } : { dataDir: dir });
    const rows = await check.db.execute(
      sql`select count(*)::int as n, count(distinct volunteer_id)::int as people from ${shiftSignups} where status = 'confirmed' and shift_id = ${shiftId}`,
    );
    const [{ n, people }] = (rows as unknown as { rows: { n: number; people: number }[] }).rows as [
      { n: number; people: number },
    ];
    await check.close();
    await pgdb?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(
      `  ${kind}: in the database afterwards ${n} confirmed sign-ups by ${people} people (capacity ${PLACES})`,
    );
  }
}

/** The same transaction as a sign-up's core, straight on the database, as the ceiling. */
async function rawRun(kind: 'pglite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-raw-'));
  const pgdb = kind === 'postgres' ? await createTestPostgresDatabase() : null;
  const database = await openDatabase(pgdb ? { databaseUrl: pgdb.url, poolSize: 10 } : { dataDir: dir });
  await migrateDatabase(database);
  const { communityId, shiftId, crowd } = await prepare(database);
  const started = process.hrtime.bigint();
  await pool(ATTEMPTS, kind === 'postgres' ? 10 : 1, async (i) => {
    await database.db
      .transaction(async (tx) => {
        const took = await takePlace(tx, communityId, shiftId, 'volunteer');
        if (!took) throw new Error('full');
        await tx.insert(shiftSignups).values({
          communityId,
          shiftId,
          role: 'volunteer',
          volunteerId: crowd[i % crowd.length]!.volunteerId,
          status: 'confirmed',
          createdAt: new Date(),
        });
      })
      .catch(() => {});
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await database.close();
  await pgdb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
  return ATTEMPTS / seconds;
}

console.log(
  `sign-up stampede: ${ATTEMPTS} attempts from ${VOLUNTEERS} volunteers for ${PLACES} places, ${CONCURRENCY} in flight, ` +
    (WITH_KEYS ? 'each with an Idempotency-Key' : 'without Idempotency-Keys'),
);
const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
// BENCH_ONLY=postgres (or pglite) runs one of the two, e.g. while profiling.
const only = process.env.BENCH_ONLY;
for (const kind of kinds.filter((k) => !only || k === only)) {
  const http = await httpRun(kind);
  const raw = await rawRun(kind);
  const accepted = http.outcomes.filter((o) => o.status === 201).length;
  const other = http.outcomes.filter((o) => o.status !== 201 && o.status !== 409).length;
  const rate = ATTEMPTS / http.seconds;
  const won = http.outcomes
    .filter((o) => o.status === 201)
    .map((o) => o.ms)
    .sort((x, y) => x - y);
  const firstRefusals = http.outcomes
    .slice(0, CONCURRENCY)
    .filter((o) => o.status === 409)
    .map((o) => o.ms)
    .sort((x, y) => x - y);
  if (process.env.BENCH_DETAIL) {
    // Where the slow answers are: by when the attempt was sent, per quarter second.
    const buckets = new Map<number, number[]>();
    for (const o of http.outcomes) {
      const b = Math.floor(o.at / 250);
      buckets.set(b, [...(buckets.get(b) ?? []), o.ms]);
    }
    const line = [...buckets].map(([b, ms]) => {
      ms.sort((x, y) => x - y);
      return `${b * 250}:${ms.length}/${percentile(ms, 50).toFixed(0)}/${ms.at(-1)!.toFixed(0)}`;
    });
    console.log(`  sent at ms: count/p50/max  ${line.join('  ')}`);
  }
  if (process.env.BENCH_DETAIL)
    console.log(
      `  places taken after (ms): ${won.map((ms) => ms.toFixed(0)).join(' ')}\n  first-wave refusals (ms): ${firstRefusals
        .filter((_, i) => i % 10 === 0)
        .map((ms) => ms.toFixed(0))
        .join(' ')}`,
    );
  console.log(
    `  ${kind}: accepted ${accepted} (must be ${PLACES}), non-409 failures ${other}, ${rate.toFixed(0)} attempts/s, ` +
      `p50 ${http.p50.toFixed(0)} ms, p99 ${http.p99.toFixed(0)} ms ` +
      `(first ${CONCURRENCY}: p50 ${http.firstWave.p50.toFixed(0)} ms, max ${http.firstWave.max.toFixed(0)} ms; ` +
      `after them: p50 ${http.rest.p50.toFixed(0)} ms, p99 ${http.rest.p99.toFixed(0)} ms); raw ceiling ${raw.toFixed(0)} attempts/s; ratio ${((rate / raw) * 100).toFixed(0)}%`,
  );
}
