// Load benchmark: replays a compound's mixed day (residents reading, volunteers scanning and signing up,
// leaders planning) through HTTP with autocannon against a real `linli serve` on the demo compound, at
// increasing rates, then a soak at one rate while the server's memory is sampled; beside it, the raw
// Fastify ceiling (a no-op route) measured on the same machine in the same run.
//   RATES=250,500,1000,1500  STEP_SECONDS=15  SOAK_RATE=1000  SOAK_SECONDS=300  BENCH_ONLY=pglite|postgres
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningLinli, runLinli, startLinli, stopLinli } from '../src/cli/process-helpers.ts';
import { createTestPostgresDatabase } from '../src/server/test-support/test-database.ts';
import { AnswerTimeline } from './answer-times.ts';
import { type CpuUse, cpuPerRequest, cpuUseNow } from './cpu-use.ts';
import type { DemoWorld } from './load-mix.ts';
import { type ClassFigures, prepareWorld, runMix } from './load-run.ts';
import { measureNoopCeiling } from './noop-ceiling.ts';

const RATES = (process.env.RATES ?? '250,500,1000,1500').split(',').map(Number);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 15);
const SOAK_RATE = Number(process.env.SOAK_RATE ?? 1000);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const ONLY = process.env.BENCH_ONLY;
const SOAK_WINDOW_S = 30;

function printStep(
  label: string,
  figures: ClassFigures[],
  cpu: { before: CpuUse; after: CpuUse; seconds: number },
) {
  const total = figures.reduce((n, f) => n + f.rps, 0);
  const errors = figures.reduce((n, f) => n + f.errors, 0);
  console.log(`  ${label}: ${total.toFixed(0)} req/s done, errors ${errors}`);
  const per = cpuPerRequest(cpu.before, cpu.after, total * cpu.seconds);
  const busy = ((per.server + per.postgres + per.generator) * total) / 10 / os.cpus().length;
  console.log(
    `    CPU per request: server ${per.server.toFixed(2)} ms, PostgreSQL ${per.postgres.toFixed(2)} ms, load generator ${per.generator.toFixed(2)} ms (all cores ${busy.toFixed(0)}% busy)`,
  );
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

async function measuredMix(
  server: RunningLinli,
  world: DemoWorld,
  rate: number,
  seconds: number,
  timeline?: AnswerTimeline,
) {
  const before = cpuUseNow(server.child.pid!);
  const figures = await runMix(server.url, world, rate, seconds, timeline);
  return [figures, { before, after: cpuUseNow(server.child.pid!), seconds }] as const;
}

async function soak(server: RunningLinli, world: DemoWorld) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rssMb(server.child.pid!)), 5000);
  const timeline = new AnswerTimeline(SOAK_WINDOW_S * 1000, 10_000);
  const figures = await measuredMix(server, world, SOAK_RATE, SOAK_SECONDS, timeline);
  clearInterval(timer);
  printStep(`soak ${SOAK_RATE}/s for ${SOAK_SECONDS} s`, ...figures);
  console.log(`    p99 of all classes per ${SOAK_WINDOW_S} s, in ms: ${timeline.percentiles(99).join(' ')}`);
  if (samples.length < 4) return;
  // The lowest sample of each minute is what the server kept after its collections: a leak raises these,
  // while the peaks between collections come and go with the garbage collector's timing.
  const floors: number[] = [];
  for (let i = 0; i < samples.length; i += 12) floors.push(Math.min(...samples.slice(i, i + 12)));
  console.log(
    `    server RSS MB: first ${samples[0]!.toFixed(0)}, max ${Math.max(...samples).toFixed(0)}, last ${samples.at(-1)!.toFixed(0)}; lowest per minute ${floors.map((f) => f.toFixed(0)).join(' ')}`,
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
  // The demo is written by its own process first, so the server measured (and profiled) only serves.
  for (const args of [['migrate'], ['seed', '--preset', 'gelin']]) {
    const run = runLinli(args, env);
    if (run.status !== 0) throw new Error(`linli ${args.join(' ')}: ${run.stderr}`);
  }
  const server = await startLinli({ ...env, LINLI_SEED_DEMO: '0', LOG_LEVEL: 'error' }, 600_000);
  try {
    const world = await prepareWorld(server.url);
    console.log(
      `\n${kind}: the demo compound, ${world.residents.length + world.scanners.length + world.volunteers.length + 3} callers`,
    );
    // Warm-up, not measured: JIT, the pool opening its connections, PostgreSQL planning each statement.
    await runMix(server.url, world, 100, 3);
    await runMix(server.url, world, 400, 8);
    for (const rate of RATES)
      printStep(`${rate}/s for ${STEP_SECONDS} s`, ...(await measuredMix(server, world, rate, STEP_SECONDS)));
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
