// Startup benchmark: how long Linli takes to answer /api/health on the embedded database,
// first on a fresh data dir (migrate + seed the demo) and then on a later start, beside
// the anchor measured in the same run: creating an empty PGlite data dir, the floor of any first start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { startLinli, stopLinli } from '../src/cli/process-helpers.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timeStart(dataDir: string) {
  const started = Date.now();
  const server = await startLinli({ LINLI_DATA_DIR: dataDir, DATABASE_URL: '' });
  const elapsed = Date.now() - started;
  await stopLinli(server.child);
  return elapsed;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-startup-'));
  try {
    let started = Date.now();
    const anchor = await PGlite.create(path.join(root, 'anchor'));
    await anchor.close();
    const anchorMs = Date.now() - started;

    const dataDir = path.join(root, 'data');
    const firstMs = await timeStart(dataDir);
    const laterMs = await timeStart(dataDir);
    started = Date.now();

    console.log(
      'startup on the embedded database (2,194 households, 6,000+ residents seeded on first start)',
    );
    console.log(`  anchor: empty PGlite data dir created in   ${seconds(anchorMs)}`);
    console.log(`  first start (create, migrate, seed, serve) ${seconds(firstMs)}   target < 30 s`);
    console.log(`  later start (open, migrate check, serve)   ${seconds(laterMs)}   target < 5 s`);
    console.log(`  first start / anchor: ${(firstMs / anchorMs).toFixed(1)}×`);
    if (firstMs > 30_000 || laterMs > 5_000) process.exitCode = 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
