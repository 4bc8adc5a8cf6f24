import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { readSnapshot } from '../server/db/snapshot.ts';
import { tableHashes } from '../server/test-support/content-hash.ts';
import { PASSWORD, seedTwoCommunities } from '../server/test-support/fixtures.ts';
import {
  createTestPostgresDatabase,
  PG_TEMPLATE_ENV,
  PGLITE_DUMP_ENV,
  testDbKind,
} from '../server/test-support/test-database.ts';
import { runLinliAsync, signInOverHttp, startLinli, stopLinli } from './process-helpers.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-test-'));

/**
 * A new, empty database of the kind under test, already migrated (a copy of the suite's migrated
 * template: migrating each anew would cost more than the test), and the environment a linli process
 * needs to reach it.
 */
async function newDatabase(name: string) {
  if (testDbKind === 'postgres') {
    const { url, drop } = await createTestPostgresDatabase(process.env[PG_TEMPLATE_ENV]);
    return { env: { DATABASE_URL: url } as NodeJS.ProcessEnv, drop };
  }
  const dir = path.join(work, name);
  const dump = process.env[PGLITE_DUMP_ENV];
  if (dump) {
    fs.mkdirSync(path.join(dir, 'pglite'), { recursive: true });
    const client = await PGlite.create(path.join(dir, 'pglite'), {
      loadDataDir: new Blob([fs.readFileSync(dump)]),
    });
    await client.close();
  }
  return { env: { DATABASE_URL: '', LINLI_DATA_DIR: dir } as NodeJS.ProcessEnv, drop: async () => {} };
}
const open = (env: NodeJS.ProcessEnv) =>
  openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.LINLI_DATA_DIR! });

async function withDb<T>(
  env: NodeJS.ProcessEnv,
  read: (db: Awaited<ReturnType<typeof open>>['db']) => Promise<T>,
) {
  const database = await open(env);
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

/** The test's groups, and the groups audited as created, that a snapshot file holds. */
async function groupsAndAudits(file: string) {
  const groups: string[] = [];
  const audited: string[] = [];
  for await (const item of readSnapshot(file)) {
    if (!('kind' in item) || item.kind !== 'row') continue;
    const row = JSON.parse(item.text);
    if (item.table === 'volunteer_groups' && String(row.name).startsWith('backup-test-')) groups.push(row.id);
    if (item.table === 'audit_log' && row.action === 'group.create') audited.push(row.target_id);
  }
  return { groups: groups.sort(), audited: audited.sort() };
}

// Each step starts a linli process (a second or two each, and a server): slower than the suite's default.
describe(`linli backup and restore, on ${testDbKind}`, { timeout: 240_000 }, () => {
  let source: Awaited<ReturnType<typeof newDatabase>>;
  let target: Awaited<ReturnType<typeof newDatabase>>;
  let a: string;
  let b: string;
  let servingSnapshot: { file: string; groups: string[] };
  const linli = (args: string[], env: NodeJS.ProcessEnv) =>
    runLinliAsync(args, { LOG_LEVEL: 'warn', LINLI_SEED_DEMO: '0', ...env });

  beforeAll(async () => {
    [source, target] = await Promise.all([newDatabase('source'), newDatabase('target')]);
    const database = await open(source.env);
    try {
      await migrateDatabase(database);
      ({ a, b } = await seedTwoCommunities(database.db));
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await Promise.all([source?.drop(), target?.drop()]);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('backs up while the server serves and writes; the snapshot restores whole and consistent', async () => {
    const server = await startLinli({
      ...source.env,
      LINLI_SEED_DEMO: '0',
      SESSION_SECRET: 'backup-test-secret',
    });
    const snapshot = path.join(work, 'serving.snapshot.gz');
    let acknowledged = 0;
    let duringBackup = 0;
    let backupRunning = false;
    let writing = true;
    try {
      const coordinator = await signInOverHttp(server.url, 'coordinator', PASSWORD);
      // Each write is a group and its audit entry in one transaction; a snapshot that read the tables
      // at different moments would hold one without the other.
      const writer = (async () => {
        for (let i = 0; writing && i < 500; i++) {
          const res = await coordinator('POST', `/api/communities/${a}/groups`, { name: `backup-test-${i}` });
          expect(res.status).toBe(201);
          acknowledged++;
          if (backupRunning) duringBackup++;
        }
      })();
      await expect.poll(() => acknowledged, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(3);
      backupRunning = true;
      // While serving, the export goes through the server on the embedded database too; both at once
      // (the server takes them one after the other).
      const [backup, exported] = await Promise.all([
        linli(['backup', '--out', snapshot], source.env),
        linli(['export-community', 'community-a', '--out', path.join(work, 'a.zip')], source.env),
      ]);
      backupRunning = false;
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/Backed up \d+ rows of \d+ tables/);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);
      // The route that took the embedded snapshot answers no one without the server's token, and the
      // API document does not list it.
      for (const authorization of ['', 'Bearer not-the-token'])
        expect((await fetch(`${server.url}/api/admin/backup`, { headers: { authorization } })).status).toBe(
          testDbKind === 'pglite' ? 403 : 404,
        );
      const spec = await (await fetch(`${server.url}/api/openapi.json`)).json();
      expect(Object.keys(spec.paths).filter((p) => p.startsWith('/api/admin'))).toEqual([]);
      writing = false;
      await writer;
    } finally {
      writing = false;
      expect(await stopLinli(server.child)).toBe(0);
    }
    expect(duringBackup).toBeGreaterThan(0);

    // One transaction: every group the snapshot holds has its audit entry, and no entry is without its group.
    const snapshotted = await groupsAndAudits(snapshot);
    expect(snapshotted.groups.length).toBeGreaterThanOrEqual(3);
    expect(snapshotted.groups.length).toBeLessThanOrEqual(acknowledged);
    expect(snapshotted.audited).toEqual(snapshotted.groups);
    servingSnapshot = { file: snapshot, groups: snapshotted.groups };
  });

  it('restores into a new database the same content in every table', async () => {
    const snapshot = path.join(work, 'at-rest.snapshot.gz');
    const backup = await linli(['backup', '--out', snapshot], source.env);
    expect(backup.status).toBe(0);
    const restore = await linli(['restore', '--in', snapshot], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const [before, after] = [await withDb(source.env, tableHashes), await withDb(target.env, tableHashes)];
    expect(Object.keys(before).length).toBeGreaterThan(50);
    expect(after).toEqual(before);
    // The sequences went along: the next audit entry of the restored database takes a new number.
    await withDb(target.env, async (db) => {
      const [row] = rowsOf<{ next: string; max: string }>(
        await db.execute(
          sql`select nextval('audit_log_id_seq')::text as next, (select max(id) from audit_log)::text as max`,
        ),
      );
      expect(BigInt(row!.next)).toBeGreaterThan(BigInt(row!.max));
    });
  });

  it('exports one community: its rows, its members without password hashes, nothing of another', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(work, 'a.zip')));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.community).toMatchObject({ id: a, slug: 'community-a' });
    expect(manifest.omittedColumns).toContain('accounts.password_hash');
    const table = async (name: string) => JSON.parse(await zip.file(`tables/${name}.json`)!.async('string'));
    const usernames = (await table('accounts')).map((r: { username: string }) => r.username);
    expect(usernames).toContain('coordinator');
    expect(usernames).not.toContain('b-coordinator');
    expect(usernames).not.toContain('outsider');
    expect((await table('communities')).map((r: { id: string }) => r.id)).toEqual([a]);
    expect((await table('volunteer_groups')).length).toBeGreaterThan(3);
    for (const file of Object.keys(zip.files).filter((f) => f.startsWith('tables/') && f.endsWith('.json'))) {
      const text = await zip.file(file)!.async('string');
      expect(text, file).not.toContain(b);
      expect(text, file).not.toContain('password_hash');
      expect(text, file).not.toContain('$argon2');
      for (const row of JSON.parse(text)) if ('community_id' in row) expect(row.community_id, file).toBe(a);
    }
    expect(zip.file('sessions.json')).toBeNull();
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file(manifest.workbook)!.async('nodebuffer')) as never);
    const accounts = book.getWorksheet('accounts')!;
    expect(accounts.rowCount).toBe(usernames.length + 1);
    expect((accounts.getRow(1).values as string[]).includes('password_hash')).toBe(false);
    // The hand-over is in the community's audit log.
    const exports = await withDb(source.env, async (db) =>
      rowsOf(
        await db.execute(
          sql`select 1 from audit_log where community_id = ${a} and action = 'community.export'`,
        ),
      ),
    );
    expect(exports).toHaveLength(1);
  });

  it('refuses bad arguments and bad files with a clear message and exit code 2', async () => {
    const garbage = path.join(work, 'garbage.gz');
    fs.writeFileSync(garbage, 'not a snapshot');
    const cut = path.join(work, 'cut.snapshot.gz');
    const whole = fs.readFileSync(path.join(work, 'at-rest.snapshot.gz'));
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    // Each case runs on its own database, or none: two processes cannot share one embedded database.
    const cases: [string[], RegExp, NodeJS.ProcessEnv][] = [
      [['backup'], /missing --out FILE/, {}],
      [['restore', '--in', garbage], /not a readable Linli snapshot/, {}],
      [['restore', '--in', cut], /cut short|not a readable Linli snapshot/, {}],
      [['export-community'], /exactly one community/, {}],
      [['restore', '--in', servingSnapshot.file], /the database is not empty.*--force/, target.env],
      [
        ['export-community', 'no-such-community', '--out', path.join(work, 'x.zip')],
        /no community 'no-such-community'/,
        source.env,
      ],
    ];
    const results = await Promise.all(cases.map(([args, , env]) => linli(args, { ...source.env, ...env })));
    results.forEach((result, i) => {
      const [args, message] = cases[i]!;
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.status, args.join(' ')).toBe(2);
    });
    expect(fs.existsSync(path.join(work, 'x.zip'))).toBe(false);
  });

  it('replaces everything a database holds with --force', async () => {
    const restore = await linli(['restore', '--in', servingSnapshot.file, '--force'], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const restored = await withDb(target.env, async (db) =>
      rowsOf<{ id: string }>(
        await db.execute(
          sql`select id::text from volunteer_groups where name like 'backup-test-%' order by 1`,
        ),
      ).map((r) => r.id),
    );
    expect(restored).toEqual(servingSnapshot.groups);
  });
});
