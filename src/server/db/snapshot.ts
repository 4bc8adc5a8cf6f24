// A logical snapshot of the whole database: gzip'd JSON lines, each row as PostgreSQL's own
// row_to_json text, passed through unparsed so every value (bytea, jsonb, numeric, timestamps) comes
// back exactly on restore through json_populate_recordset, on PGlite or PostgreSQL alike.
// Everything is read in ONE repeatable-read, read-only transaction: the snapshot is consistent while
// the server keeps writing (on PGlite, whose one connection the transaction holds, writes wait).
//
// Layout, one JSON value a line:
//   {"format":"linli-snapshot","formatVersion":1,"createdAt",…,"migration":{…},"tables":[{"name","columns"}]}
//   ["table","accounts"]      then one line per row of that table: {"id":…,…}
//   …
//   ["end",{"rows":{"accounts":12,…},"sequences":{"audit_log_id_seq":{"lastValue":"40"}}}]
// Rows are objects and marks are arrays, so no column name can pass for a mark. The end line proves
// the file is whole: a snapshot without it is refused.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../paths.ts';
import type { Db } from './client.ts';

export const SNAPSHOT_FORMAT = 'linli-snapshot';
const FETCH_ROWS = 2000;

export interface MigrationMark {
  /** how many migrations were applied */
  count: number;
  /** the journal's time stamp of the last one (drizzle's created_at), and its file's tag */
  when: number;
  tag: string | null;
}

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: 1;
  createdAt: string;
  dbKind: string;
  migration: MigrationMark;
  tables: { name: string; columns: string[] }[];
}

export interface SnapshotEnd {
  rows: Record<string, number>;
  sequences: Record<string, { lastValue: string | null }>;
}

/** Raised for a file that is not a whole snapshot, or one this database cannot take. */
export class SnapshotError extends Error {}

type Executor = Pick<Db, 'execute'>;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tables kept by triggers from others' rows (schema/parcel-tallies.ts): not written to a snapshot or an
 * export, since a restore's inserts rebuild them, and loading them as well would count twice.
 */
export const DERIVED_TABLES: readonly string[] = ['parcel_tallies'];

export async function publicTables(db: Executor): Promise<{ name: string; columns: string[] }[]> {
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return [...tables]
    .map(([name, columns]) => ({ name, columns }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Foreign keys between public tables: the table that refers, and the one it refers to. */
export async function foreignKeyEdges(db: Executor): Promise<{ child: string; parent: string }[]> {
  return rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select c.relname as child, p.relname as parent from pg_constraint con
      join pg_class c on c.oid = con.conrelid join pg_class p on p.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where con.contype = 'f' and n.nspname = 'public'`),
  );
}

/**
 * Tables in an order where each comes after the tables it refers to (ties by name), so a restore can
 * keep its foreign keys in place while it loads; tables in a cycle, if any, come last.
 */
export async function inDependencyOrder<T extends { name: string }>(db: Executor, tables: T[]): Promise<T[]> {
  const edges = await foreignKeyEdges(db);
  const ordered: T[] = [];
  const placed = new Set<string>();
  let left = [...tables];
  while (left.length > 0) {
    const ready = left.filter((t) =>
      edges.every((e) => e.child !== t.name || e.parent === t.name || placed.has(e.parent)),
    );
    const next = ready.length > 0 ? ready : left;
    for (const t of next) {
      ordered.push(t);
      placed.add(t.name);
    }
    left = left.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

function journalTag(when: number): string | null {
  try {
    const journal = JSON.parse(fs.readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8'));
    return journal.entries.find((e: { when: number; tag: string }) => e.when === when)?.tag ?? null;
  } catch {
    return null;
  }
}

/** The migrations applied to this database, as drizzle's migrator recorded them. */
export async function migrationMark(db: Executor): Promise<MigrationMark | null> {
  const exists = rowsOf<{ t: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!exists[0]?.t) return null;
  const [row] = rowsOf<{ n: number; when: string | null }>(
    await db.execute(
      sql`select count(*)::int as n, max(created_at)::text as when from drizzle.__drizzle_migrations`,
    ),
  );
  if (!row || row.n === 0 || row.when === null) return null;
  const when = Number(row.when);
  return { count: row.n, when, tag: journalTag(when) };
}

/**
 * Waits for room in the stream, and fails once it is gone: a reader that goes away mid-backup (the CLI
 * stopped) must end the transaction, which on the embedded database every other query waits behind.
 */
async function writeLine(out: Writable, line: string) {
  if (out.destroyed) throw new Error('the snapshot stream closed before the snapshot was written');
  if (out.write(`${line}\n`)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = () => {
      out.off('drain', settle);
      out.off('close', settle);
      out.off('error', settle);
      if (out.destroyed) reject(new Error('the snapshot stream closed before the snapshot was written'));
      else resolve();
    };
    out.on('drain', settle);
    out.on('close', settle);
    out.on('error', settle);
  });
}

/** Writes a gzip'd snapshot of every public table to sink, and ends it. */
export async function writeSnapshot(db: Db, dbKind: string, sink: Writable): Promise<SnapshotEnd> {
  const gzip = zlib.createGzip({ level: 6 });
  const piped = pipeline(gzip, sink);
  // A sink that fails (the reader went away) fails the pipeline; stop reading then, not after the last table.
  piped.catch(() => {});
  try {
    const end = await db.transaction(async (tx) => {
      await tx.execute(sql.raw('set transaction isolation level repeatable read, read only'));
      const migration = await migrationMark(tx);
      if (!migration) throw new SnapshotError('the database has no migrations applied: nothing to back up.');
      const tables = await inDependencyOrder(
        tx,
        (await publicTables(tx)).filter((t) => !DERIVED_TABLES.includes(t.name)),
      );
      const header: SnapshotHeader = {
        format: SNAPSHOT_FORMAT,
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        dbKind,
        migration,
        tables,
      };
      await writeLine(gzip, JSON.stringify(header));
      const rows: Record<string, number> = {};
      for (const { name } of tables) {
        await writeLine(gzip, JSON.stringify(['table', name]));
        let count = 0;
        await tx.execute(
          sql.raw(
            `declare linli_snapshot no scroll cursor for select row_to_json(t)::text as r from ${quoteIdent(name)} t`,
          ),
        );
        for (;;) {
          const batch = rowsOf<{ r: string }>(
            await tx.execute(sql.raw(`fetch forward ${FETCH_ROWS} from linli_snapshot`)),
          );
          if (batch.length > 0) await writeLine(gzip, batch.map((b) => b.r).join('\n'));
          count += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await tx.execute(sql.raw('close linli_snapshot'));
        rows[name] = count;
      }
      // Read after the rows: a sequence is never behind the rows the snapshot holds.
      const sequences: SnapshotEnd['sequences'] = {};
      const seqs = rowsOf<{ name: string; last: string | null }>(
        await tx.execute(
          sql`select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public' order by 1`,
        ),
      );
      for (const s of seqs) sequences[s.name] = { lastValue: s.last };
      const end: SnapshotEnd = { rows, sequences };
      await writeLine(gzip, JSON.stringify(['end', end]));
      return end;
    });
    gzip.end();
    await piped;
    return end;
  } catch (err) {
    gzip.destroy(err as Error);
    throw err;
  }
}

export interface SnapshotLine {
  kind: 'table' | 'row';
  /** the table a row line belongs to, or the table a table line opens */
  table: string;
  /** the row's JSON text, as written */
  text: string;
}

/** Reads a snapshot file: its header, then each table and row line in order, then its end. */
export async function* readSnapshot(
  file: string,
): AsyncGenerator<{ header: SnapshotHeader } | SnapshotLine | { end: SnapshotEnd }> {
  const input: Readable = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: SnapshotHeader | null = null;
  let table: string | null = null;
  let ended = false;
  try {
    for await (const line of lines) {
      if (ended) throw new SnapshotError('the snapshot has lines after its end.');
      if (!header) {
        header = parseHeader(line);
        yield { header };
      } else if (line.startsWith('["table",')) {
        const name = (JSON.parse(line) as [string, string])[1];
        if (!header.tables.some((t) => t.name === name))
          throw new SnapshotError(`the snapshot holds table ${name} its header does not list.`);
        table = name;
        yield { kind: 'table', table, text: line };
      } else if (line.startsWith('["end",')) {
        ended = true;
        yield { end: (JSON.parse(line) as [string, SnapshotEnd])[1] };
      } else {
        if (!table || !line.startsWith('{'))
          throw new SnapshotError('the snapshot has a line that is not a row.');
        yield { kind: 'row', table, text: line };
      }
    }
  } catch (err) {
    if (err instanceof SnapshotError) throw err;
    throw new SnapshotError(`${file} is not a readable Linli snapshot (${(err as Error).message}).`);
  }
  if (!header) throw new SnapshotError(`${file} is empty.`);
  if (!ended)
    throw new SnapshotError(`${file} is cut short: it has no end line (the backup did not finish).`);
}

function parseHeader(line: string): SnapshotHeader {
  let header: SnapshotHeader;
  try {
    header = JSON.parse(line);
  } catch {
    throw new SnapshotError('the file does not start with a Linli snapshot header.');
  }
  if (header?.format !== SNAPSHOT_FORMAT) throw new SnapshotError('the file is not a Linli snapshot.');
  if (header.formatVersion !== 1)
    throw new SnapshotError(
      `snapshot format version ${header.formatVersion} is newer than this Linli reads.`,
    );
  return header;
}

/** Reads the whole file once, before any write: its header and end, with every table's row count checked. */
export async function checkSnapshot(file: string): Promise<{ header: SnapshotHeader; end: SnapshotEnd }> {
  let header: SnapshotHeader | null = null;
  let end: SnapshotEnd | null = null;
  const counted: Record<string, number> = {};
  for await (const item of readSnapshot(file)) {
    if ('header' in item) header = item.header;
    else if ('end' in item) end = item.end;
    else if (item.kind === 'table') counted[item.table] = 0;
    else counted[item.table] = (counted[item.table] ?? 0) + 1;
  }
  for (const t of header!.tables) {
    if ((counted[t.name] ?? -1) !== end!.rows[t.name])
      throw new SnapshotError(
        `table ${t.name} has ${counted[t.name] ?? 0} rows, its end line says ${end!.rows[t.name]}.`,
      );
  }
  return { header: header!, end: end! };
}
