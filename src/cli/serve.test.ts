import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, testDbKind } from '../server/test-support/test-database.ts';
import { startLinli, stopLinli } from './process-helpers.ts';

describe(`linli serve on ${testDbKind}`, () => {
  const env: NodeJS.ProcessEnv = { LINLI_DEMO_PASSWORD: 'serve-test-pw' };
  let cleanup = async () => {};
  beforeAll(async () => {
    if (testDbKind === 'postgres') {
      const { url, drop } = await createTestPostgresDatabase();
      Object.assign(env, { DATABASE_URL: url, LINLI_SEED_DEMO: '1' });
      cleanup = drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-serve-'));
      Object.assign(env, { DATABASE_URL: '', LINLI_DATA_DIR: dir });
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanup());

  it('migrates, seeds the demo on first start, serves, and stops cleanly on SIGTERM', async () => {
    const server = await startLinli(env);
    let stopped = false;
    try {
      expect(server.output()).toContain('Linli is ready at');
      expect(server.output()).toContain('demo community seeded');
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', db: testDbKind });
      const login = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
        body: JSON.stringify({ username: 'secretary', password: 'serve-test-pw' }),
      });
      expect(login.status).toBe(200);
      expect(await stopLinli(server.child)).toBe(0);
      stopped = true;
    } finally {
      if (!stopped) server.child.kill('SIGKILL');
    }
    // a second start finds everything in place and does not seed again
    const again = await startLinli(env);
    try {
      expect(again.output()).not.toContain('demo community seeded');
    } finally {
      expect(await stopLinli(again.child)).toBe(0);
    }
  }, 180_000);
});
