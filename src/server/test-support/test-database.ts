import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

/** Which real database the integration suite runs on: PGlite by default, PostgreSQL when asked. */
export const testDbKind = process.env.LINLI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * The suite's global setup (migrated-template-setup.ts) migrates one database per run and names it here,
 * so that each test file starts from a copy instead of creating and migrating its own: a PGlite
 * dumpDataDir tarball, or a PostgreSQL template database. Without them each file migrates its own.
 */
export const PGLITE_DUMP_ENV = 'LINLI_TEST_PGLITE_DUMP';
export const PG_TEMPLATE_ENV = 'LINLI_TEST_PG_TEMPLATE';

function withDatabaseName(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** An empty throwaway database on the PostgreSQL server named by DATABASE_URL (or a copy of `template`). */
export async function createTestPostgresDatabase(template?: string) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('LINLI_TEST_DB=postgres needs DATABASE_URL');
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  return {
    url: withDatabaseName(adminUrl, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

let pgliteDump: Blob | undefined;

/** A fresh, migrated database for one test file: in-memory PGlite, or a throwaway PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  // Starting from the migrated template, migrating again finds nothing to do; it stays as a check.
  if (testDbKind === 'pglite') {
    const dumpPath = process.env[PGLITE_DUMP_ENV];
    if (dumpPath && !pgliteDump) pgliteDump = new Blob([fs.readFileSync(dumpPath)]);
    const database = await openDatabase({ dataDir: 'memory://', pgliteDump });
    await migrateDatabase(database);
    return database;
  }
  const { url, drop } = await createTestPostgresDatabase(process.env[PG_TEMPLATE_ENV]);
  const database = await openDatabase({ databaseUrl: url, poolSize: 20 });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
