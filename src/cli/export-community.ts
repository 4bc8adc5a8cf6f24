// `linli export-community ID`: the export itself is server/db/community-export.ts.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { ADMIN_EXPORT_PATH } from '../server/platform/admin-backup.ts';
import { reported } from './backup.ts';
import { askRunningServer, Refusal } from './running-server.ts';

interface Done {
  slug: string;
  tables: number;
  rows: number;
}

const notFound = (id: string) => new Refusal(`there is no community '${id}' (give its id or its slug).`);

/** While Linli serves the embedded database, the server exports (and audits) for us. */
async function exportThroughServer(config: Config, id: string, partial: string, lock: DataDirLockedError) {
  const res = await askRunningServer(config.dataDir, `${ADMIN_EXPORT_PATH}${encodeURIComponent(id)}`, lock);
  if (res.status === 404) throw notFound(id);
  if (!res.ok || !res.body) throw new Error(`the running Linli refused the export: HTTP ${res.status}`);
  const done = JSON.parse(decodeURIComponent(res.headers.get('x-linli-export') ?? '{}')) as Done;
  await pipeline(
    Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
    fs.createWriteStream(partial),
  );
  return done;
}

async function exportDirectly(
  config: Config,
  id: string,
  partial: string,
): Promise<Done | DataDirLockedError> {
  const { openDatabase } = await import('../server/db/client.ts');
  const { exportCommunity } = await import('../server/db/community-export.ts');
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  } catch (err) {
    if (err instanceof DataDirLockedError) return err;
    throw err;
  }
  try {
    const done = await exportCommunity(database.db, id);
    if (!done) throw notFound(id);
    await pipeline(done.stream, fs.createWriteStream(partial));
    return { slug: done.community.slug, tables: done.tables, rows: done.rows };
  } finally {
    await database.close();
  }
}

export async function exportCommunityCommand(args: string[], help: string, config: Config): Promise<number> {
  return reported(async () => {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return void process.stdout.write(`${help}\n`);
    if (positionals.length !== 1) throw new Refusal('give exactly one community id or slug.');
    const id = positionals[0]!;
    if (values.out !== undefined && !values.out.endsWith('.zip'))
      throw new Refusal('--out must name a .zip file.');
    if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION')))
      throw new Refusal(
        `there is no embedded database at ${config.dataDir} (set LINLI_DATA_DIR or DATABASE_URL).`,
      );
    // The name is known only once the community is found: write to a temporary name first.
    const target = values.out ? path.resolve(values.out) : null;
    const partialFile = target ? `${target}.partial` : path.resolve(`.linli-export-${process.pid}.partial`);
    if (!fs.existsSync(path.dirname(partialFile)))
      throw new Refusal(`the folder of ${partialFile} does not exist.`);
    try {
      const direct = await exportDirectly(config, id, partialFile);
      const done =
        direct instanceof DataDirLockedError
          ? await exportThroughServer(config, id, partialFile, direct)
          : direct;
      const out = target ?? path.resolve(`community-${done.slug.replace(/[^\w.-]/g, '_')}.zip`);
      fs.renameSync(partialFile, out);
      process.stdout.write(
        `Exported ${done.rows} rows of ${done.tables} tables of community ${done.slug} to ${out} ` +
          `(${(fs.statSync(out).size / 1e6).toFixed(1)} MB).\n`,
      );
    } finally {
      fs.rmSync(partialFile, { force: true });
    }
  });
}
