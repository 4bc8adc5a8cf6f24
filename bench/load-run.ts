// The pieces of bench/load.ts that the CI's short form (src/cli/load-smoke.test.ts) shares: signing the
// demo's people in, a few shifts to rush for, and the mix at one rate.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { httpSession } from '../src/cli/process-helpers.ts';
import { type AnswerTimeline, AnswerTimes } from './answer-times.ts';
import { type Caller, type DemoWorld, OPERATION_CLASSES } from './load-mix.ts';

const PASSWORD = process.env.LINLI_DEMO_PASSWORD ?? 'linli-demo';

export const signIn = (base: string, username: string): Promise<Caller> =>
  httpSession(base, username, PASSWORD);

async function signInAll(base: string, usernames: string[]) {
  const callers: Caller[] = [];
  for (let i = 0; i < usernames.length; i += 8) {
    callers.push(...(await Promise.all(usernames.slice(i, i + 8).map((u) => signIn(base, u)))));
  }
  return callers;
}

const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

/** `people` scales how many of the demo's residents and volunteers take part (1 = 120 + 39 + 40). */
export async function prepareWorld(base: string, people = 1): Promise<DemoWorld> {
  const upTo = (from: number, count: number) => from + Math.max(1, Math.round(count * people)) - 1;
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
    residents: await signInAll(base, range('r', 1, upTo(1, 120), 4)),
    scanners: await signInAll(base, range('v', 2, upTo(2, 39), 3)),
    volunteers: await signInAll(base, range('v', 41, upTo(41, 40), 3)),
    leaders: [secretary, leader],
    committee: [secretary, await signIn(base, 'staff1')],
    buildingIds: buildings.items.map((b: { id: string }) => b.id),
    shiftIds,
  };
}

export interface ClassFigures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  refused: number;
  /** the refusals' status codes, e.g. "409×812" */
  codes: string;
  errors: number;
}

// Each connection sends one request at a time: at 20/s a connection falls behind once answers take
// 50 ms, and the rate offered is then not reached. LOAD_PER_CONNECTION sets how many each one sends.
const PER_CONNECTION = Number(process.env.LOAD_PER_CONNECTION ?? 20);

// LOAD_CLASSES="parcel scans,dashboard" replays only those classes, each at its share of the rate: what
// one class costs the server and the database shows apart from the rest.
const ONLY_CLASSES = process.env.LOAD_CLASSES?.split(',').map((name) => name.trim());
const classesRun = OPERATION_CLASSES.filter((op) => !ONLY_CLASSES || ONLY_CLASSES.includes(op.name));

// autocannon limits a connection's rate per second of its own clock: at each second it sends back to
// back until it has sent its share. Connections started together send together, so one instance per
// class would bring the whole second's requests at its first moments. Each class is therefore split
// into PHASES instances started evenly across the first second: the requests of a second arrive in
// PHASES waves, as a compound's phones send them, rather than in one.
const PHASES = Number(process.env.LOAD_PHASES ?? 10);
const TIMEOUT_S = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shareOf = (total: number, parts: number, i: number) =>
  Math.floor(total / parts) + (i < total % parts ? 1 : 0);

/**
 * The mix at `rate` requests/s for `seconds`: every operation class at once, each in PHASES waves a
 * second; every answer also goes to `timeline` when one is given.
 */
export async function runMix(
  base: string,
  world: DemoWorld,
  rate: number,
  seconds: number,
  timeline?: AnswerTimeline,
) {
  return Promise.all(
    classesRun.map(async (op): Promise<ClassFigures> => {
      const classRate = Math.max(1, Math.round(rate * op.weight));
      const phases = Math.max(1, Math.min(PHASES, classRate));
      const times = new AnswerTimes(TIMEOUT_S * 1000);
      const results = await Promise.all(
        Array.from({ length: phases }, async (_, phase) => {
          await sleep((phase * 1000) / phases);
          const phaseRate = shareOf(classRate, phases, phase);
          const connections = Math.max(1, Math.ceil(phaseRate / PER_CONNECTION));
          const intervalMs = (1000 * connections) / phaseRate;
          // Without a callback autocannon answers with its run, which is also the run's event emitter.
          const instance = autocannon({
            url: base,
            connections,
            overallRate: phaseRate,
            duration: seconds,
            timeout: TIMEOUT_S,
            requests: op.requests(world),
          }) as Promise<autocannon.Result> & EventEmitter;
          instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
            times.record(ms, intervalMs);
            timeline?.record(ms, intervalMs);
          });
          return instance;
        }),
      );
      const codes = new Map<number, number>();
      for (const r of results)
        for (const [code, st] of Object.entries(r.statusCodeStats ?? {}))
          codes.set(Number(code), (codes.get(Number(code)) ?? 0) + (st.count ?? 0));
      const counted = (keep: (code: number) => boolean) =>
        [...codes].filter(([code]) => keep(code)).reduce((n, [, count]) => n + count, 0);
      const fiveXX = counted((code) => code >= 500);
      return {
        name: op.name,
        rps: results.reduce((n, r) => n + r.requests.total, 0) / seconds,
        p50: times.percentile(50),
        p99: times.percentile(99),
        refused: counted((code) => code >= 300 && code < 500),
        codes: [...codes]
          .filter(([code]) => code >= 300)
          .sort(([a], [b]) => a - b)
          .map(([code, count]) => `${code}×${count}`)
          .join(' '),
        errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0) + fiveXX,
      };
    }),
  );
}
