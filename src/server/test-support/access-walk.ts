import { errorMessage } from '../../shared/i18n/error-messages.ts';
import type { Role } from '../../shared/roles.ts';
import type { AccessRule } from '../platform/access-policy.table.ts';
import { defaultParams, type Probe, probes } from './access-probes.ts';
import type { AccessWorld, Identity } from './access-world.ts';
import type { TestApp } from './test-app.ts';

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** answers with a server-sent event stream, which never ends by itself */
  stream: boolean;
}

/** Every operation of the served OpenAPI document. */
export async function listOperations(t: TestApp): Promise<Operation[]> {
  const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        operationId: op.operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        stream: `${op.summary ?? ''}`.includes('text/event-stream'),
      });
    }
  }
  return ops;
}

/**
 * What an answer says about the caller's right:
 * - `signin`: 401, not signed in;
 * - `denied`: 403;
 * - `hidden`: 404 "community not found", what a non-member gets (it must not learn the community exists);
 * - `invalid`: the request's shape was refused (400 validation or malformed). Fastify validates the
 *   schema BEFORE the handler authorizes, so such an answer says nothing about the caller: a probe
 *   that draws it for an allowed identity is a broken probe, and the matrix fails on it;
 * - `allowed`: anything else, i.e. the request got past authorization (2xx, or a rule of the
 *   operation such as 404 for another row, 409 for a state, 410 for an expired preview).
 * Since every identity sends the same body and an allowed one proves it schema-valid, a `denied`
 * identity's 403 cannot have been decided by validation.
 */
export type Outcome = 'signin' | 'denied' | 'hidden' | 'invalid' | 'allowed';

const HIDDEN_MESSAGE = errorMessage('en', 'NOT_FOUND', { what: 'community' });

export function classify(status: number, body: string): Outcome {
  if (status === 401) return 'signin';
  if (status === 403) return 'denied';
  let error: { code?: string; message?: string } | undefined;
  try {
    error = JSON.parse(body)?.error;
  } catch {
    error = undefined;
  }
  if (status === 404 && error?.code === 'NOT_FOUND' && error.message === HIDDEN_MESSAGE) return 'hidden';
  if (status === 400 && (error?.code === 'VALIDATION_FAILED' || error?.code === 'MALFORMED_REQUEST'))
    return 'invalid';
  return 'allowed';
}

export interface Answer {
  status: number;
  body: string;
  outcome: Outcome;
}

export function requestFor(w: AccessWorld, op: Operation) {
  const probe: Probe = probes(w)[op.operationId] ?? {};
  const params = { ...defaultParams(w), ...probe.params };
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  return { url: probe.query ? `${path}?${probe.query}` : path, probe };
}

const OWN_SESSION = new Set(['login', 'logout', 'changePassword']);

/** Sends one operation's probe as one identity (English answers, so `hidden` can be recognised). */
export async function knock(
  t: TestApp,
  w: AccessWorld,
  op: Operation,
  who: Identity,
  baseUrl: string,
  /** send no body at all: a refusal must not wait for the upload it would refuse */
  bare = false,
): Promise<Answer> {
  // These end or replace the session they are sent with (sign-in revokes the one it brings; a new
  // password revokes them all): a session of their own keeps the walk's sessions alive.
  const session = OWN_SESSION.has(op.operationId) ? await w.freshSession(who) : w.sessions[who];
  const { url, probe } = requestFor(w, op);
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (session) headers.cookie = session.cookie;
  if (op.method !== 'GET') headers['x-csrf-token'] = session?.csrf ?? '1';
  if (op.stream) {
    // A stream that opens is allowed; it is closed at once. Refusals come back as ordinary JSON.
    const controller = new AbortController();
    const res = await fetch(`${baseUrl}${url}`, { headers, signal: controller.signal });
    const body = res.ok ? '' : await res.text();
    controller.abort();
    return { status: res.status, body, outcome: classify(res.status, body) };
  }
  const res = await t.app.inject({
    method: op.method,
    url,
    payload: bare ? undefined : ((probe.multipart?.payload ?? probe.body) as any),
    headers: { ...headers, ...(bare ? {} : (probe.multipart?.headers ?? {})) },
  });
  return { status: res.statusCode, body: res.body, outcome: classify(res.statusCode, res.body) };
}

/** What the table says an identity gets from an operation (see access-policy.table.ts). */
export function expected(rule: AccessRule, who: Identity): Outcome {
  if (rule === 'public') return 'allowed';
  if (who === 'anonymous') return 'signin';
  if (rule === 'signed-in') return 'allowed';
  if ('anywhere' in rule) {
    const held: readonly string[] =
      who === 'b-coordinator' ? ['coordinator'] : who === 'outsider' ? [] : [who];
    return held.some((r) => rule.anywhere.includes(r as Role)) ? 'allowed' : 'denied';
  }
  if (who === 'b-coordinator' || who === 'outsider') return 'hidden';
  return (rule as readonly Role[]).includes(who) ? 'allowed' : 'denied';
}

/** Runs tasks with at most `width` in flight. */
export async function inParallel(tasks: (() => Promise<void>)[], width: number) {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: width }, lane));
}
