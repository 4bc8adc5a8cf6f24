import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function query<T>(database: Database, text: string): Promise<T[]> {
  const client = (database.db as unknown as { $client: { query(t: string): Promise<{ rows: T[] }> } })
    .$client;
  return (await client.query(text)).rows;
}

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
        const server = await startLinli(env);
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

const sorted = (xs: Iterable<string>) => [...xs].sort();
const inList = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

/** Checked against the database itself, after the last server stopped. */
async function checkInvariants(database: Database, scene: CrashScene, acks: Acks, gateway: GatewayReceiver) {
  const q = <T>(text: string) => query<T>(database, text);

  // Shifts: every acknowledged sign-up is there and nothing else; no shift over capacity (each full).
  const shiftIds = inList(scene.shifts.map((s) => s.id));
  const signups = await q<{ id: string; shift_id: string; volunteer_id: string; status: string }>(
    `select id, shift_id, volunteer_id, status from shift_signups where shift_id in (${shiftIds})`,
  );
  expect(sorted(signups.map((s) => s.id))).toEqual(sorted(acks.signups.map((s) => s.signupId)));
  expect(signups.every((s) => s.status === 'confirmed')).toBe(true);
  for (const ack of acks.signups)
    expect(signups.find((s) => s.id === ack.signupId)).toMatchObject({
      shift_id: ack.shiftId,
      volunteer_id: ack.volunteerId,
    });
  const roles = await q<{ shift_id: string; capacity: number; taken: number }>(
    `select shift_id, capacity, taken from shift_roles where shift_id in (${shiftIds})`,
  );
  for (const shift of scene.shifts) {
    const taken = signups.filter((s) => s.shift_id === shift.id).length;
    expect(taken, `shift of ${shift.capacity} places`).toBe(shift.capacity);
    expect(roles.find((r) => r.shift_id === shift.id)).toMatchObject({ capacity: shift.capacity, taken });
  }

  // Parcels: each waybill scanned once, whatever was re-sent; each acknowledged one as answered.
  const parcels = await q<{ id: string; waybill: string }>(
    `select id, waybill from parcels where waybill like 'CRASH%'`,
  );
  expect(parcels).toHaveLength(scene.gate.parcels);
  expect(new Set(parcels.map((p) => p.waybill)).size).toBe(scene.gate.parcels);
  for (const ack of acks.parcels)
    expect(parcels.find((p) => p.id === ack.parcelId)?.waybill).toBe(ack.waybill);

  // Testing: every resident swabbed once, into the tube the lane was told; tubes count what they hold.
  const samples = await q<{ id: string; resident_id: string; tube_id: string }>(
    `select id, resident_id, tube_id from testing_samples where round_id = '${scene.testing.round}'`,
  );
  expect(sorted(samples.map((s) => s.id))).toEqual(sorted(acks.samples.map((s) => s.sampleId)));
  expect(new Set(samples.map((s) => s.resident_id)).size).toBe(scene.testing.people.length);
  for (const ack of acks.samples)
    expect(samples.find((s) => s.id === ack.sampleId)).toMatchObject({
      resident_id: ack.residentId,
      tube_id: ack.tubeId,
    });
  const tubes = await q<{ id: string; samples: number; capacity: number }>(
    `select id, samples, capacity from testing_tubes where round_id = '${scene.testing.round}'`,
  );
  expect(sorted(tubes.map((t) => t.id))).toEqual(sorted(acks.tubes));
  for (const tube of tubes) {
    expect(tube.samples).toBe(samples.filter((s) => s.tube_id === tube.id).length);
    expect(tube.samples).toBeLessThanOrEqual(tube.capacity);
  }

  // Group buying: one order per household, each as acknowledged.
  const orders = await q<{ id: string; household_id: string; rice: number }>(
    `select o.id, o.household_id, l.quantity as rice from group_buy_orders o
      join group_buy_order_lines l on l.order_id = o.id and l.item_id = '${scene.groupBuy.rice}'
      where o.group_buy_id = '${scene.groupBuy.id}' and o.status = 'active'`,
  );
  expect(sorted(orders.map((o) => o.id))).toEqual(sorted(acks.orders.map((o) => o.orderId)));
  expect(orders).toHaveLength(scene.groupBuy.buyers.length);
  for (const ack of acks.orders)
    expect(orders.find((o) => o.id === ack.orderId)).toMatchObject({
      household_id: ack.householdId,
      rice: ack.rice,
    });

  // Approvals and their notices: each volunteer approved, told once in the inbox and once by the gateway.
  const approved = await q<{ n: number }>(
    `select count(*)::int as n from volunteers where id in (${inList(scene.pending)}) and status = 'approved'`,
  );
  expect(approved[0]!.n).toBe(scene.pending.length);
  expect(sorted(new Set(acks.approvals))).toEqual(sorted(scene.pending));
  const outbox = await q<{ id: string; channel: string; status: string; account_id: string; kind: string }>(
    `select id, channel, status, account_id, kind from outbox where community_id = '${scene.a}'`,
  );
  expect(outbox.filter((o) => o.status !== 'delivered')).toEqual([]);
  for (const channel of ['inbox', 'webhook']) {
    const rows = outbox.filter((o) => o.channel === channel && o.kind === 'volunteer.approved');
    expect(rows, channel).toHaveLength(scene.pending.length);
    expect(new Set(rows.map((r) => r.account_id)).size).toBe(scene.pending.length);
  }
  const inbox = await q<{ id: string }>(`select id from notifications where community_id = '${scene.a}'`);
  expect(sorted(inbox.map((n) => n.id))).toEqual(
    sorted(outbox.filter((o) => o.channel === 'inbox').map((o) => o.id)),
  );
  // At least once to the gateway, keyed by the outbox row: de-duplicated, exactly the webhook rows.
  expect(sorted(gateway.calls.map((c) => c.idempotencyKey))).toEqual(
    expect.arrayContaining(outbox.filter((o) => o.channel === 'webhook').map((o) => o.id)),
  );
  expect(sorted(gateway.uniqueMessages().map((m) => m.id))).toEqual(
    sorted(outbox.filter((o) => o.channel === 'webhook').map((o) => o.id)),
  );
}
