// Seeding the demo compound (6,000 residents) takes most of a browser test file's start. So a run seeds it
// once per set of server settings into a template data dir, and each test file's server starts on a copy.
// The global setup (demo-templates-setup.ts) makes the folder the templates live in and names it in
// LINLI_E2E_TEMPLATES; without it (a screenshot script) every data dir is seeded afresh as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLinli, stopLinli } from '../../src/cli/process-helpers.ts';

export const TEMPLATES_ENV = 'LINLI_E2E_TEMPLATES';
const LOCK_FILE = 'linli.lock';

/**
 * The demo is placed relative to the moment it is seeded (today's parcel shifts that have not started
 * yet, parcels received minutes ago). Its shift times are whole hours and the compound's zone is a whole
 * number of hours from UTC, so a template made within the same UTC hour holds the same demo as a fresh
 * seed would; in a later hour the template is made again.
 */
function templateKey(env: Record<string, string>, now = new Date()) {
  const settings = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  const hash = createHash('sha256').update(settings).digest('hex').slice(0, 12);
  return `demo-${hash}-${now.toISOString().slice(0, 13).replace(/\D/g, '')}`;
}

/** Starts `linli serve` once on an empty data dir so that it migrates and seeds the demo, then stops it. */
async function seedDemo(dataDir: string, env: Record<string, string>) {
  // Seeding the whole demo (every feature's story) takes a while on a loaded 2-core machine.
  const server = await startLinli({ ...env, LINLI_DATA_DIR: dataDir, DATABASE_URL: '' }, 240_000);
  const code = await stopLinli(server.child);
  if (code !== 0)
    throw new Error(`linli did not stop cleanly after seeding (exit ${code}):\n${server.output()}`);
}

/** The template for these settings, made now if this hour has none yet (atomically: one copy wins). */
export async function demoTemplate(root: string, env: Record<string, string>): Promise<string> {
  const dir = path.join(root, templateKey(env));
  if (fs.existsSync(dir)) return dir;
  const building = fs.mkdtempSync(path.join(root, 'building-'));
  try {
    await seedDemo(building, env);
    if (fs.existsSync(path.join(building, LOCK_FILE)))
      throw new Error('the seeding server left its lock file');
    try {
      fs.renameSync(building, dir);
    } catch (err) {
      // Another test file made the same template meanwhile; theirs is as good.
      if (!fs.existsSync(dir)) throw err;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/**
 * A fresh data dir holding the demo seeded with `env` (e.g. LINLI_DEMO_PARCELS=0), ready for `linli serve`,
 * which finds the community there and does not seed again. The caller removes it. Without templates it is
 * seeded here, or with `seedOnStart` left empty for the server's first start to seed.
 */
export async function demoDataDir(
  env: Record<string, string> = {},
  prefix = 'linli-e2e-',
  seedOnStart = false,
): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const root = process.env[TEMPLATES_ENV];
    if (root && fs.existsSync(root)) {
      const template = await demoTemplate(root, env);
      // A server never holds the template, but a lock file must never travel with a copy.
      fs.cpSync(template, dataDir, { recursive: true, filter: (src) => path.basename(src) !== LOCK_FILE });
    } else if (!seedOnStart) {
      await seedDemo(dataDir, env);
    }
    return dataDir;
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
