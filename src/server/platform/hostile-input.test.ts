// Issue 11: every operation of the API document gets requests its schemas refuse (and some they take
// but nobody should send); none may crash the server, show its internals, or change the database.
// HOSTILE_RUNS (default 2) generated requests per kind of fault; HOSTILE_SEED to replay another draw.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, wholeDatabaseFingerprint } from '../test-support/database-fingerprint.ts';
import { type HostileScene, hostileScene } from '../test-support/hostile-scene.ts';
import {
  answerProblem,
  fixedRequests,
  generatedRequests,
  type HostileRequest,
  type Operation,
  operationsOf,
} from '../test-support/hostile-walk.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 2);
const SEED = Number(process.env.HOSTILE_SEED ?? 20260409);
const PARTS = 6;
const ANSWER_WITHIN_MS = 10_000;

describe('hostile input on every operation of the API document', () => {
  let t: TestApp;
  let scene: HostileScene;
  let operations: Operation[];
  const walked = new Set<string>();
  /** The server's side of each failure, by request id, to name the cause in the report. */
  const faults = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp({}, undefined, (app) => {
      app.addHook('onError', async (req, _reply, err) => {
        faults.set(req.id, String(err.stack).split('\n').slice(0, 4).join(' | '));
      });
    });
    scene = await hostileScene(t);
    operations = operationsOf((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  });
  afterAll(() => t?.close());

  /** Sends as each session in turn until one may perform the operation; every answer is checked. */
  const send = async (req: HostileRequest, problems: string[], label: string) => {
    let last: LightMyRequestResponse | undefined;
    for (const [, session] of scene.sessions) {
      const answer = t.app.inject({
        method: req.method,
        url: req.url,
        payload: req.payload,
        headers: {
          ...req.headers,
          cookie: session.cookie,
          ...(req.method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
        },
      });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS);
      });
      const res = await Promise.race([answer, late]);
      clearTimeout(timer);
      const where = `${label} — ${req.why} (${req.method} ${req.url.slice(0, 120)})`;
      if (!res) {
        problems.push(`${where}: no answer within ${ANSWER_WITHIN_MS} ms`);
        return null;
      }
      last = res;
      const problem = answerProblem(req, res);
      const requestId = res.statusCode >= 500 ? /"requestId":"([^"]+)"/.exec(res.body)?.[1] : undefined;
      if (problem) problems.push(`${where}: ${problem}${requestId ? ` [${faults.get(requestId)}]` : ''}`);
      if (res.statusCode !== 403) break;
    }
    return last!;
  };

  /** Refused requests first (the database must not move), then the nasty ones (a refusal must not move it). */
  const walk = async (op: Operation, index: number, problems: string[]) => {
    const db = t.deps.db;
    const ids = await scene.idsFor(op.path);
    const requests = [
      ...fixedRequests(op, ids, t.deps.config.bodyLimitBytes),
      ...generatedRequests(op, ids).flatMap((arb, k) =>
        fc.sample(arb, { seed: SEED + index * 31 + k, numRuns: RUNS }),
      ),
    ];
    let before = await wholeDatabaseFingerprint(db);
    for (const req of requests.filter((r) => r.kind === 'invalid')) await send(req, problems, op.operationId);
    let after = await wholeDatabaseFingerprint(db);
    const changed = changedTables(before, after);
    if (changed.length) problems.push(`${op.operationId}: refused requests changed ${changed.join(', ')}`);
    for (const req of requests.filter((r) => r.kind === 'nasty')) {
      const res = await send(req, problems, op.operationId);
      if (op.method === 'GET' || !res) continue;
      before = after;
      after = await wholeDatabaseFingerprint(db);
      // A refused request with a client key is kept for its retries (idempotency.ts): that row is its answer.
      const keyed = /"clientKey"/.test(String(req.payload)) || 'idempotency-key' in req.headers;
      const touched = changedTables(before, after).filter(
        (table) => !(keyed && table === 'idempotency_keys'),
      );
      if (res.statusCode >= 400 && touched.length)
        problems.push(`${op.operationId} — ${req.why}: refused, yet changed ${touched.join(', ')}`);
    }
    walked.add(op.operationId);
  };

  for (let part = 0; part < PARTS; part++) {
    it(`refuses with a clear 4xx, never crashes or leaks, and changes nothing (part ${part + 1} of ${PARTS})`, {
      timeout: 30_000 + RUNS * 30_000,
    }, async () => {
      const problems: string[] = [];
      for (const [index, op] of operations.entries()) {
        if (index % PARTS === part) await walk(op, index, problems);
      }
      expect(problems).toEqual([]);
    });
  }

  it('walked every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect([...walked].sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});
