// PostgreSQL only: a serving process keeps its whole pool connected, so a sign-up window opening after a
// quiet hour does not make hundreds of requests wait for new connections at once.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestPostgresDatabase } from '../test-support/test-database.ts';
import { openDatabase } from './client.ts';

const connectionsTo = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) => {
  const result = await db.execute(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
};

it('opens every connection of a warm pool at start, and only one of a cold pool', async () => {
  const { url, drop } = await createTestPostgresDatabase();
  const warm = await openDatabase({ databaseUrl: url, poolSize: 6, keepWarm: true });
  const cold = await openDatabase({ databaseUrl: url, poolSize: 6 });
  try {
    // The query takes one of the warm pool's connections; the cold pool holds the one it checked.
    expect(await connectionsTo(warm.db)).toBe(7);
  } finally {
    await warm.close();
    await cold.close();
    await drop();
  }
});
