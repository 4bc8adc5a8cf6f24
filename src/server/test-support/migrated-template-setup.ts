// Vitest global setup of the integration suite: migrates one database per run, which each test file's
// openTestDatabase copies (test-database.ts): on PGlite a dumpDataDir tarball in a temporary folder, on
// PostgreSQL a template database for CREATE DATABASE … TEMPLATE. Both go when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createTestPostgresDatabase, PG_TEMPLATE_ENV, PGLITE_DUMP_ENV, testDbKind } from './test-database.ts';

export default async function setup() {
  if (testDbKind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-pglite-'));
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(database);
      const client = (database.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir('none');
      const file = path.join(dir, 'migrated.tar');
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
      process.env[PGLITE_DUMP_ENV] = file;
    } finally {
      await database.close();
    }
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const template = await createTestPostgresDatabase();
  const database = await openDatabase({ databaseUrl: template.url, poolSize: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    // A template database takes no copies while anyone is connected to it.
    await database.close();
  }
  process.env[PG_TEMPLATE_ENV] = new URL(template.url).pathname.slice(1);
  return () => template.drop();
}
