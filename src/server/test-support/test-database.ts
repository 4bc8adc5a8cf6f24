import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

/** Which real database the integration suite runs on: PGlite by default, PostgreSQL when asked. */
export const testDbKind = process.env.LINLI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

function withDatabaseName(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** An empty throwaway database on the PostgreSQL server named by DATABASE_URL. */
export async function createTestPostgresDatabase() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('LINLI_TEST_DB=postgres needs DATABASE_URL');
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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

/** A fresh, migrated database for one test file: in-memory PGlite, or a throwaway PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return database;
  }
  const { url, drop } = await createTestPostgresDatabase();
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
