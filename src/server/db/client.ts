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
import { nameStatementsOn } from './statement-names.ts';

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
  /** A `memory://` database starts from this PGlite dumpDataDir tarball instead of empty (tests). */
  pgliteDump?: Blob;
  poolSize?: number;
  /**
   * Keep the whole pool connected from the start (a serving process): when a shift's window opens and
   * hundreds of sign-ups arrive in the same second, none of them waits for a new connection.
   */
  keepWarm?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.keepWarm);
  return openPglite(options.dataDir ?? './data', options.pgliteDump);
}

async function openPostgres(url: string, max: number, keepWarm = false): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, min: keepWarm ? max : 0 });
  nameStatementsOn(pool);
  // An idle connection the server closes (restart, failover, a terminated backend) is dropped from the
  // pool and replaced on next use; without a listener node-postgres would crash the process instead.
  pool.on('error', (err) => {
    if (process.env.LOG_LEVEL !== 'silent') console.warn(`database connection lost: ${err.message}`);
  });
  // Fail fast with a clear message rather than on the first request.
  const clients = await Promise.all(Array.from({ length: keepWarm ? max : 1 }, () => pool.connect()));
  for (const client of clients) client.release();
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

async function openPglite(dataDir: string, dump?: Blob): Promise<Database> {
  if (dataDir.startsWith('memory://')) {
    const client = await PGlite.create(dump ? { loadDataDir: dump } : undefined);
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

/**
 * PGlite runs in this thread: each statement is synchronous work ending in a resolved promise, so a
 * queue of waiting statements runs as one unbroken chain of microtasks, and while it lasts Node never
 * gets back to its event loop to accept a connection or read a request. In a stampede a request could
 * sit unread for many seconds behind the others. So every query, exec and transaction takes its turn
 * here, in order of arrival, and each turn starts after a pass of the event loop (setImmediate).
 */
const nextLoopPass = () => new Promise<void>((resolve) => setImmediate(resolve));

function inArrivalOrder(client: PGlite): PGlite {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const turn = tail.then(nextLoopPass).then(() => run(...args));
      tail = turn.catch(() => {});
      return turn;
    };
  const ordered = {
    query: inTurn(client.query.bind(client)),
    exec: inTurn(client.exec.bind(client)),
    transaction: inTurn(client.transaction.bind(client)),
  };
  return new Proxy(client, {
    get(target, property) {
      if (property in ordered) return ordered[property as keyof typeof ordered];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(inArrivalOrder(client), { schema }) as unknown as Db;
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

/**
 * A fixed statement sent straight to the driver, past the query builder: for the few statements a
 * stampede runs for every request, where building the SQL would cost more than running it.
 * Only outside a transaction (it uses the database's own client).
 */
export async function fixedStatement<T>(db: Db, text: string, params: readonly unknown[]): Promise<T[]> {
  const client = (
    db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: T[] }> } }
  ).$client;
  return (await client.query(text, [...params])).rows;
}
