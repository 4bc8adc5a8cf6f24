// All of one community's data for handing over to another team: a zip of one JSON file per table and
// the same in one xlsx workbook. Only the community's own rows (every community table carries
// community_id, see distribution-keys.test.ts), its own row of communities, and the accounts of its
// members; never a credential: sessions, sign-in records, password hashes, tokens and secrets stay.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Db } from './client.ts';
import { DERIVED_TABLES, migrationMark, publicTables, quoteIdent } from './snapshot.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Global tables that are not exported at all: they hold other communities' people or no one's data. */
const LEFT_OUT_TABLES = ['sessions', 'login_attempts', 'platform_settings'];
/** Columns that would let the holder sign in or act as Linli: dropped from every row. */
const isSecretColumn = (name: string) => /(^|_)(password_hash|secret|token|token_hash)$/.test(name);

export interface CommunityExport {
  community: { id: string; slug: string; name: string };
  tables: { name: string; rows: Record<string, unknown>[] }[];
  omittedColumns: string[];
  migration: string | null;
}

type Row = Record<string, unknown>;

/** Finds a community by its id or its slug. */
export async function findCommunity(db: Db, idOrSlug: string) {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = rowsOf<{ id: string; slug: string; name: string }>(
    await db.execute(
      byId
        ? sql`select id, slug, name from communities where id = ${idOrSlug}`
        : sql`select id, slug, name from communities where slug = ${idOrSlug}`,
    ),
  );
  return row ?? null;
}

/** Reads the community's rows in one repeatable-read transaction, so the tables agree with each other. */
export async function readCommunity(db: Db, communityId: string): Promise<CommunityExport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw('set transaction isolation level repeatable read, read only'));
    const mark = await migrationMark(tx);
    const [community] = rowsOf<CommunityExport['community']>(
      await tx.execute(sql`select id, slug, name from communities where id = ${communityId}`),
    );
    if (!community) throw new Error(`no community ${communityId}`);
    const omitted = new Set<string>();
    const tables: CommunityExport['tables'] = [];
    for (const { name, columns } of await publicTables(tx)) {
      if (LEFT_OUT_TABLES.includes(name) || DERIVED_TABLES.includes(name)) continue;
      const t = quoteIdent(name);
      let where: ReturnType<typeof sql>;
      if (name === 'communities') where = sql`t.id = ${communityId}`;
      else if (name === 'accounts')
        where = sql`t.id in (select account_id from memberships where community_id = ${communityId})`;
      else if (columns.includes('community_id')) where = sql`t.community_id = ${communityId}`;
      else continue;
      const texts = rowsOf<{ r: string }>(
        await tx.execute(sql`select row_to_json(t)::text as r from ${sql.raw(t)} t where ${where}`),
      );
      const secret = columns.filter(isSecretColumn);
      for (const c of secret) omitted.add(`${name}.${c}`);
      const rows = texts.map(({ r }) => {
        const row = JSON.parse(r) as Row;
        for (const c of secret) delete row[c];
        return row;
      });
      tables.push({ name, rows });
    }
    return { community, tables, omittedColumns: [...omitted].sort(), migration: mark?.tag ?? null };
  });
}

// Excel's own limits: a sheet name of 31 characters without []:*?/\, a cell of 32,767 characters.
const MAX_CELL = 32_767;
function sheetNames(tables: string[]): string[] {
  const used = new Set<string>();
  return tables.map((name) => {
    const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
    let candidate = base;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)}~${i}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

export async function workbookOf(data: CommunityExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Linli';
  const names = sheetNames(data.tables.map((t) => t.name));
  data.tables.forEach((table, i) => {
    const sheet = book.addWorksheet(names[i]!);
    const columns = [...new Set(table.rows.flatMap((r) => Object.keys(r)))];
    sheet.columns = columns.map((c) => ({
      header: c,
      key: c,
      width: Math.min(40, Math.max(12, c.length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of table.rows) sheet.addRow(columns.map((c) => cell(row[c])));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The zip: manifest.json, tables/<table>.json (an array of rows, one a line) and <slug>.xlsx. */
export async function zipOf(data: CommunityExport, exportedAt: Date): Promise<NodeJS.ReadableStream> {
  const zip = new JSZip();
  const manifest = {
    format: 'linli-community-export',
    formatVersion: 1,
    exportedAt: exportedAt.toISOString(),
    migration: data.migration,
    community: data.community,
    tables: Object.fromEntries(data.tables.map((t) => [t.name, t.rows.length])),
    omittedTables: LEFT_OUT_TABLES,
    omittedColumns: data.omittedColumns,
    workbook: `${data.community.slug.replace(/[^\w.-]/g, '_')}.xlsx`,
  };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const t of data.tables) {
    zip.file(`tables/${t.name}.json`, `[${t.rows.map((r) => `\n${JSON.stringify(r)}`).join(',')}\n]\n`);
  }
  // An xlsx is a zip already: stored as it is.
  zip.file(manifest.workbook, await workbookOf(data), { compression: 'STORE' });
  return zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' });
}

/**
 * Reads the community (by id or slug) and records the hand-over in its audit log; null when there is
 * no such community. The zip streams from memory: one community's data is small beside the process.
 */
export async function exportCommunity(db: Db, idOrSlug: string, now = new Date()) {
  const found = await findCommunity(db, idOrSlug);
  if (!found) return null;
  const data = await readCommunity(db, found.id);
  const rows = data.tables.reduce((n, t) => n + t.rows.length, 0);
  const stream = await zipOf(data, now);
  const { audit } = await import('../platform/audit.ts');
  await audit(db, {
    communityId: found.id,
    account: null,
    role: 'system',
    action: 'community.export',
    targetType: 'community',
    targetId: found.id,
    params: { tables: data.tables.length, rows },
  });
  return { community: data.community, tables: data.tables.length, rows, stream };
}
