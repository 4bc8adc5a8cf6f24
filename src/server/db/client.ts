import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { type ListenHandlers, listenOnPostgres, type StopListening } from './notify-listener.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** Both drivers expose the same drizzle pg-core API; code is written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /** Runs raw SQL (used for migrations' advisory lock and tests). */
  exec(sqlText: string): Promise<void>;
  /** Hears every NOTIFY on a channel (committed transactions only) until stopped. */
  listen(channel: string, handlers: ListenHandlers): Promise<StopListening>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** File data dir for PGlite; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data');
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closes (restart, failover, a terminated backend) is dropped from the
  // pool and replaced on next use; without a listener node-postgres would crash the process instead.
  pool.on('error', (err) => {
    if (process.env.LOG_LEVEL !== 'silent') console.warn(`database connection lost: ${err.message}`);
  });
  // Fail fast with a clear message rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    close: () => pool.end(),
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir.startsWith('memory://')) {
    const client = await PGlite.create();
    return wrapPglite(client, () => {});
  }
  const release = acquireDataDirLock(dataDir);
  try {
    const pgDir = path.join(dataDir, 'pglite');
    fs.mkdirSync(pgDir, { recursive: true });
    const client = await PGlite.create(pgDir);
    return wrapPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    // One embedded connection, so no drop to recover from; a stop after close has nothing left to stop.
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, handlers.onPayload);
      return () => (client.closed ? Promise.resolve() : unlisten());
    },
  };
}
