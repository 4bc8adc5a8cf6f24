#!/usr/bin/env node
// Runs the integration suite on the embedded database, then again on PostgreSQL when DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const runs = [{ name: 'PGlite', env: { LINLI_TEST_DB: 'pglite' } }];
if (process.env.DATABASE_URL) runs.push({ name: 'PostgreSQL', env: { LINLI_TEST_DB: 'postgres' } });
else console.log('DATABASE_URL is not set: the integration suite runs on PGlite only.');

for (const run of runs) {
  console.log(`\n=== integration tests on ${run.name} ===`);
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...run.env },
  });
  if (result.status !== 0) {
    console.error(`integration tests failed on ${run.name}`);
    process.exit(result.status ?? 1);
  }
}
