// Dashboard benchmark (issue 10): the story's compound with 30 days of its volumes (2,300 parcels a day,
// 16 testing rounds, hundreds of medicine requests and group-buy orders, shifts with attendance) and 49
// more compounds with a day's worth each for the street view, filled with set-based SQL; then a real
// `linli serve` process answers getDashboard (and getTrends, getStreetOverview when they exist) for
// p50/p99, beside a /api/health round trip measured in the same run as the anchor. The dashboard's
// statements are captured and each one is run under EXPLAIN (ANALYZE, BUFFERS) (EXPLAIN_PLANS=1 prints
// the plans).
// Targets (PostgreSQL): dashboard p99 < 100 ms, street view of 50 compounds < 500 ms.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { startLinli, stopLinli } from '../src/cli/process-helpers.ts';
import { type Database, type Db, openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import * as schema from '../src/server/db/schema/index.ts';
import { dashboardFigures } from '../src/server/features/dashboard/dashboard-figures.ts';
import { hashPassword } from '../src/server/platform/passwords.ts';
import { createTestPostgresDatabase } from '../src/server/test-support/test-database.ts';
import { compoundIdentity, compoundScript, NEIGHBOUR, STORY } from './dashboard-fill.ts';

const COMPOUNDS = Number(process.env.COMPOUNDS ?? 50);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const PASSWORD = 'bench-password';
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * Autovacuum off while filling: its statistics, taken half way (the story's month but no neighbours
 * yet), led the planner to join the neighbours' rows one by one, a fill of many minutes instead of
 * seconds. The fill ends with `vacuum analyze` of everything instead.
 */
async function setAutovacuum(database: Database, on: boolean) {
  if (database.kind !== 'postgres') return;
  const tables = await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' and tablename <> '__drizzle_migrations'`,
  );
  for (const { tablename } of (tables as unknown as { rows: { tablename: string }[] }).rows)
    await database.exec(`alter table "${tablename}" set (autovacuum_enabled = ${on})`);
}

async function fill(database: Database) {
  const started = Date.now();
  await setAutovacuum(database, false);
  const ids: string[] = [];
  for (let i = 0; i < COMPOUNDS; i++) {
    const who = compoundIdentity(i);
    await database.exec(compoundScript(who.id, who.slug, who.name, i === 0 ? STORY : NEIGHBOUR, i));
    ids.push(who.id);
  }
  const hash = await hashPassword(PASSWORD);
  const [secretary, street] = await database.db
    .insert(schema.accounts)
    .values([
      { username: 'bench-secretary', displayName: '书记', passwordHash: hash },
      { username: 'bench-street', displayName: '街道', passwordHash: hash },
    ])
    .returning({ id: schema.accounts.id });
  await database.db
    .insert(schema.memberships)
    .values([
      { communityId: ids[0]!, accountId: secretary!.id, role: 'coordinator' },
      ...ids.map((communityId) => ({ communityId, accountId: street!.id, role: 'viewer' })),
    ]);
  await setAutovacuum(database, true);
  // as autovacuum leaves a table after a bulk load: statistics and the visibility map (index-only scans)
  await database.exec('vacuum analyze');
  const tables = ['parcels', 'residents', 'testing_samples', 'medicine_requests', 'group_buy_orders'];
  tables.push('shift_signups', 'disinfection_tasks', 'relay_tasks');
  const counts = await database.db.execute(
    sql.raw(`select ${tables.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}`),
  );
  const c = (counts as unknown as { rows: Record<string, number>[] }).rows[0]!;
  console.log(
    `  filled ${COMPOUNDS} compounds in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      Object.entries(c)
        .map(([k, v]) => `${v} ${k}`)
        .join(', '),
  );
  return ids;
}

/** dashboardFigures in this process, straight on the database (no HTTP), as a second reference. */
async function inProcess(db: Db, communityId: string) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await dashboardFigures(db, communityId, new Date());
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times.slice(5), 50), p99: times.at(-1)! };
}

type Client = { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** The dashboard's statements, captured from one computation, each run under EXPLAIN ANALYZE; slowest first. */
async function explainStatements(database: Database, communityId: string) {
  const client = (database.db as unknown as { $client: Client }).$client;
  const seen: { query: string; params: unknown[] }[] = [];
  const options = {
    schema,
    logger: { logQuery: (query: string, params: unknown[]) => seen.push({ query, params }) },
  };
  const db =
    database.kind === 'postgres'
      ? drizzlePg(client as never, options)
      : drizzlePglite(client as never, options);
  await dashboardFigures(db as unknown as Db, communityId, new Date());
  const out: { ms: number; query: string; plan: string[] }[] = [];
  for (const s of seen) {
    const result = await client.query(`explain (analyze, buffers) ${s.query}`, s.params);
    const plan = result.rows.map((r) => String(r['QUERY PLAN']));
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
    out.push({ ms, query: s.query.replace(/\s+/g, ' '), plan });
  }
  return out.sort((x, y) => y.ms - x.ms);
}

function request(agent: http.Agent, url: string, cookie: string) {
  return new Promise<{ status: number; ms: number; body: string }>((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { agent, headers: { cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function timed(agent: http.Agent, url: string, cookie: string, n: number) {
  for (let i = 0; i < Math.min(10, n); i++) await request(agent, url, cookie); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await request(agent, url, cookie);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body.slice(0, 300)}`);
    times.push(res.ms);
  }
  times.sort((x, y) => x - y);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The path of an operation in the server's OpenAPI document, or null when it is not built yet. */
function operationPath(
  openapi: { paths: Record<string, Record<string, { operationId?: string }>> },
  id: string,
) {
  for (const [p, methods] of Object.entries(openapi.paths))
    for (const op of Object.values(methods)) if (op.operationId === id) return p;
  return null;
}

/** In process (and on PostgreSQL statement by statement), then over HTTP against `linli serve`. */
async function measure(
  kind: 'pglite' | 'postgres',
  label: string,
  open: () => Promise<Database>,
  main: string,
  env: NodeJS.ProcessEnv,
) {
  const database = await open();
  const raw = await inProcess(database.db, main);
  const tag = `  ${kind}, ${label}:`;
  console.log(
    `${tag} dashboardFigures in process p50 ${raw.p50.toFixed(1)} ms, max ${raw.p99.toFixed(1)} ms`,
  );
  const statements = await explainStatements(database, main);
  await database.close();
  const total = statements.reduce((n, s) => n + s.ms, 0);
  console.log(`${tag} ${statements.length} statements, ${total.toFixed(1)} ms of execution in all; slowest:`);
  for (const s of statements.slice(0, Number(process.env.EXPLAIN_TOP ?? 5))) {
    console.log(`    ${s.ms.toFixed(2)} ms  ${s.query.slice(0, 150)}`);
    if (process.env.EXPLAIN_PLANS === '1') for (const line of s.plan) console.log(`        ${line}`);
  }
  const server = await startLinli({ ...env, LINLI_SEED_DEMO: '0', LOG_LEVEL: 'warn' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const secretary = await signIn(server.url, 'bench-secretary');
    const street = await signIn(server.url, 'bench-street');
    const openapi = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const at = (id: string) => operationPath(openapi, id)?.replace('{communityId}', main);
    const measured = async (id: string, who: string, n: number) => {
      const where = at(id);
      return `${id} ${where ? await timed(agent, `${server.url}${where}`, who, n) : 'not built yet'}`;
    };
    const lines = [`health (anchor) ${await timed(agent, `${server.url}/api/health`, '', REQUESTS)}`];
    lines.push(await measured('getDashboard', secretary, REQUESTS));
    lines.push(await measured('getTrends', secretary, 50));
    lines.push(`${await measured('getStreetOverview', street, 50)} (${COMPOUNDS} compounds)`);
    console.log(`${tag} ${lines.join('; ')}`);
  } finally {
    agent.destroy();
    await stopLinli(server.child);
  }
}

async function run(kind: 'pglite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-dashboard-'));
  const pgdb = kind === 'postgres' ? await createTestPostgresDatabase() : null;
  const open = () => openDatabase(pgdb ? { databaseUrl: pgdb.url } : { dataDir: dir });
  const env = pgdb ? { DATABASE_URL: pgdb.url } : { LINLI_DATA_DIR: dir, DATABASE_URL: '' };
  try {
    const database = await open();
    await migrateDatabase(database);
    const main = (await fill(database))[0]!;
    await database.close();
    await measure(kind, 'schema', open, main, env);
  } finally {
    await pgdb?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `dashboard: ${COMPOUNDS} compounds, ${REQUESTS} requests each; load average ${load()} (${os.cpus().length} cores)`,
);
const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const only = process.env.BENCH_ONLY;
for (const kind of kinds.filter((k) => !only || k === only)) await run(kind);
console.log(`load average at the end ${load()}`);
