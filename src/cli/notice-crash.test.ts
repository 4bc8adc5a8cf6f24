import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { accounts, noticeGateways, volunteers } from '../server/db/schema/index.ts';
import { PASSWORD, seedTwoCommunities } from '../server/test-support/fixtures.ts';
import { type GatewayReceiver, startGatewayReceiver } from '../server/test-support/gateway-receiver.ts';
import { createTestPostgresDatabase, testDbKind } from '../server/test-support/test-database.ts';
import { signInOverHttp, startLinli, stopLinli } from './process-helpers.ts';

const SECRET = 'crash-test-gateway-secret';

const signedIn = (baseUrl: string, username: string) => signInOverHttp(baseUrl, username, PASSWORD);

describe(`a notice outlives a server killed between the change and the delivery, on ${testDbKind}`, () => {
  const env: NodeJS.ProcessEnv = { LINLI_SEED_DEMO: '0', SESSION_SECRET: 'crash-test-session-secret' };
  let cleanup = async () => {};
  let gateway: GatewayReceiver;
  let a: string;
  let ids: Record<string, string>;
  let pendingVolunteer: string;

  beforeAll(async () => {
    gateway = await startGatewayReceiver();
    if (testDbKind === 'postgres') {
      const { url, drop } = await createTestPostgresDatabase();
      Object.assign(env, { DATABASE_URL: url });
      cleanup = drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-notice-crash-'));
      Object.assign(env, { DATABASE_URL: '', LINLI_DATA_DIR: dir });
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    // The community, a volunteer waiting for approval, and the gateway, written before any server runs.
    const database = await openDatabase(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.LINLI_DATA_DIR! },
    );
    try {
      await migrateDatabase(database);
      ({ a, ids } = await seedTwoCommunities(database.db));
      await database.db.update(accounts).set({ mobile: '13900005678' }).where(eq(accounts.id, ids.resident!));
      const [row] = await database.db
        .insert(volunteers)
        .values({ communityId: a, accountId: ids.resident!, status: 'pending' })
        .returning();
      pendingVolunteer = row!.id;
      await database.db
        .insert(noticeGateways)
        .values({ communityId: a, url: gateway.url, secret: SECRET, enabled: true, updatedAt: new Date() });
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await gateway?.close();
    await cleanup();
  });

  it('delivers to the inbox and the gateway after a restart, once per notice', async () => {
    // A worker that would not look for an hour: the kill surely comes before any delivery.
    const first = await startLinli({ ...env, LINLI_NOTICE_INTERVAL_MS: '3600000' });
    try {
      const coordinator = await signedIn(first.url, 'coordinator');
      const approved = await coordinator('POST', `/api/communities/${a}/volunteers/decisions`, {
        volunteerIds: [pendingVolunteer],
        decision: 'approve',
        groupIds: [],
      });
      expect(approved.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;
    }
    expect(gateway.calls).toHaveLength(0);

    const second = await startLinli(env);
    try {
      await expect.poll(() => gateway.uniqueMessages().length, { timeout: 30_000, interval: 200 }).toBe(1);
      const [message] = gateway.uniqueMessages();
      expect(message).toMatchObject({
        communityId: a,
        accountId: ids.resident,
        kind: 'volunteer.approved',
        mobile: '13900005678',
        title: { 'zh-CN': '志愿者报名已通过' },
      });
      for (const c of gateway.calls) {
        expect(c.idempotencyKey).toBe(message!.id);
        expect(gateway.signedWith(SECRET, c)).toBe(true);
      }
      const resident = await signedIn(second.url, 'resident');
      await expect
        .poll(
          async () =>
            (await (await resident('GET', `/api/communities/${a}/notifications`)).json()).items.map(
              (n: { kind: string }) => n.kind,
            ),
          { timeout: 15_000, interval: 200 },
        )
        .toEqual(['volunteer.approved']);
    } finally {
      expect(await stopLinli(second.child)).toBe(0);
    }
    // Nothing more arrives afterwards: the notice was delivered, not left to go again.
    expect(gateway.uniqueMessages()).toHaveLength(1);
  });
});
