// Load benchmark: replays a compound's mixed day (residents reading, volunteers scanning and signing up,
// leaders planning) through HTTP with autocannon against a real `linli serve` on the demo compound, at
// increasing rates, then a soak at one rate while the server's memory is sampled; beside it, the raw
// Fastify ceiling (a no-op route) measured on the same machine in the same run.
//   RATES=250,500,1000,1500  STEP_SECONDS=15  SOAK_RATE=1000  SOAK_SECONDS=300  BENCH_ONLY=pglite|postgres
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type RunningLinli, startLinli, stopLinli } from '../src/cli/process-helpers.ts';
import { createTestPostgresDatabase } from '../src/server/test-support/test-database.ts';
import { type Caller, type DemoWorld, OPERATION_CLASSES } from './load-mix.ts';
import { measureNoopCeiling } from './noop-ceiling.ts';

const RATES = (process.env.RATES ?? '250,500,1000,1500').split(',').map(Number);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 15);
const SOAK_RATE = Number(process.env.SOAK_RATE ?? 1000);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const ONLY = process.env.BENCH_ONLY;
const PASSWORD = process.env.LINLI_DEMO_PASSWORD ?? 'linli-demo';

async function signIn(base: string, username: string): Promise<Caller> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': '1' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: (await res.json()).session.csrfToken };
}

async function signInAll(base: string, usernames: string[]) {
  const callers: Caller[] = [];
  for (let i = 0; i < usernames.length; i += 8) {
    callers.push(...(await Promise.all(usernames.slice(i, i + 8).map((u) => signIn(base, u)))));
  }
  return callers;
}

const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

async function prepareWorld(base: string): Promise<DemoWorld> {
  const as = async (who: Caller, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: {
        cookie: who.cookie,
        'x-csrf-token': who.csrf,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const secretary = await signIn(base, 'secretary');
  const session = await as(secretary, 'GET', '/api/session');
  const communityId: string = session.session.memberships[0].communityId;
  const api = (p: string) => `/api/communities/${communityId}${p}`;
  const buildings = await as(secretary, 'GET', api('/buildings'));
  const groups = await as(secretary, 'GET', api('/groups'));
  const parcelsGroup = groups.items.find((g: { key: string }) => g.key === 'parcels');
  const leader = await signIn(base, 'v001');
  const shiftIds: string[] = [];
  const day = 86_400_000;
  for (let i = 0; i < 5; i++) {
    const startsAt = Date.now() + (3 + i) * day;
    const shift = await as(leader, 'POST', api('/shifts'), {
      groupId: parcelsGroup.id,
      title: `压测班次 ${i + 1}`,
      capacity: 20,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 4 * 3600_000).toISOString(),
      signupOpensAt: new Date(Date.now() - 60_000).toISOString(),
      signupClosesAt: new Date(startsAt - day).toISOString(),
      mode: 'first_come',
    });
    shiftIds.push(shift.id);
  }
  return {
    communityId,
    residents: await signInAll(base, range('r', 1, 120, 4)),
    scanners: await signInAll(base, range('v', 2, 40, 3)),
    volunteers: await signInAll(base, range('v', 41, 80, 3)),
    leaders: [secretary, leader, await signIn(base, 'staff1')],
    buildingIds: buildings.items.map((b: { id: string }) => b.id),
    shiftIds,
  };
}

interface ClassFigures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  refused: number;
  /** the refusals' status codes, e.g. "409×812" */
  codes: string;
  errors: number;
}

/** The mix at `rate` requests/s for `seconds`: one autocannon per operation class, all at once. */
async function runMix(base: string, world: DemoWorld, rate: number, seconds: number) {
  return Promise.all(
    OPERATION_CLASSES.map(async (op): Promise<ClassFigures> => {
      const classRate = Math.max(1, Math.round(rate * op.weight));
      const result = await autocannon({
        url: base,
        connections: Math.max(2, Math.ceil(classRate / 20)),
        overallRate: classRate,
        duration: seconds,
        timeout: 10,
        requests: op.requests(world),
      });
      const fiveXX = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => Number(code) >= 500)
        .reduce((n, [, s]) => n + (s.count ?? 0), 0);
      return {
        name: op.name,
        rps: result.requests.total / seconds,
        p50: result.latency.p50,
        p99: result.latency.p99,
        refused: result.non2xx - fiveXX,
        codes: Object.entries(result.statusCodeStats ?? {})
          .filter(([code]) => Number(code) >= 300)
          .map(([code, st]) => `${code}×${st.count ?? 0}`)
          .join(' '),
        errors: result.errors + result.timeouts + fiveXX,
      };
    }),
  );
}

function printStep(label: string, figures: ClassFigures[]) {
  const total = figures.reduce((n, f) => n + f.rps, 0);
  const errors = figures.reduce((n, f) => n + f.errors, 0);
  console.log(`  ${label}: ${total.toFixed(0)} req/s done, errors ${errors}`);
  for (const f of figures) {
    console.log(
      `    ${f.name.padEnd(16)} ${f.rps.toFixed(0).padStart(5)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(5)} ms  refused ${f.refused}${f.codes ? ` (${f.codes})` : ''}  errors ${f.errors}`,
    );
  }
}

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

async function soak(server: RunningLinli, world: DemoWorld) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(server.child.pid!)), 5000);
  const figures = await runMix(server.url, world, SOAK_RATE, SOAK_SECONDS);
  clearInterval(timer);
  printStep(`soak ${SOAK_RATE}/s for ${SOAK_SECONDS} s`, figures);
  if (samples.length < 4) return;
  const half = samples.slice(Math.floor(samples.length / 2));
  const slopePerMin = ((half.at(-1)! - half[0]!) / (half.length - 1)) * 12;
  console.log(
    `    server RSS MB: first ${samples[0]!.toFixed(0)}, max ${Math.max(...samples).toFixed(0)}, last ${samples.at(-1)!.toFixed(0)}; second half drifts ${slopePerMin.toFixed(1)} MB/min`,
  );
}

async function benchOn(kind: 'pglite' | 'postgres') {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const { url, drop } = await createTestPostgresDatabase();
    env = { DATABASE_URL: url };
    cleanup = drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-load-'));
    env = { DATABASE_URL: '', LINLI_DATA_DIR: dir };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const server = await startLinli({ ...env, LINLI_SEED_DEMO: '1', LOG_LEVEL: 'error' }, 600_000);
  try {
    const world = await prepareWorld(server.url);
    console.log(
      `\n${kind}: the demo compound, ${world.residents.length + world.scanners.length + world.volunteers.length + 3} callers`,
    );
    await runMix(server.url, world, 100, 3); // warm-up: JIT, caches, connections
    for (const rate of RATES)
      printStep(`${rate}/s for ${STEP_SECONDS} s`, await runMix(server.url, world, rate, STEP_SECONDS));
    if (SOAK_SECONDS > 0) await soak(server, world);
  } finally {
    await stopLinli(server.child);
    await cleanup();
  }
}

const ceiling = await measureNoopCeiling(STEP_SECONDS);
console.log(
  `raw Fastify ceiling (no-op route, same machine): ${ceiling.rps.toFixed(0)} req/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms`,
);
if (ONLY !== 'postgres') await benchOn('pglite');
if (ONLY !== 'pglite') {
  if (process.env.DATABASE_URL) await benchOn('postgres');
  else console.log('\nDATABASE_URL is not set: PostgreSQL skipped.');
}
