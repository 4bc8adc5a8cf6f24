import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { seedTwoCommunities } from '../../test-support/fixtures.ts';
import { call, createTestApp, signIn } from '../../test-support/test-app.ts';
import { openTestDatabase, testDbKind } from '../../test-support/test-database.ts';

describe('a session after a server restart', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restart-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // On PGlite the restart closes and reopens the data dir; on PostgreSQL it is a new pool.
  const reopen = async (previous?: Database): Promise<Database> => {
    if (testDbKind === 'pglite') {
      const database = await openDatabase({ dataDir: dir });
      await migrateDatabase(database);
      return database;
    }
    return previous ?? openTestDatabase();
  };

  it('is still valid, and a revoked one is still rejected', async () => {
    const firstDb = await reopen();
    const first = await createTestApp({}, firstDb);
    await seedTwoCommunities(first.deps.db);
    const kept = await signIn(first.app, 'coordinator');
    const revoked = await signIn(first.app, 'staff');
    await call(first.app, revoked, 'DELETE', '/api/session');
    await first.app.close();
    if (testDbKind === 'pglite') await firstDb.close();

    const secondDb = await reopen(firstDb);
    const second = await createTestApp({}, secondDb);
    try {
      const me = await call(second.app, kept, 'GET', '/api/session');
      expect(me.json().session.account.username).toBe('coordinator');
      expect((await call(second.app, revoked, 'GET', '/api/communities')).statusCode).toBe(401);
    } finally {
      await second.app.close();
      await secondDb.close();
    }
  });
});
