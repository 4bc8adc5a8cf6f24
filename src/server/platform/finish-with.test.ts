import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { sendAsLast } from '../db/one-message.ts';
import { seedTwoCommunities } from '../test-support/fixtures.ts';
import { openTestDatabase } from '../test-support/test-database.ts';
import { AppError } from './app-error.ts';
import { idempotent } from './idempotency.ts';

// A transaction finished by its last statements (FinishWith, sendAsLast) relies on them running before
// the commit, on the same connection: if the commit ever went first, a refused sign-up's rows would
// be committed. These tests fail if the order or the rollback-on-refusal is lost.
describe('a transaction finished by its last statement', () => {
  let database: Database;
  let communityId: string;
  let accountId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    const seeded = await seedTwoCommunities(database.db);
    communityId = seeded.a;
    const rows = await database.db.execute(sql`select id from accounts limit 1`);
    accountId = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
    await database.db.execute(sql`create table finish_probe (n int primary key)`);
  });
  afterAll(() => database.close());

  const probes = async () =>
    (
      (await database.db.execute(sql`select n from finish_probe order by n`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows.map((r) => r.n);

  const attempt = (n: number, refuse: boolean, key: string) =>
    idempotent<{ n: number }>(
      database.db,
      { communityId, accountId, key, operation: 'probe' },
      async (tx, keepAnswer, finishWith) => {
        await tx.execute(sql`insert into finish_probe values (${n})`);
        const kept = keepAnswer({ status: 201, body: { n } })!;
        const last = refuse
          ? sql`select linli_refuse('SHIFT_FULL')`
          : sql`insert into finish_probe values (${n + 1000})`;
        finishWith(sendAsLast(tx, database.kind, [kept, last]));
        return { status: 201, body: { n } };
      },
    );

  it('commits what came before and the last statement together when it succeeds', async () => {
    await expect(attempt(1, false, 'k1')).resolves.toEqual({ status: 201, body: { n: 1 } });
    expect(await probes()).toEqual([1, 1001]);
  });

  it('rolls everything back when the last statement refuses, and throws the refusal as an AppError', async () => {
    const refused = await attempt(2, true, 'k2').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('SHIFT_FULL');
    expect(await probes()).toEqual([1, 1001]);
    // the refusal, not the early-kept 201, is what a retry of the key gets
    await expect(attempt(2, false, 'k2')).rejects.toMatchObject({ code: 'SHIFT_FULL' });
    expect(await probes()).toEqual([1, 1001]);
  });

  it('keeps many such transactions apart when they run at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => attempt(100 + i, i % 2 === 1, `many-${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const kept = (await probes()).filter((n) => n % 1000 >= 100);
    expect(kept).toEqual(
      [
        ...Array.from({ length: 20 }, (_, i) => 100 + 2 * i),
        ...Array.from({ length: 20 }, (_, i) => 1100 + 2 * i),
      ].sort((x, y) => x - y),
    );
  });
});
