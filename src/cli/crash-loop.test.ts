import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { type GatewayReceiver, startGatewayReceiver } from '../server/test-support/gateway-receiver.ts';
import {
  createTestPostgresDatabase,
  PG_TEMPLATE_ENV,
  PGLITE_DUMP_ENV,
  testDbKind,
} from '../server/test-support/test-database.ts';
import { checkInvariants, query } from './crash-loop.checks.ts';
import { type Acks, buildStreams, newAcks, prng, runStream } from './crash-loop.load.ts';
import { type CrashScene, SCENE_SESSION_SECRET, sceneSize, seedCrashScene } from './crash-loop.scene.ts';
import { startLinli, stopLinli } from './process-helpers.ts';

/**
 * The crash loop: a stampede of sign-ups, parcel scans, swabs, group-buy orders and approvals
 * against a real `linli serve`, killed with SIGKILL at random moments and started again on the same
 * database. CI runs the short form (3 kills); `npm run test:crash` sets CRASH_KILLS for the full one.
 * CRASH_SEED replays a run: the seed picks the order of the requests and the moments of the kills.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WORKERS = 6;
/** Inside the project, so that the bundle finds its packages and the project's files as dist/server's does. */
const bundle = path.join(import.meta.dirname, `../../dist/crash-loop-${process.pid}/main.js`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`the server killed at random moments under a stampede loses nothing it acknowledged, on ${testDbKind}`, () => {
  const env: NodeJS.ProcessEnv = {
    LINLI_SEED_DEMO: '0',
    SESSION_SECRET: SCENE_SESSION_SECRET,
    LINLI_NOTICE_INTERVAL_MS: '200',
  };
  const open = () =>
    openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.LINLI_DATA_DIR! });
  const withDatabase = async <T>(use: (database: Database) => Promise<T>) => {
    const database = await open();
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  };
  let cleanup = async () => {};
  let gateway: GatewayReceiver;
  let scene: CrashScene;

  beforeAll(async () => {
    // Thirteen starts of the server from its sources through tsx would take minutes on a busy machine:
    // the bundle `npm start` runs, built once here, starts in a fraction of the time.
    await build({
      entryPoints: [path.join(import.meta.dirname, 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    gateway = await startGatewayReceiver();
    if (testDbKind === 'postgres') {
      const { url, drop } = await createTestPostgresDatabase(process.env[PG_TEMPLATE_ENV]);
      Object.assign(env, { DATABASE_URL: url });
      cleanup = drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-crash-loop-'));
      Object.assign(env, { DATABASE_URL: '', LINLI_DATA_DIR: dir });
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
      // The suite's migrated database, unpacked into the data dir: migrating a file database anew takes long.
      const dump = process.env[PGLITE_DUMP_ENV];
      if (dump) {
        const loadDataDir = new Blob([fs.readFileSync(dump)]);
        await (await PGlite.create(path.join(dir, 'pglite'), { loadDataDir })).close();
      }
    }
    const t0 = Date.now();
    const database = await open();
    try {
      await migrateDatabase(database);
      scene = await seedCrashScene(database, sceneSize(KILLS >= 10 ? 1.5 : 0.5), gateway.url);
    } finally {
      await database.close();
    }
    console.info(`database migrated and seeded in ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    await gateway?.close();
    await cleanup();
  });

  it(
    `acknowledged writes survive ${KILLS} kills, nothing lands twice, every notice arrives once`,
    async () => {
      console.info(`crash loop on ${testDbKind}: ${KILLS} kills, CRASH_SEED=${SEED}`);
      const random = prng(SEED);
      const acks = newAcks();
      const { streams, total } = buildStreams(scene, random, acks, WORKERS);
      // Each kill comes after a random number of answers (and a few random milliseconds more, so that
      // it may cut a request half-way): random moments in the stampede however slow the machine is.
      const span = Math.max(5, Math.floor((1.5 * total) / (KILLS + 1)));
      const started = Date.now();
      const startTimes: number[] = [];
      // "Opens cleanly": a start that fails (a held lock, a database that will not open) throws here.
      const start = async () => {
        const t = Date.now();
        const server = await startLinli(env, 90_000, bundle);
        startTimes.push(Date.now() - t);
        return server;
      };
      for (let kill = 0; kill < KILLS; kill++) {
        const server = await start();
        const running = Promise.all(streams.map((s) => runStream(server.url, s, acks)));
        const target = acks.answers + 1 + Math.floor(random() * span);
        const deadline = Date.now() + 30_000;
        while (acks.answers < target && Date.now() < deadline) await sleep(2);
        await sleep(Math.floor(random() * 30));
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGKILL');
        await exited;
        // The dead server's lock is still there: the next start must take it over, not refuse.
        if (env.LINLI_DATA_DIR) expect(fs.existsSync(path.join(env.LINLI_DATA_DIR, 'linli.lock'))).toBe(true);
        await running;
        console.info(
          `kill ${kill + 1}/${KILLS} at ${Date.now() - started} ms after ${acks.answers} of ~${total} answers (${acknowledged(acks)} 2xx)`,
        );
      }
      // A server killed mid-delivery leaves its notices claimed until the claim runs out (70 s): what
      // happens after a real crash. The test moves that minute on instead of waiting it out.
      const overdue = await withDatabase((database) =>
        query<{ id: string; channel: string }>(
          database,
          `update outbox set next_attempt_at = now() where status = 'pending' returning id, channel`,
        ),
      );
      // The last server sends what is left, delivers the notices and stops as a service manager would.
      const server = await start();
      const callsBefore = gateway.calls.length;
      await Promise.all(streams.map((s) => runStream(server.url, s, acks)));
      const resent = overdue.filter((o) => o.channel === 'webhook').map((o) => o.id);
      const inboxes = scene.pendingPeople.map(
        (p) => () =>
          fetch(`${server.url}/api/communities/${scene.a}/notifications`, {
            headers: { cookie: p.session.cookie },
          })
            .then((r) => r.json())
            .then((body: { items: { kind: string }[] }) =>
              body.items.some((n) => n.kind === 'volunteer.approved'),
            ),
      );
      await expect
        .poll(
          async () => {
            const sentAgain = new Set(gateway.calls.slice(callsBefore).map((c) => c.idempotencyKey));
            return (
              gateway.uniqueMessages().length >= scene.pending.length &&
              resent.every((id) => sentAgain.has(id)) &&
              (await Promise.all(inboxes.map((told) => told()))).every(Boolean)
            );
          },
          { timeout: 60_000, interval: 300 },
        )
        .toBe(true);
      expect(await stopLinli(server.child)).toBe(0);
      console.info(
        `crash loop on ${testDbKind}: ${startTimes.length} starts (${startTimes.join(', ')} ms), ${acknowledged(acks)} answers 2xx in ${Date.now() - started} ms, ` +
          `${overdue.length} claims moved on, gateway calls ${gateway.calls.length} for ${gateway.uniqueMessages().length} notices; refusals ${refusalSummary(acks)}`,
      );

      expect(acks.surprises).toEqual([]);
      // The only refusals: a full shift, and a waybill re-sent after its answer was cut off (it has no
      // request key: the waybill is its own, and the parcel is there once).
      const allowed: Record<string, string[]> = {
        signUpForShift: ['SHIFT_FULL'],
        receiveParcels: ['DUPLICATE_WAYBILL'],
      };
      for (const [op, codes] of acks.refusals)
        expect(allowed[op] ?? [], op).toEqual(expect.arrayContaining([...codes.keys()]));
      await withDatabase((database) => checkInvariants(database, scene, acks, gateway));
    },
    180_000 + KILLS * 60_000,
  );
});

const acknowledged = (acks: Acks) =>
  acks.signups.length +
  acks.parcels.length +
  acks.tubes.size +
  acks.samples.length +
  acks.orders.length +
  acks.approvals.length;

const refusalSummary = (acks: Acks) =>
  JSON.stringify(
    Object.fromEntries([...acks.refusals].map(([op, codes]) => [op, Object.fromEntries(codes)])),
  );
