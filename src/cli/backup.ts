// `linli backup` and `linli restore`: the snapshot format and the transaction are in
// server/db/snapshot.ts and restore.ts; this file finds the database and reports.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { checkSnapshot, SnapshotError } from '../server/db/snapshot.ts';
import { ADMIN_BACKUP_PATH } from '../server/platform/admin-backup.ts';
import { askRunningServer, Refusal } from './running-server.ts';

function options(args: string[], name: 'out' | 'in') {
  const { values, positionals } = parseArgs({
    args,
    options: {
      [name]: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Refusal(`unexpected argument '${positionals[0]}'.`);
  return values as { out?: string; in?: string; force?: boolean; help?: boolean };
}

const embeddedExists = (dataDir: string) => fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
const sum = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

/** The running server takes the snapshot of the embedded database it holds. */
async function backupThroughServer(dataDir: string, partial: string, lock: DataDirLockedError) {
  const res = await askRunningServer(dataDir, ADMIN_BACKUP_PATH, lock);
  if (!res.ok || !res.body) throw new Error(`the running Linli refused the backup: HTTP ${res.status}`);
  await pipeline(
    Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
    fs.createWriteStream(partial),
  );
}

export async function backupCommand(args: string[], help: string, config: Config): Promise<number> {
  return reported(async () => {
    const values = options(args, 'out');
    if (values.help) return void process.stdout.write(`${help}\n`);
    if (!values.out) throw new Refusal('missing --out FILE.');
    if (values.force) throw new Refusal("unknown option '--force' for backup.");
    const out = path.resolve(values.out);
    if (!fs.existsSync(path.dirname(out))) throw new Refusal(`the folder of ${out} does not exist.`);
    // Written beside the target and renamed when whole: a failed backup never leaves a file that looks done.
    const partial = `${out}.partial`;
    const started = Date.now();
    try {
      if (!config.databaseUrl && !embeddedExists(config.dataDir))
        throw new Refusal(
          `there is no embedded database at ${config.dataDir} (set LINLI_DATA_DIR or DATABASE_URL).`,
        );
      const { openDatabase } = await import('../server/db/client.ts');
      const { writeSnapshot } = await import('../server/db/snapshot.ts');
      let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
      try {
        database = await openDatabase({
          databaseUrl: config.databaseUrl,
          dataDir: config.dataDir,
          poolSize: 1,
        });
      } catch (err) {
        if (!(err instanceof DataDirLockedError)) throw err;
        await backupThroughServer(config.dataDir, partial, err);
      }
      if (database) {
        try {
          await writeSnapshot(database.db, database.kind, fs.createWriteStream(partial));
        } finally {
          await database.close();
        }
      }
      const { header, end } = await checkSnapshot(partial);
      fs.renameSync(partial, out);
      process.stdout.write(
        `Backed up ${sum(end.rows)} rows of ${header.tables.length} tables (migration ${header.migration.tag ?? header.migration.count}) ` +
          `to ${out}: ${(fs.statSync(out).size / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    } finally {
      fs.rmSync(partial, { force: true });
    }
  });
}

export async function restoreCommand(args: string[], help: string, config: Config): Promise<number> {
  return reported(async () => {
    const values = options(args, 'in');
    if (values.help) return void process.stdout.write(`${help}\n`);
    if (!values.in) throw new Refusal('missing --in FILE.');
    const file = path.resolve(values.in);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Refusal(`no file ${file}.`);
    const started = Date.now();
    // The whole file is read and checked before the database is opened.
    const { header } = await checkSnapshot(file);
    const { openAndMigrate } = await import('../server/server.ts');
    const { checkTarget, restoreSnapshot } = await import('../server/db/restore.ts');
    const database = await openAndMigrate({ ...config, dbPoolSize: 2 });
    try {
      await checkTarget(database.db, header, values.force === true);
      const written = await restoreSnapshot(database.db, file, header, values.force === true);
      process.stdout.write(
        `Restored ${sum(written)} rows of ${Object.keys(written).length} tables from ${file} ` +
          `(taken ${header.createdAt} on ${header.dbKind}) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    } finally {
      await database.close();
    }
  });
}

export async function reported(run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof Refusal || err instanceof SnapshotError || e.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`linli: ${e.message}\n`);
      return 2;
    }
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`linli: ${e.message}\n`);
      return 2;
    }
    throw err;
  }
}
