import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { packageJsonPath } from './paths.ts';
import { adminBackupRoute, localUrl, newAdminToken, publishAdminFile } from './platform/admin-backup.ts';
import { startBackgroundTasks } from './platform/background.ts';
import { type Clock, systemClock } from './platform/context.ts';
import { resolveSessionSecret } from './platform/sessions.ts';
import { seedGelin } from './seed/seed-gelin.ts';

export const VERSION: string = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')).version;

export async function openAndMigrate(config: Config, keepWarm = false): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    keepWarm,
  });
  try {
    await migrateDatabase(database);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

async function isEmpty(database: Database) {
  const result = await database.db.execute(sql`select exists(select 1 from communities) as any`);
  const rows = (result as unknown as { rows: { any: boolean }[] }).rows;
  return !rows[0]?.any;
}

/** The demo seeds itself on first start on the embedded database (or when LINLI_SEED_DEMO=1). */
function shouldSeedDemo(config: Config) {
  const flag = process.env.LINLI_SEED_DEMO;
  if (flag === '0') return false;
  return flag === '1' || !config.databaseUrl;
}

export async function startServer(config: Config, clock: Clock = systemClock) {
  // Loading the app's modules and opening the database overlap: both take about a second.
  const [database, { buildApp }] = await Promise.all([openAndMigrate(config, true), import('./app.ts')]);
  const logger = { level: config.logLevel };
  let seeded = false;
  if (shouldSeedDemo(config) && (await isEmpty(database))) {
    await seedGelin(database.db, config.demoPassword, new Date(), {
      parcels: process.env.LINLI_DEMO_PARCELS !== '0',
    });
    seeded = true;
  }
  const sessionSecret = await resolveSessionSecret(database.db, config.sessionSecret);
  const deps = {
    db: database.db,
    dbKind: database.kind,
    listen: database.listen,
    config,
    clock,
    version: VERSION,
    sessionSecret,
  };
  const app = await buildApp(deps, { logger, serveWeb: true });
  // Only this process can read the embedded database: it takes `linli backup`'s snapshots (admin-backup.ts).
  const adminToken = database.kind === 'pglite' ? newAdminToken() : null;
  if (adminToken) await app.register(adminBackupRoute(adminToken));
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const withdrawAdminFile = adminToken
    ? publishAdminFile(config.dataDir, localUrl(config.host, port), adminToken)
    : () => {};
  const stopBackground = startBackgroundTasks(deps, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    withdrawAdminFile();
    try {
      await stopBackground();
      await app.close();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { app, database, seeded };
}
