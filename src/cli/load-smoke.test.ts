// The short form of `npm run bench:load` that CI runs on each database: the demo compound's mixed day
// (residents reading, volunteers scanning and rushing for shifts, leaders planning) through HTTP at a
// modest rate for a few seconds. No timing is asserted here (the benchmark prints those); what must hold
// under load is that every class is served and nothing answers with a server error or a dropped socket.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWorld, runMix } from '../../bench/load-run.ts';
import { createTestPostgresDatabase, testDbKind } from '../server/test-support/test-database.ts';
import { type RunningLinli, startLinli, stopLinli } from './process-helpers.ts';

describe(`the mixed day under load, short form, on ${testDbKind}`, () => {
  let server: RunningLinli;
  let cleanup = async () => {};

  beforeAll(async () => {
    let env: NodeJS.ProcessEnv;
    if (testDbKind === 'postgres') {
      const { url, drop } = await createTestPostgresDatabase();
      env = { DATABASE_URL: url, LINLI_DB_POOL_SIZE: '10' };
      cleanup = drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-load-smoke-'));
      env = { DATABASE_URL: '', LINLI_DATA_DIR: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    server = await startLinli({ ...env, LINLI_SEED_DEMO: '1', LOG_LEVEL: 'error' }, 240_000);
  }, 300_000);
  afterAll(async () => {
    if (server) await stopLinli(server.child);
    await cleanup();
  });

  it('serves every class of the mix with no server error, timeout or dropped connection', async () => {
    const world = await prepareWorld(server.url, 0.1);
    const figures = await runMix(server.url, world, 80, 4);
    for (const f of figures) {
      expect(f.rps, f.name).toBeGreaterThan(0);
      expect(f.errors, `${f.name}: ${f.codes}`).toBe(0);
    }
    // The only refusals of the mix are the rush for places: a full shift, or a second try for one.
    const refusals = figures.filter((f) => f.refused > 0).map((f) => [f.name, f.codes.replace(/×\d+/g, '')]);
    const unexpected = refusals.filter(
      ([name, codes]) => !(name === 'shift sign-ups' && /^(409 ?)+$/.test(codes!)),
    );
    expect(unexpected).toEqual([]);
  }, 120_000);
});
