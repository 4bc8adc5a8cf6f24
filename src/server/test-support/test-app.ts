import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { AppDeps, Clock } from '../platform/context.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
import { openTestDatabase } from './test-database.ts';

/** A clock the test moves by hand, for windows and deadlines. */
export function manualClock(start = new Date('2026-04-09T00:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  } satisfies Clock & { advance(ms: number): void };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

export async function createTestApp(
  overrides: Partial<Config> = {},
  database?: Database,
  prepare?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const db = database ?? (await openTestDatabase());
  const clock = manualClock();
  const config = { ...loadConfig({}), ...overrides };
  const deps: AppDeps = {
    db: db.db,
    dbKind: db.kind,
    listen: db.listen,
    config,
    clock,
    version: 'test',
    sessionSecret: 'test-secret',
  };
  const app = await buildApp(deps);
  prepare?.(app);
  await app.ready();
  return {
    app,
    database: db,
    deps,
    clock,
    close: async () => {
      await app.close();
      if (!database) await db.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = 'correct-horse',
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'x-csrf-token': '1' },
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: res.json().session.csrfToken };
}

export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: payload as any,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(method === 'GET' ? {} : { 'x-csrf-token': session?.csrf ?? '1' }),
      ...headers,
    },
  });
}
