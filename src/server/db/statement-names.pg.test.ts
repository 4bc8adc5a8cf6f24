// PostgreSQL only: statements with parameters are prepared once per connection and reused, each run
// with its own values; statements without parameters stay unnamed.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPostgresDatabase } from '../test-support/test-database.ts';
import { type Database, openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { readTogether } from './read-together.ts';
import { accounts } from './schema/index.ts';
import { StatementNames } from './statement-names.ts';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const created = await createTestPostgresDatabase();
  drop = created.drop;
  // One connection: what it has prepared is what pg_prepared_statements shows.
  database = await openDatabase({ databaseUrl: created.url, poolSize: 1 });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close();
  await drop?.();
});

const prepared = async () => {
  const result = await database.db.execute(
    sql`select name, statement from pg_prepared_statements where not from_sql order by name`,
  );
  return (result as unknown as { rows: { name: string; statement: string }[] }).rows;
};

const accountNamed = (username: string) =>
  database.db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.username, username));

it('prepares a statement with parameters once on the connection and runs it with each call’s values', async () => {
  const before = await prepared();
  await database.db.insert(accounts).values([
    { username: 'names-a', displayName: 'A', passwordHash: 'x' },
    { username: 'names-b', displayName: 'B', passwordHash: 'x' },
  ]);
  expect(await accountNamed('names-a')).toEqual([{ name: 'A' }]);
  expect(await accountNamed('names-b')).toEqual([{ name: 'B' }]);
  expect(await accountNamed('nobody')).toEqual([]);
  const after = await prepared();
  const added = after.filter((s) => !before.some((b) => b.name === s.name));
  const selects = added.filter(
    (s) => s.statement.includes('"display_name"') && s.statement.startsWith('select'),
  );
  // three runs, one statement prepared
  expect(selects).toHaveLength(1);
  expect(selects[0]!.name).toMatch(/^linli_/);
  expect(selects[0]!.statement).toContain('$1');
});

it('leaves unnamed a statement without parameters, and one with a long list of them', async () => {
  await database.db.execute(sql.raw(`select 'no parameters here' as text`));
  const many = Array.from({ length: 100 }, (_, i) => `names-${i}`);
  expect(await database.db.select().from(accounts).where(inArray(accounts.username, many))).toEqual([]);
  const texts = (await prepared()).map((s) => s.statement);
  expect(texts.some((text) => text.includes('no parameters here'))).toBe(false);
  expect(texts.some((text) => text.includes('$100'))).toBe(false);
});

it('names a text once, keeps the names it gave, and gives no more past its bound or for bulk texts', () => {
  const names = new StatementNames(2);
  const first = names.nameFor('select $1');
  expect(first).toBeDefined();
  expect(names.nameFor('select $1')).toBe(first);
  const second = names.nameFor('select $1, $2');
  expect(second).not.toBe(first);
  expect(names.nameFor('select $1, $2, $3')).toBeUndefined();
  expect(names.nameFor('select $1')).toBe(first);
  expect(new StatementNames().nameFor(`select ${'$1, '.repeat(5_000)}$1`)).toBeUndefined();
});

it('prepares the statements of reads sent together under the same names, once on the connection', async () => {
  const before = await prepared();
  const byName = (username: string) =>
    database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  const counted = (username: string) =>
    database.db.execute(sql`select count(*)::int as n from ${accounts} where username <> ${username}`);
  for (const who of ['names-a', 'names-b', 'names-a']) {
    const [rows, count] = await readTogether(database.db, 'postgres', [byName(who), counted(who)]);
    expect(rows).toHaveLength(1);
    expect((count as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThan(0);
  }
  // the select, run alone afterwards, finds it prepared already
  await accountNamed('names-a');
  const added = (await prepared()).filter((s) => !before.some((b) => b.name === s.name));
  const texts = added.map((s) => s.statement);
  expect(texts).toHaveLength(2);
  expect(texts.some((t) => t.includes('count(*)::int as n'))).toBe(true);
  expect(texts.some((t) => t.startsWith('select "id" from "accounts"'))).toBe(true);
  expect(added.every((s) => s.name.startsWith('linli_'))).toBe(true);
});
