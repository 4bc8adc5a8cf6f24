import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLinli, startLinli, stopLinli } from './process-helpers.ts';

// The lock protects the embedded database only, so this file runs in the PGlite pass
// of the integration suite (vitest.config.ts leaves it out of the PostgreSQL pass).
describe('the embedded database lock', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-lock-'));
  // An empty DATABASE_URL means the embedded database even when the suite has one set.
  const embedded = { LINLI_DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second process on the same data dir while the first keeps working', async () => {
    const first = await startLinli({ ...embedded, LINLI_SEED_DEMO: '0' });
    try {
      const second = runLinli(['migrate'], embedded);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`embedded database at ${dataDir} is already in use`);
      const secondServer = runLinli(['serve'], { ...embedded, PORT: '0' });
      expect(secondServer.status).toBe(1);
      const health = await fetch(`${first.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });
    } finally {
      expect(await stopLinli(first.child)).toBe(0);
    }
    // after a clean stop the lock is released and the data dir opens again
    const after = runLinli(['migrate'], embedded);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
  });

  it('takes over a lock left behind by a process that died', () => {
    fs.writeFileSync(path.join(dataDir, 'linli.lock'), '999999');
    const res = runLinli(['migrate'], embedded);
    expect(res.status).toBe(0);
  });
});
