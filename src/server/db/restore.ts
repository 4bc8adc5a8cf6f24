// Restores a snapshot (snapshot.ts) into a migrated database, all rows in one transaction: the
// database holds either the whole snapshot or what it held before.
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import {
  migrationMark,
  publicTables,
  quoteIdent,
  readSnapshot,
  type SnapshotEnd,
  SnapshotError,
  type SnapshotHeader,
} from './snapshot.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// A batch is sent as one JSON array parameter; this keeps a statement's parameter to a few MB.
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

/** Refuses, before any write, a snapshot of another schema version or a database that holds data. */
export async function checkTarget(db: Db, header: SnapshotHeader, force: boolean): Promise<void> {
  const mark = await migrationMark(db);
  const theirs = header.migration;
  if (!mark || mark.when !== theirs.when || mark.count !== theirs.count) {
    throw new SnapshotError(
      `the snapshot was taken at migration ${theirs.count} (${theirs.tag ?? theirs.when}), this Linli is at ` +
        `${mark ? `${mark.count} (${mark.tag ?? mark.when})` : 'none'}. Restore it with the Linli version that ` +
        'took it, then upgrade that one.',
    );
  }
  const ours = new Map((await publicTables(db)).map((t) => [t.name, t.columns.join(',')]));
  for (const t of header.tables) {
    if (ours.get(t.name) !== t.columns.join(','))
      throw new SnapshotError(`table ${t.name} of the snapshot does not match this database's.`);
  }
  if (force) return;
  // One statement for all tables: on the embedded database each statement waits its turn.
  const filled = rowsOf<{ name: string }>(
    await db.execute(
      sql.raw(
        [...ours.keys()]
          .map(
            (name) =>
              `select '${name.replaceAll("'", "''")}' as name where exists(select 1 from ${quoteIdent(name)})`,
          )
          .join(' union all '),
      ),
    ),
  ).map((r) => r.name);
  if (filled.length > 0) {
    throw new SnapshotError(
      `the database is not empty (rows in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). ` +
        'Restore into a new, empty database, or pass --force to replace everything it holds.',
    );
  }
}

async function foreignKeys(tx: Tx) {
  return rowsOf<{ tbl: string; parent: string; name: string; def: string }>(
    await tx.execute(sql`
      select c.relname as tbl, p.relname as parent, con.conname as name, pg_get_constraintdef(con.oid) as def
      from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class p on p.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where con.contype = 'f' and n.nspname = 'public' order by 1, 3`),
  );
}

async function insertBatch(tx: Tx, table: string, rows: string[]) {
  if (rows.length === 0) return;
  const t = quoteIdent(table);
  await tx.execute(
    sql`insert into ${sql.raw(t)} select * from json_populate_recordset(null::${sql.raw(t)}, ${`[${rows.join(',')}]`}::json)`,
  );
}

/** Sequences go back to where the snapshot had them, and never behind a key the rows hold. */
async function resetSequences(tx: Tx, end: SnapshotEnd) {
  const owned = rowsOf<{ seq: string; tbl: string; col: string }>(
    await tx.execute(sql`
      select s.relname as seq, t.relname as tbl, a.attname as col
      from pg_class s join pg_namespace n on n.oid = s.relnamespace
      join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
        and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S' and n.nspname = 'public'`),
  );
  const present = rowsOf<{ name: string }>(
    await tx.execute(sql`select sequencename as name from pg_sequences where schemaname = 'public'`),
  ).map((r) => r.name);
  for (const name of present) {
    const own = owned.find((o) => o.seq === name);
    const highest = own
      ? rowsOf<{ m: string | null }>(
          await tx.execute(
            sql.raw(`select max(${quoteIdent(own.col)})::text as m from ${quoteIdent(own.tbl)}`),
          ),
        )[0]?.m
      : null;
    const values = [end.sequences[name]?.lastValue, highest]
      .filter((v): v is string => v != null)
      .map(BigInt);
    const regclass = `public.${quoteIdent(name)}`;
    if (values.length === 0) {
      await tx.execute(sql`select setval(${regclass}::regclass, 1, false)`);
    } else {
      // BigInt: Math.max cannot compare these.
      let value = values[0]!;
      for (const v of values) if (v > value) value = v;
      await tx.execute(sql`select setval(${regclass}::regclass, ${value.toString()}::bigint, true)`);
    }
  }
}

/**
 * Writes every row of the snapshot. The snapshot lists each table after those it refers to, so the
 * foreign keys stay in place; one that the file's order would break (a cycle, a file of another
 * order) is dropped for the load and added back at the end, which checks every row against it.
 */
export async function restoreSnapshot(
  db: Db,
  file: string,
  header: SnapshotHeader,
  force: boolean,
): Promise<Record<string, number>> {
  const position = new Map(header.tables.map((t, i) => [t.name, i]));
  return db.transaction(async (tx) => {
    const tables = await publicTables(tx);
    if (force) {
      await tx.execute(sql.raw(`truncate ${tables.map((t) => quoteIdent(t.name)).join(', ')} cascade`));
    }
    const keys = (await foreignKeys(tx)).filter(
      (k) =>
        k.tbl === k.parent ||
        (position.get(k.parent) ?? Number.POSITIVE_INFINITY) >= (position.get(k.tbl) ?? -1),
    );
    for (const k of keys) {
      await tx.execute(sql.raw(`alter table ${quoteIdent(k.tbl)} drop constraint ${quoteIdent(k.name)}`));
    }
    const written: Record<string, number> = {};
    let end: SnapshotEnd | null = null;
    let table = '';
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      await insertBatch(tx, table, batch);
      written[table] = (written[table] ?? 0) + batch.length;
      batch = [];
      chars = 0;
    };
    for await (const item of readSnapshot(file)) {
      if ('header' in item) continue;
      if ('end' in item) {
        end = item.end;
      } else if (item.kind === 'table') {
        if (table) await flush();
        table = item.table;
        written[table] = 0;
      } else {
        batch.push(item.text);
        chars += item.text.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      }
    }
    if (table) await flush();
    for (const k of keys) {
      await tx.execute(
        sql.raw(`alter table ${quoteIdent(k.tbl)} add constraint ${quoteIdent(k.name)} ${k.def}`),
      );
    }
    await resetSequences(tx, end!);
    return written;
  });
}
