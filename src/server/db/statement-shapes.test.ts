import { eq, sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRow } from '../platform/audit.ts';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { openTestDatabase } from '../test-support/test-database.ts';
import type { Database } from './client.ts';
import { inlined, selectTogether } from './one-message.ts';
import { auditLog, communities, volunteerGroups } from './schema/index.ts';
import { insertRow, SelectShape, StatementShape } from './statement-shapes.ts';

const rows = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe('statements built once and filled per call', () => {
  let database: Database;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    ({ a, b } = await seedTwoCommunities(database.db));
  });
  afterAll(() => database.close());

  it('writes the same text as a statement built with the values, for any values', async () => {
    const shape = new StatementShape(
      (v: { word: string; n: number; at: Date }) => sql`
      select ${v.word}::text as word, ${v.n}::int as n, ${v.at}::timestamptz as at, '$1 stays' as quoted`,
    );
    const word = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !s.includes('\u0000')),
      fc.constantFrom("'", '\\', "\\'", '$1', '$$', "'; drop table accounts; --"),
    );
    const values = fc.record({
      word,
      n: fc.integer(),
      at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
    });
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        const direct = sql`
      select ${v.word}::text as word, ${v.n}::int as n, ${v.at}::timestamptz as at, '$1 stays' as quoted`;
        expect(inlined(shape.with(v))).toBe(inlined(direct));
        const [written] = rows(await database.db.execute(sql.raw(inlined(shape.with(v)))));
        expect(written!.word).toBe(v.word);
        expect(written!.n).toBe(v.n);
      }),
      { numRuns: 100 },
    );
  });

  it('inserts rows of any set of columns, each set with its own text', async () => {
    const row = (targetId: string | null, title: string) =>
      auditRow({
        communityId: a,
        account: null,
        role: 'system',
        action: 'shift.signup',
        targetType: 'shift',
        ...(targetId ? { targetId } : {}),
        params: { title, role: 'sorter' },
      });
    const db = database.db;
    const cases = [row(null, "O'Brien's shift"), row('t-1', '分拣 \\ 早班'), row(null, '晚班')];
    for (const r of cases)
      expect(inlined(insertRow(db, auditLog, r))).toBe(inlined(db.insert(auditLog).values(r)));
    const { kind } = database;
    await db.transaction(async (tx) => {
      for (const r of cases) {
        const statement = insertRow(tx, auditLog, r);
        await tx.execute(kind === 'postgres' ? sql.raw(statement.inlined()) : statement.getSQL());
      }
    });
    const kept = await db.select().from(auditLog).where(eq(auditLog.action, 'shift.signup'));
    expect(kept.map((k) => (k.data as { title: string }).title).sort()).toEqual(
      ["O'Brien's shift", '分拣 \\ 早班', '晚班'].sort(),
    );
  });

  it('refuses a table whose rows get a default computed in JS, which a shape would freeze', () => {
    const stamped = pgTable('stamped', {
      id: uuid('id').$defaultFn(() => crypto.randomUUID()),
      note: text('note'),
    });
    expect(() => insertRow(database.db, stamped, { note: 'x' })).toThrow(/default computed in JS/);
    expect(() => insertRow(database.db, stamped, { id: crypto.randomUUID(), note: 'x' })).not.toThrow();
  });

  it('reads each call’s own rows, mapped as drizzle maps them', async () => {
    // A left join: rows of a community without groups carry nulls, mapped as drizzle maps them.
    const build = (db: Database['db'], communityId: string) =>
      db
        .select({ community: communities, group: volunteerGroups.name })
        .from(communities)
        .leftJoin(volunteerGroups, eq(volunteerGroups.communityId, communities.id))
        .where(eq(communities.id, communityId))
        .orderBy(volunteerGroups.key);
    const groups = SelectShape.of((db, v: { communityId: string }) =>
      build(db as Database['db'], v.communityId),
    );
    const db = database.db;
    const direct = (communityId: string) => build(db, communityId);
    const [ofA, ofB] = await db.transaction((tx) =>
      selectTogether(tx, database.kind, [
        groups.with(tx, { communityId: a }),
        groups.with(tx, { communityId: b }),
      ]),
    );
    expect(ofA).toEqual(await direct(a));
    expect(ofB).toEqual(await direct(b));
    expect(ofA.length).toBeGreaterThan(0);
    expect(ofA[0]!.community.id).toBe(a);
    expect(ofB[0]!.community.id).toBe(b);
    expect(ofA[0]!.community.createdAt).toBeInstanceOf(Date);
  });
});
